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
    private final Map<String, List<Pattern>> byText = new HashMap<>();
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
            }
        }
        insideLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private void add(Pattern p) {
        patterns.add(p);
        byFirstLetter.computeIfAbsent(p.text().charAt(0), c -> new ArrayList<>()).add(p);
        byText.computeIfAbsent(p.text(), t -> new ArrayList<>()).add(p);
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

    /** The entries found in the text, in list order (as the admin wrote them). */
    List<String> find(TextTokens text) {
        return text.found(this).stream().filter(Hit::certain).map(h -> h.entry().name()).distinct().toList();
    }

    /** Every entry found, the plainest sighting of each, in list order. Use {@link TextTokens#found}. */
    List<Hit> search(TextTokens text) {
        Map<Entry, Hit> best = new HashMap<>();
        for (TextTokens.Word word : text.words()) {
            boolean whole = false;
            for (Spelling s : word.spellings()) {
                if (s.how() == Disguise.MASKED) {
                    masked(word, s, best);
                } else {
                    for (Pattern p : byFirstLetter.getOrDefault(s.text().charAt(0), List.of())) {
                        if (matches(s.text(), p.text())) {
                            offer(best, new Hit(p.entry(), p.variant() ? Disguise.VARIANT : s.how(), word.raw(), true,
                                    word.nameLike()));
                            whole = true;
                        }
                    }
                }
            }
            if (!whole) {
                for (Spelling s : word.spellings()) {
                    if (s.how() == Disguise.NONE || s.how() == Disguise.LEETSPEAK || s.how() == Disguise.LOOK_ALIKE) {
                        inside(word, s.text(), best);
                    }
                }
            }
        }
        for (TextTokens.Joined j : text.joined()) {
            for (Pattern p : byFirstLetter.getOrDefault(j.text().charAt(0), List.of())) {
                if (matches(j.text(), p.text())) {
                    offer(best, new Hit(p.entry(), j.how(), j.raw(), true, false));
                }
            }
        }
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

    private static void offer(Map<Entry, Hit> best, Hit hit) {
        Hit known = best.get(hit.entry());
        if (known == null || hit.rank() < known.rank()) {
            best.put(hit.entry(), hit);
        }
    }

    private void masked(TextTokens.Word word, Spelling s, Map<Entry, Hit> best) {
        char first = s.text().charAt(0);
        List<Pattern> candidates = first == TextTokens.WILDCARD ? patterns : byFirstLetter.getOrDefault(first, List.of());
        for (Pattern p : candidates) {
            if (wildMatches(s.text(), p.text())) {
                boolean certain = s.stars() ? s.known() >= 2 && s.known() >= s.masks() : s.masks() == 1 && s.known() >= 3;
                offer(best, new Hit(p.entry(), Disguise.MASKED, word.raw(), certain, word.nameLike()));
            }
        }
    }

    /** List words inside a longer token that is not a real word ("bullshit", "fuckingidiot"). */
    private void inside(TextTokens.Word word, String token, Map<Entry, Hit> best) {
        int n = token.length();
        if (n <= MIN_LENGTH_INSIDE || n > 40 || RealWords.containsWithEnding(token)) {
            return;
        }
        List<int[]> at = null;
        List<Pattern> found = null;
        for (int i = 0; i < n; i++) {
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
                offer(best, new Hit(p.entry(), Disguise.GLUED, word.raw(), certain, word.nameLike()));
            }
        }
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
            StringBuilder seen = new StringBuilder();
            for (int k = 0; k < parts.size(); k++) {
                Disguise matched = null;
                for (Spelling s : words.get(i + k).spellings()) {
                    if (s.how() != Disguise.MASKED && matches(s.text(), parts.get(k))) {
                        matched = s.how();
                        break;
                    }
                }
                if (matched == null) {
                    continue outer;
                }
                how = how.ordinal() >= matched.ordinal() ? how : matched;
                seen.append(k > 0 ? " " : "").append(words.get(i + k).raw());
            }
            offer(best, new Hit(phrase, how, seen.toString(), true, false));
            return;
        }
    }

    static boolean matches(String token, String word) {
        if (sameRuns(token, word)) {
            return true;
        }
        if (word.length() >= MIN_LENGTH_FOR_ENDINGS) {
            for (String ending : ENDINGS) {
                if (token.length() > ending.length() && token.endsWith(ending)
                        && sameRuns(token.substring(0, token.length() - ending.length()), word)) {
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

    /** Same letters in the same order, each run in the token at least as long as in the word. */
    private static boolean sameRuns(String token, String word) {
        int t = 0;
        int w = 0;
        while (t < token.length() && w < word.length()) {
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
            while (t < token.length() && token.charAt(t) == c) {
                t++;
                tokenRun++;
            }
            if (tokenRun < wordRun) {
                return false;
            }
        }
        return t == token.length() && w == word.length();
    }
}
