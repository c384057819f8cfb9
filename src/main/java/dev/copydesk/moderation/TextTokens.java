package dev.copydesk.moderation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.lang.UScript;

/**
 * A text read for word-list matching, the way a reader would read it through its disguises. Each
 * word of the text (a chunk between spaces) gets a set of spellings:
 * <ul>
 * <li>its reading ({@link LookAlikes}: lower case, accents dropped, look-alike letters of other
 * scripts and Latin variants read as the letter they imitate, invisible characters dropped), with
 * punctuation inside the word removed ({@code f.u.c.k}) and split at it ({@code you,idiot}) and at
 * camel case ({@code #IdiotWriters});</li>
 * <li>the same with leetspeak replaced ({@code 0→o 1→i 3→e 4→a 5→s 7→t 8→b 9→g $→s @→a !→i |→i +→t €→e},
 * and once more with {@code 1} and {@code |} as {@code l});</li>
 * <li>a masked spelling, where symbols and digits inside the word ({@code f*ck}, {@code f#ck},
 * {@code f4ck}) and stars at its ends ({@code f***}) are wildcards.</li>
 * </ul>
 * Runs of single letters ({@code f u c k}) are joined, and so are two neighbouring words of which one
 * is not a real word ({@code fu ck}, {@code id iot}; {@link WordList} does that, where it knows which
 * joins could match). A word also records whether it mixes a Latin
 * letter with a look-alike from another script ({@code idiоt} with a Cyrillic {@code о}) and whether
 * it reads as a proper name (capitalised inside a sentence, next to another capitalised word or an
 * initial, or in a hyphenated name such as {@code Moby-Dick}).
 */
final class TextTokens {

    /** How a spelling was obtained, from the plainest; what a "reads as" detail calls it. */
    enum Disguise {
        NONE, LEETSPEAK, SPACED, LOOK_ALIKE, SPLIT, VARIANT, GLUED, MASKED
    }

    /**
     * One way to read a word.
     *
     * @param text  lower-case letters and digits; in a {@link Disguise#MASKED} spelling {@code ?} is a wildcard
     * @param masks wildcards in a masked spelling
     * @param known letters in a masked spelling
     * @param stars the wildcards are stars ({@code *}), the usual self-censoring mask
     * @param hiding  the stars hide letters rather than emphasise a word: one inside the word
     *                ({@code b*tch}), or stars on one side of what is no real word ({@code f***});
     *                not {@code *really*} or {@code really*}
     */
    record Spelling(String text, Disguise how, int masks, int known, boolean stars, boolean hiding) {

        Spelling(String text, Disguise how) {
            this(text, how, 0, 0, false, false);
        }
    }

    /**
     * A word of the text.
     *
     * @param raw          the word as written, without surrounding punctuation
     * @param mixedScripts names of the scripts mixed inside one run of letters, or null
     * @param chunk        its position among the chunks of the text (for {@link #nameLike})
     */
    record Word(String raw, List<Spelling> spellings, String mixedScripts, int chunk) {
    }

    /** A token that stands for several words of the text. */
    record Joined(String text, String raw, Disguise how) {
    }

    private static final int MAX_SPACED_RUN = 30;
    private static final int MAX_WORD = 60;
    static final char WILDCARD = '?';

    private final List<String> chunks;
    private final List<Word> words;
    private final List<String> plain;
    private final List<Joined> joined;
    private final String reading;
    private final Map<WordList, List<WordList.Hit>> found = new IdentityHashMap<>(4);

    private TextTokens(List<String> chunks, List<Word> words, List<String> plain, List<Joined> joined, String reading) {
        this.chunks = chunks;
        this.words = words;
        this.plain = plain;
        this.joined = joined;
        this.reading = reading;
    }

    static TextTokens of(String text) {
        List<String> chunks = chunks(text);
        List<Word> words = new ArrayList<>(chunks.size());
        List<String> plain = new ArrayList<>(chunks.size());
        StringBuilder reading = new StringBuilder(text.length());
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            String read = read(chunk);
            String shown = read.replace(CAMEL, "");
            if (!shown.isEmpty()) {
                if (!reading.isEmpty()) {
                    reading.append(' ');
                }
                reading.append(shown);
            }
            Map<String, Spelling> spellings = new LinkedHashMap<>();
            boolean ascii = ascii(chunk);
            Disguise base = !ascii && lookAlike(chunk) ? Disguise.LOOK_ALIKE : Disguise.NONE;
            addSpellings(read, base, spellings);
            if (hasLetter(read)) {
                String leet = leet(read, false);
                if (leet != read) {
                    addSpellings(leet, max(base, Disguise.LEETSPEAK), spellings);
                    String asL = leet(read, true);
                    if (!asL.equals(leet)) {
                        addSpellings(asL, max(base, Disguise.LEETSPEAK), spellings);
                    }
                }
                addMasked(read, spellings);
            }
            if (spellings.isEmpty()) {
                continue;
            }
            words.add(new Word(trimmed(chunk), List.copyOf(spellings.values()), ascii ? null : mixedScripts(chunk), i));
            plain.add(lettersOnly(leet(read, false)));
        }
        List<Joined> joined = new ArrayList<>();
        joinSpacedLetters(words, joined);
        return new TextTokens(chunks, words, plain, joined, reading.toString());
    }

    List<Word> words() {
        return words;
    }

    List<Joined> joined() {
        return joined;
    }

    /** The i-th word's letters with leetspeak read (for joining split words, see {@link WordList}). */
    String plain(int i) {
        return plain.get(i);
    }

    /** The text as matching reads it: lower case, look-alikes resolved, invisible characters dropped. */
    String reading() {
        return reading;
    }

    /** The hits of a word list in this text, found once per list. */
    List<WordList.Hit> found(WordList list) {
        return found.computeIfAbsent(list, l -> l.search(this));
    }

    /** Lower case, accents and marks removed, look-alike letters read as Latin (for list entries too). */
    static String fold(String text) {
        return read(text).replace(CAMEL, "");
    }

    /** One word list entry as tokens (an entry may be a phrase such as "kill yourself"). */
    static List<String> entryTokens(String entry) {
        List<String> tokens = new ArrayList<>();
        for (String chunk : fold(entry).split("\\s+")) {
            String token = lettersOnly(leet(chunk, false));
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Marks a camel-case boundary inside a reading ("IdiotWriters"); removed with punctuation. */
    private static final String CAMEL = "\u0001";

    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (space && start >= 0) {
                chunks.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            chunks.add(text.substring(start));
        }
        return chunks;
    }

    private static String read(String chunk) {
        StringBuilder out = new StringBuilder(chunk.length());
        int previous = -1;
        for (int i = 0; i < chunk.length() && out.length() < 4 * MAX_WORD; ) {
            int cp = chunk.codePointAt(i);
            if (previous >= 0 && Character.isLowerCase(previous) && Character.isUpperCase(cp)) {
                out.append(CAMEL);
            }
            out.append(LookAlikes.of(cp).text());
            if (Character.getType(cp) != Character.FORMAT) {
                previous = cp;
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean ascii(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            if (chunk.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean lookAlike(String chunk) {
        for (int i = 0; i < chunk.length(); ) {
            int cp = chunk.codePointAt(i);
            if (cp >= 128 && LookAlikes.of(cp).lookAlike()) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Latin letters and look-alikes from another script in one run of letters ("idiоt"), or null. */
    private static String mixedScripts(String chunk) {
        boolean latin = false;
        int other = -1;
        for (int i = 0; i <= chunk.length(); ) {
            int cp = i < chunk.length() ? chunk.codePointAt(i) : ' ';
            if (Character.isLetter(cp)) {
                LookAlikes.Reading r = LookAlikes.of(cp);
                if (r.script() == UScript.LATIN) {
                    latin = true;
                } else if (r.lookAlike() && r.script() != UScript.COMMON && r.script() != UScript.INHERITED) {
                    other = r.script();
                }
            } else if (Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.NON_SPACING_MARK) {
                if (latin && other >= 0) {
                    return "Latin and " + LookAlikes.scriptName(other);
                }
                latin = false;
                other = -1;
            }
            i += i < chunk.length() ? Character.charCount(cp) : 1;
        }
        return null;
    }

    private static void addSpellings(String read, Disguise how, Map<String, Spelling> into) {
        String whole = lettersOnly(read);
        if (!whole.isEmpty()) {
            into.putIfAbsent(whole, new Spelling(whole, how));
        }
        int start = -1;
        for (int i = 0; i <= read.length(); i++) {
            boolean part = i < read.length() && Character.isLetterOrDigit(read.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                String token = read.substring(start, i);
                into.putIfAbsent(token, new Spelling(token, how));
                start = -1;
            }
        }
    }

    /**
     * Symbols and digits between letters as wildcards ({@code f*ck}, {@code sh#t}, {@code f4ck}),
     * and stars at either end ({@code f***}, {@code *uck}). Apostrophes, hyphens, slashes and other
     * separators end a part instead ({@code don't} is not masked).
     */
    private static void addMasked(String read, Map<String, Spelling> into) {
        int start = 0;
        for (int i = 0; i <= read.length(); i++) {
            if (i == read.length() || separator(read.charAt(i))) {
                masked(read.substring(start, i), into);
                start = i + 1;
            }
        }
    }

    private static void masked(String part, Map<String, Spelling> into) {
        int from = 0;
        int to = part.length();
        while (from < to && !Character.isLetter(part.charAt(from)) && part.charAt(from) != '*') {
            from++;
        }
        while (to > from && !Character.isLetter(part.charAt(to - 1)) && part.charAt(to - 1) != '*') {
            to--;
        }
        if (to - from < 3 || to - from > MAX_WORD) {
            return;
        }
        StringBuilder out = new StringBuilder(to - from);
        int masks = 0;
        int known = 0;
        boolean stars = true;
        for (int i = from; i < to; i++) {
            char c = part.charAt(i);
            if (Character.isLetter(c)) {
                out.append(c);
                known++;
            } else if (c == CAMEL.charAt(0) || Character.isLowSurrogate(c)) {
                continue; // an emoji is one mask, not two
            } else {
                out.append(WILDCARD);
                masks++;
                stars &= c == '*';
            }
        }
        if (masks > 0 && known > 0) {
            String text = out.toString();
            into.putIfAbsent(WILDCARD + text, new Spelling(text, Disguise.MASKED, masks, known, stars, hiding(text)));
        }
    }

    /** A wildcard between letters, or wildcards on one side only of letters that are no real word. */
    private static boolean hiding(String masked) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) != WILDCARD) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        for (int i = first + 1; i < last; i++) {
            if (masked.charAt(i) == WILDCARD) {
                return true;
            }
        }
        boolean before = first > 0;
        boolean after = last < masked.length() - 1;
        return before != after && !RealWords.contains(masked.substring(first, last + 1));
    }

    private static boolean separator(char c) {
        return c == '\'' || c == '\u2019' || c == '-' || c == '\u2010' || c == '\u2013' || c == '\u2014' || c == '/'
                || c == ',' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == '{' || c == '}' || c == '<' || c == '>' || c == '=' || c == '&';
    }

    static String leet(String chunk, boolean asL) {
        StringBuilder out = null;
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            char r = switch (c) {
                case '0' -> 'o';
                case '1', '|' -> asL ? 'l' : 'i';
                case '!' -> 'i';
                case '3', '\u20ac' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '8' -> 'b';
                case '9' -> 'g';
                default -> c;
            };
            if (r != c && out == null) {
                out = new StringBuilder(chunk.length()).append(chunk, 0, i);
            }
            if (out != null) {
                out.append(r);
            }
        }
        return out == null ? chunk : out.toString();
    }

    static String lettersOnly(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = Character.isLetterOrDigit(c);
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Disguise max(Disguise a, Disguise b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The word without the punctuation around it, for a reason detail. */
    private static String trimmed(String chunk) {
        int from = 0;
        int to = chunk.length();
        while (from < to && !Character.isLetterOrDigit(chunk.charAt(from)) && "*@$|#".indexOf(chunk.charAt(from)) < 0) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(chunk.charAt(to - 1)) && chunk.charAt(to - 1) != '*') {
            to--;
        }
        String word = from < to ? chunk.substring(from, to) : chunk;
        return word.length() > 40 ? word.substring(0, 40) + "…" : word;
    }

    /**
     * Written like a proper name: capitalised and not shouted, and either inside a sentence, next to
     * another capitalised word or an initial ({@code Dick Wolf}, {@code Philip K. Dick}), or a
     * hyphenated name ({@code Moby-Dick}). Asked only for hits of ambiguous entries.
     */
    boolean nameLike(Word word) {
        int i = word.chunk();
        String chunk = letterSpan(chunks.get(i));
        int hyphen = chunk.indexOf('-');
        if (hyphen > 0) {
            for (String part : chunk.split("-")) {
                if (!capitalised(part)) {
                    return false;
                }
            }
            return true;
        }
        if (!capitalised(chunk)) {
            return false;
        }
        boolean sentenceStart = i == 0 || endsSentence(chunks.get(i - 1));
        boolean previousCapitalised = i > 0 && capitalised(letterSpan(chunks.get(i - 1)));
        boolean nextCapitalised = i + 1 < chunks.size() && capitalised(letterSpan(chunks.get(i + 1)));
        return !sentenceStart || previousCapitalised || nextCapitalised;
    }

    /** From the first letter to the last ("(Moby-Dick)," → "Moby-Dick"). */
    private static String letterSpan(String chunk) {
        int from = 0;
        int to = chunk.length();
        while (from < to && !Character.isLetter(chunk.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetter(chunk.charAt(to - 1))) {
            to--;
        }
        return chunk.substring(from, to).replace('\u2010', '-');
    }

    private static boolean endsSentence(String chunk) {
        if (chunk.length() == 2 && Character.isUpperCase(chunk.charAt(0)) && chunk.charAt(1) == '.') {
            return false; // an initial: "Philip K. Dick"
        }
        char last = chunk.charAt(chunk.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':' || last == '"';
    }

    private static boolean capitalised(String word) {
        if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0))) {
            return false;
        }
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                letters++;
                if (Character.isUpperCase(word.charAt(i))) {
                    upper++;
                }
            }
        }
        return letters == 1 || upper < letters;
    }

    /** "f u c k", also inside a sentence ("you are a c u n t"): every run of 3+ single letters, joined. */
    private static void joinSpacedLetters(List<Word> words, List<Joined> into) {
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && singleLetter(words.get(j)) != null) {
                j++;
            }
            int end = Math.min(j, i + MAX_SPACED_RUN);
            for (int from = i; from < end; from++) {
                StringBuilder run = new StringBuilder();
                StringBuilder raw = new StringBuilder();
                for (int to = from; to < end; to++) {
                    run.append(singleLetter(words.get(to)));
                    raw.append(to > from ? " " : "").append(words.get(to).raw());
                    if (to - from >= 2) {
                        into.add(new Joined(run.toString(), raw.toString(), Disguise.SPACED));
                    }
                }
            }
            i = j == i ? i + 1 : j;
        }
    }

    /** The letter, when the word is a single letter in every plain spelling ("f", "f.", but not "f.u.c.k"). */
    private static String singleLetter(Word word) {
        String letter = null;
        for (Spelling s : word.spellings()) {
            if (s.how() == Disguise.MASKED) {
                continue;
            }
            if (s.text().length() != 1) {
                return null;
            }
            if (Character.isLetter(s.text().charAt(0))) {
                letter = s.text();
            }
        }
        return letter;
    }
}
