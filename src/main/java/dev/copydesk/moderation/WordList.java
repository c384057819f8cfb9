package dev.copydesk.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of words and phrases, compiled for matching {@link TextTokens}. A token matches a word when
 * it has the same letters in the same order with each letter repeated at least as often
 * ({@code fuuuuck} matches {@code fuck}, but {@code as} does not match {@code ass}), optionally
 * followed by a common ending (s, es, ed, er, ers, ing, y) for words of four letters or more.
 * Whole tokens only: no word is ever found inside another one.
 */
final class WordList {

    private static final String[] ENDINGS = {"s", "es", "ed", "er", "ers", "ing", "y"};
    private static final int MIN_LENGTH_FOR_ENDINGS = 4;

    private final List<Entry> entries;

    private WordList(List<Entry> entries) {
        this.entries = entries;
    }

    static WordList of(Collection<String> words) {
        List<Entry> entries = new ArrayList<>();
        for (String word : words) {
            List<String> tokens = TextTokens.entryTokens(word);
            if (!tokens.isEmpty()) {
                entries.add(new Entry(word.trim(), tokens));
            }
        }
        return new WordList(entries);
    }

    /** The entries (as the admin wrote them) found in the text, in list order. */
    List<String> find(TextTokens text) {
        Set<String> found = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.tokens().size() == 1 ? containsWord(text, entry.tokens().get(0)) : containsPhrase(text, entry.tokens())) {
                found.add(entry.original());
            }
        }
        return List.copyOf(found);
    }

    private static boolean containsWord(TextTokens text, String word) {
        for (Set<String> spellings : text.words()) {
            for (String token : spellings) {
                if (matches(token, word)) {
                    return true;
                }
            }
        }
        for (String token : text.joined()) {
            if (matches(token, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsPhrase(TextTokens text, List<String> phrase) {
        List<Set<String>> words = text.words();
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int k = 0; k < phrase.size(); k++) {
                String part = phrase.get(k);
                if (words.get(i + k).stream().noneMatch(token -> matches(token, part))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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

    private record Entry(String original, List<String> tokens) {
    }
}
