package dev.copydesk.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A text cut into normalised word tokens for word-list matching. Each word of the text (a chunk
 * between spaces) gets a set of spellings: folded to lower case without accents (NFKD, marks
 * stripped), with and without common leetspeak (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, $→s, @→a, !→i),
 * with punctuation inside the word removed ({@code f.u.c.k}) and split at it ({@code you,idiot}).
 * Runs of single letters ({@code f u c k}) are joined as well. Matching happens on whole tokens,
 * never on substrings, so {@code Scunthorpe}, {@code classic} or {@code therapist} are not flagged.
 */
final class TextTokens {

    private static final int MAX_SPACED_RUN = 30;

    /** Per word of the text, in order: its candidate spellings. */
    private final List<Set<String>> words;
    /** Extra tokens that stand for several words of the text (joined spaced letters). */
    private final Set<String> joined;

    private TextTokens(List<Set<String>> words, Set<String> joined) {
        this.words = words;
        this.joined = joined;
    }

    static TextTokens of(String text) {
        String folded = fold(text);
        List<Set<String>> words = new ArrayList<>();
        for (String chunk : folded.split("\\s+")) {
            if (chunk.isEmpty()) {
                continue;
            }
            Set<String> spellings = new LinkedHashSet<>();
            addSpellings(chunk, spellings);
            if (chunk.chars().anyMatch(Character::isLetter)) {
                addSpellings(leet(chunk), spellings);
            }
            if (!spellings.isEmpty()) {
                words.add(spellings);
            }
        }
        return new TextTokens(words, joinSpacedLetters(words));
    }

    List<Set<String>> words() {
        return words;
    }

    Set<String> joined() {
        return joined;
    }

    /** Lower case, compatibility forms unfolded, accents and other combining marks removed. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** One word list entry as tokens (an entry may be a phrase such as "kill yourself"). */
    static List<String> entryTokens(String entry) {
        List<String> tokens = new ArrayList<>();
        for (String chunk : fold(entry).split("\\s+")) {
            String token = leet(chunk).replaceAll("[^\\p{L}\\p{N}]", "");
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static void addSpellings(String chunk, Set<String> into) {
        String whole = chunk.replaceAll("[^\\p{L}\\p{N}]", "");
        if (!whole.isEmpty()) {
            into.add(whole);
        }
        for (String part : chunk.split("[^\\p{L}\\p{N}]+")) {
            if (!part.isEmpty()) {
                into.add(part);
            }
        }
    }

    static String leet(String chunk) {
        StringBuilder out = new StringBuilder(chunk.length());
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    /** "f u c k", also inside a sentence ("you are a c u n t"): every run of 3+ single letters, joined. */
    private static Set<String> joinSpacedLetters(List<Set<String>> words) {
        Set<String> joined = new LinkedHashSet<>();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && singleLetter(words.get(j)) != null) {
                j++;
            }
            int end = Math.min(j, i + MAX_SPACED_RUN);
            for (int from = i; from < end; from++) {
                StringBuilder run = new StringBuilder();
                for (int to = from; to < end; to++) {
                    run.append(singleLetter(words.get(to)));
                    if (to - from >= 2) {
                        joined.add(run.toString());
                    }
                }
            }
            i = j == i ? i + 1 : j;
        }
        return joined;
    }

    /** The letter, when the word is a single letter in every spelling ("f", "f.", but not "f.u.c.k"). */
    private static String singleLetter(Set<String> spellings) {
        String letter = null;
        for (String s : spellings) {
            if (s.length() != 1) {
                return null;
            }
            if (Character.isLetter(s.charAt(0))) {
                letter = s;
            }
        }
        return letter;
    }
}
