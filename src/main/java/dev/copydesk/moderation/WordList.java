package dev.copydesk.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.copydesk.moderation.TextTokens.Disguise;
import dev.copydesk.moderation.TextTokens.Spelling;

/**
 * A list of words and phrases, compiled for matching {@link TextTokens}. A token matches a word when
 * it has the same letters in the same order with each letter repeated at least as often
 * ({@code fuuuuck} matches {@code fuck}, but {@code as} does not match {@code ass}), optionally
 * followed by a common ending (s, es, ed, er, ers, ing, y) for words of four letters or more. A word
 * of the list also matches:
 * <ul>
 * <li>its common variant spellings ({@link SpellingVariants}: {@code fvck}, {@code phuck}, {@code azzhole});</li>
 * <li>a masked token whose wildcards fit it ({@code f*ck}, {@code a**hole}, {@code f4ck}): for sure when
 * the mask is stars and at least half the letters are shown, or one other symbol among three letters
 * or more; otherwise the hit is uncertain ({@code f***});</li>
 * <li>inside a longer token that is not a real word ({@link RealWords}): for sure when the token
 * splits into real words and list words ({@code bull|shit}, {@code fucking|idiot}, {@code dumb|ass}),
 * uncertain when it does not (only for list words of four letters or more).</li>
 * </ul>
 * An entry written with a leading {@code ?} ({@code ?dick}) is <em>ambiguous</em>: a common name or a
 * word of another language too. Phrases ({@code kill yourself}) match consecutive words.
 */
final class WordList {

    static final String[] ENDINGS = {"s", "es", "ed", "er", "ers", "ing", "y"};
    static final String AMBIGUOUS_MARK = "?";
    /** Endings a list word may carry inside a longer token: the usual ones and a few that make adjectives and nouns. */
    private static final String[] INSIDE_ENDINGS = {"s", "es", "ed", "er", "ers", "ing", "y", "ish", "ness", "ery", "ier", "iest"};
    private static final int MIN_LENGTH_FOR_ENDINGS = 4;
    private static final int MIN_LENGTH_INSIDE = 3;
    private static final int MIN_LENGTH_UNCERTAIN_INSIDE = 4;
    private static final String[] SHORT_WORDS = {"my", "me", "up", "of", "no", "so", "go", "in", "on", "to", "ur", "ya", "oh", "u"};

    /**
     * One entry of the list.
     *
     * @param name      as the admin wrote it, without the ambiguous mark
     * @param ambiguous written with a leading {@code ?}: hold, don't reject
     */
    record Entry(String name, List<String> tokens, boolean ambiguous) {
    }

    /**
     * Where the text has an entry.
     *
     * @param how      the disguise it was seen through
     * @param seen     the word(s) as written
     * @param certain  false for a guess (too much masked, or inside a token that does not split into words)
     * @param nameLike the word is written like a proper name
     */
    record Hit(Entry entry, Disguise how, String seen, boolean certain, boolean nameLike) {

        int rank() {
            return (certain ? 0 : 100) + (entry.ambiguous() && nameLike && how == Disguise.NONE ? 50 : 0) + how.ordinal();
        }
    }

    private record Pattern(Entry entry, String text, boolean variant) {
    }

    private final List<Entry> entries;
    private final List<Entry> phrases = new ArrayList<>();
    private final Map<Character, List<Pattern>> byFirstLetter = new HashMap<>();
    /** Every three-letter start of a pattern (a–z), to skip tokens that contain none without allocating. */
    private final boolean[] trigrams = new boolean[26 * 26 * 26];
    private boolean oddPatterns;
    private final Map<String, List<Pattern>> byText = new HashMap<>();
    /** Patterns by their letters with repeats collapsed ("fuck", "shit"; "ass" → "as"): whole-token matching is a lookup. */
    private final Map<String, List<Pattern>> byCollapsed = new HashMap<>();
    /** Every proper prefix of a pattern: the first half of a split word ("fu" of "fu ck") must be one. */
    private final java.util.Set<String> prefixes = new java.util.HashSet<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final int[] insideLengths;

    private WordList(List<Entry> entries) {
        this.entries = entries;
        TreeSet<Integer> lengths = new TreeSet<>();
        for (Entry entry : entries) {
            if (entry.tokens().size() > 1) {
                phrases.add(entry);
                continue;
            }
            String token = entry.tokens().get(0);
            add(new Pattern(entry, token, false));
            for (String variant : SpellingVariants.of(token)) {
                add(new Pattern(entry, variant, true));
            }
        }
        for (Pattern p : patterns) {
            if (p.text().length() >= MIN_LENGTH_INSIDE) {
                lengths.add(p.text().length());
                int t = trigram(p.text(), 0);
                if (t < 0) {
                    oddPatterns = true;
                } else {
                    trigrams[t] = true;
                }
            }
        }
        insideLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private void add(Pattern p) {
        patterns.add(p);
        byFirstLetter.computeIfAbsent(p.text().charAt(0), c -> new ArrayList<>()).add(p);
        byText.computeIfAbsent(p.text(), t -> new ArrayList<>()).add(p);
        byCollapsed.computeIfAbsent(collapsed(p.text(), p.text().length()), t -> new ArrayList<>()).add(p);
        for (int i = 1; i < p.text().length(); i++) {
            prefixes.add(p.text().substring(0, i));
        }
    }

    /** The first {@code end} characters with each run of a letter as one ("fuuuck" → "fuck"). */
    private static String collapsed(String text, int end) {
        StringBuilder out = null;
        for (int i = 1; i < end; i++) {
            if (text.charAt(i) == text.charAt(i - 1)) {
                if (out == null) {
                    out = new StringBuilder(end).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out != null ? out.toString() : end == text.length() ? text : text.substring(0, end);
    }

    /** The patterns a whole token matches (same runs, or same runs and a common ending). */
    private void wholeMatches(String token, java.util.function.Consumer<Pattern> hit) {
        List<Pattern> same = byCollapsed.get(collapsed(token, token.length()));
        if (same != null) {
            for (Pattern p : same) {
                if (sameRuns(token, token.length(), p.text())) {
                    hit.accept(p);
                }
            }
        }
        for (String ending : ENDINGS) {
            if (token.length() > ending.length() + 2 && token.endsWith(ending)) {
                int end = token.length() - ending.length();
                List<Pattern> stem = byCollapsed.get(collapsed(token, end));
                if (stem != null) {
                    for (Pattern p : stem) {
                        if (p.text().length() >= MIN_LENGTH_FOR_ENDINGS && sameRuns(token, end, p.text())) {
                            hit.accept(p);
                        }
                    }
                }
            }
        }
    }

    /** The index of the three letters at {@code i}, or -1 when one is not a–z. */
    private static int trigram(String text, int i) {
        int a = text.charAt(i) - 'a';
        int b = text.charAt(i + 1) - 'a';
        int c = text.charAt(i + 2) - 'a';
        return a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25 ? -1 : (a * 26 + b) * 26 + c;
    }

    private List<Pattern> startingWith(char c) {
        List<Pattern> ps = byFirstLetter.get(c);
        return ps == null ? List.of() : ps;
    }

    static WordList of(Collection<String> words) {
        List<Entry> entries = new ArrayList<>();
        for (String word : words) {
            String trimmed = word.trim();
            boolean ambiguous = trimmed.startsWith(AMBIGUOUS_MARK);
            String name = ambiguous ? trimmed.substring(1).trim() : trimmed;
            List<String> tokens = TextTokens.entryTokens(name);
            if (!tokens.isEmpty()) {
                entries.add(new Entry(name, tokens, ambiguous));
            }
        }
        return new WordList(entries);
    }

    /** Every entry found, the plainest sighting of each, in list order. Use {@link TextTokens#found}. */
    List<Hit> search(TextTokens text) {
        Map<Entry, Hit> best = new HashMap<>();
        for (TextTokens.Word word : text.words()) {
            boolean whole = false;
            for (Spelling s : word.spellings()) {
                if (s.how() == Disguise.MASKED) {
                    masked(text, word, s, best);
                } else {
                    boolean[] matched = {false};
                    wholeMatches(s.text(), p -> {
                        offer(best, new Hit(p.entry(), p.variant() ? Disguise.VARIANT : s.how(), word.raw(), true,
                                p.entry().ambiguous() && text.nameLike(word)));
                        matched[0] = true;
                    });
                    whole |= matched[0];
                }
            }
            if (!whole) {
                for (Spelling s : word.spellings()) {
                    if (s.how() == Disguise.NONE || s.how() == Disguise.LEETSPEAK || s.how() == Disguise.LOOK_ALIKE) {
                        inside(text, word, s.text(), best);
                    }
                }
            }
        }
        for (TextTokens.Joined j : text.joined()) {
            wholeMatches(j.text(), p -> offer(best, new Hit(p.entry(), j.how(), j.raw(), true, false)));
        }
        pairs(text, best);
        for (Entry phrase : phrases) {
            phrase(text, phrase, best);
        }
        List<Hit> hits = new ArrayList<>(best.size());
        for (Entry entry : entries) {
            Hit hit = best.get(entry);
            if (hit != null) {
                hits.add(hit);
            }
        }
        return hits;
    }

    /**
     * Two neighbouring words joined ("fu ck", "id iot", "f uck"), unless both are real words, or a
     * single letter joins a real word ("s hit").
     */
    private void pairs(TextTokens text, Map<Entry, Hit> best) {
        List<TextTokens.Word> words = text.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            String a = text.plain(i);
            String b = text.plain(i + 1);
            if (a.isEmpty() || b.isEmpty() || !prefixes.contains(a)) {
                continue;
            }
            for (Pattern p : startingWith(a.charAt(0))) {
                String w = p.text();
                if (w.length() > a.length() && w.startsWith(a) && w.charAt(a.length()) == b.charAt(0)) {
                    String joined = a + b;
                    if (matches(joined, w) && split(a, b)) {
                        offer(best, new Hit(p.entry(), Disguise.SPLIT, words.get(i).raw() + " " + words.get(i + 1).raw(),
                                true, false));
                    }
                }
            }
        }
    }

    private static boolean split(String a, String b) {
        if (!letters(a) || !letters(b)) {
            return false;
        }
        boolean realA = realPiece(a) && RealWords.contains(a);
        boolean realB = realPiece(b) && RealWords.contains(b);
        return a.length() == 1 ? !realB : b.length() == 1 ? !realA : !(realA && realB);
    }

    private static boolean letters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void offer(Map<Entry, Hit> best, Hit hit) {
        Hit known = best.get(hit.entry());
        if (known == null || hit.rank() < known.rank()) {
            best.put(hit.entry(), hit);
        }
    }

    private void masked(TextTokens text, TextTokens.Word word, Spelling s, Map<Entry, Hit> best) {
        char first = s.text().charAt(0);
        List<Pattern> candidates = first == TextTokens.WILDCARD ? patterns : startingWith(first);
        for (Pattern p : candidates) {
            if (wildMatches(s.text(), p.text())) {
                boolean certain = s.stars() ? s.known() >= 2 && s.known() >= s.masks() : s.masks() == 1 && s.known() >= 3;
                offer(best, new Hit(p.entry(), Disguise.MASKED, word.raw(), certain, p.entry().ambiguous() && text.nameLike(word)));
            }
        }
    }

    /** List words inside a longer token that is not a real word ("bullshit", "fuckingidiot"). */
    private void inside(TextTokens text, TextTokens.Word word, String token, Map<Entry, Hit> best) {
        int n = token.length();
        if (n <= MIN_LENGTH_INSIDE || n > 40 || !mayContainPattern(token) || RealWords.containsWithEnding(token)) {
            return;
        }
        List<int[]> at = null;
        List<Pattern> found = null;
        for (int i = 0; i < n; i++) {
            if (!oddPatterns && !startsPattern(token, i)) {
                continue; // no pattern of an inside length starts with these three letters: no substring to look up
            }
            for (int length : insideLengths) {
                if (i + length > n || length >= n) {
                    break;
                }
                List<Pattern> ps = byText.get(token.substring(i, i + length));
                if (ps != null) {
                    if (at == null) {
                        at = new ArrayList<>();
                        found = new ArrayList<>();
                    }
                    for (Pattern p : ps) {
                        at.add(new int[] {i, i + length});
                        found.add(p);
                    }
                }
            }
        }
        if (at == null) {
            return;
        }
        boolean certain = splitsIntoWords(token, at);
        for (Pattern p : found) {
            if (certain || (p.text().length() >= MIN_LENGTH_UNCERTAIN_INSIDE && !p.entry().ambiguous())) {
                offer(best, new Hit(p.entry(), Disguise.GLUED, word.raw(), certain, p.entry().ambiguous() && text.nameLike(word)));
            }
        }
    }

    /** A pattern of {@link #MIN_LENGTH_INSIDE} letters or more may start at {@code i} (only when no pattern is odd). */
    private boolean startsPattern(String token, int i) {
        if (i + MIN_LENGTH_INSIDE > token.length()) {
            return false;
        }
        int t = trigram(token, i);
        return t >= 0 && trigrams[t];
    }

    private boolean mayContainPattern(String token) {
        if (oddPatterns) {
            return true;
        }
        for (int i = 0; i + 3 <= token.length(); i++) {
            int t = trigram(token, i);
            if (t >= 0 && trigrams[t]) {
                return true;
            }
        }
        return false;
    }

    /** The token splits into real words (three letters or more, or a few short ones) and at least one list word. */
    private static boolean splitsIntoWords(String token, List<int[]> listWords) {
        int n = token.length();
        // 0 unreachable, 1 reachable through real words only, 2 reachable with a list word on the way
        int[] reach = new int[n + 1];
        reach[0] = 1;
        for (int i = 0; i < n; i++) {
            if (reach[i] == 0) {
                continue;
            }
            for (int[] w : listWords) {
                if (w[0] == i) {
                    reach[w[1]] = 2;
                    for (String ending : INSIDE_ENDINGS) {
                        if (token.startsWith(ending, w[1])) {
                            reach[w[1] + ending.length()] = 2;
                        }
                    }
                }
            }
            for (int j = i + 1; j <= n; j++) {
                if (reach[j] < reach[i] && realPiece(token.substring(i, j))) {
                    reach[j] = reach[i];
                }
            }
        }
        return reach[n] == 2;
    }

    static boolean realPiece(String piece) {
        if (piece.length() >= 3) {
            return RealWords.isPiece(piece);
        }
        for (String word : SHORT_WORDS) {
            if (word.equals(piece)) {
                return true;
            }
        }
        return false;
    }

    private static void phrase(TextTokens text, Entry phrase, Map<Entry, Hit> best) {
        List<TextTokens.Word> words = text.words();
        List<String> parts = phrase.tokens();
        outer:
        for (int i = 0; i + parts.size() <= words.size(); i++) {
            Disguise how = Disguise.NONE;
            for (int k = 0; k < parts.size(); k++) {
                Disguise matched = null;
                for (Spelling s : words.get(i + k).spellings()) {
                    if (s.how() != Disguise.MASKED && s.text().charAt(0) == parts.get(k).charAt(0)
                            && matches(s.text(), parts.get(k))) {
                        matched = s.how();
                        break;
                    }
                }
                if (matched == null) {
                    continue outer;
                }
                how = how.ordinal() >= matched.ordinal() ? how : matched;
            }
            StringBuilder seen = new StringBuilder(); // only for a match: most words start none
            for (int k = 0; k < parts.size(); k++) {
                seen.append(k > 0 ? " " : "").append(words.get(i + k).raw());
            }
            offer(best, new Hit(phrase, how, seen.toString(), true, false));
            return;
        }
    }

    static boolean matches(String token, String word) {
        if (sameRuns(token, token.length(), word)) {
            return true;
        }
        if (word.length() >= MIN_LENGTH_FOR_ENDINGS) {
            for (String ending : ENDINGS) {
                if (token.length() > ending.length() && token.endsWith(ending)
                        && sameRuns(token, token.length() - ending.length(), word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A masked token against a word: each wildcard stands for one letter; a common ending may follow. */
    static boolean wildMatches(String token, String word) {
        if (sameWithWildcards(token, word)) {
            return true;
        }
        if (word.length() >= MIN_LENGTH_FOR_ENDINGS) {
            for (String ending : ENDINGS) {
                if (token.length() == word.length() + ending.length() && token.endsWith(ending)
                        && sameWithWildcards(token.substring(0, word.length()), word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameWithWildcards(String token, String word) {
        if (token.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != TextTokens.WILDCARD && c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Same letters in the same order, each run in the token's first {@code end} characters at least as long as in the word. */
    private static boolean sameRuns(String token, int end, String word) {
        int t = 0;
        int w = 0;
        while (t < end && w < word.length()) {
            char c = word.charAt(w);
            if (token.charAt(t) != c) {
                return false;
            }
            int wordRun = 0;
            while (w < word.length() && word.charAt(w) == c) {
                w++;
                wordRun++;
            }
            int tokenRun = 0;
            while (t < end && token.charAt(t) == c) {
                t++;
                tokenRun++;
            }
            if (tokenRun < wordRun) {
                return false;
            }
        }
        return t == end && w == word.length();
    }
}
