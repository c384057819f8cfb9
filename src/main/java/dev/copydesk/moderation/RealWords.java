package dev.copydesk.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Real English words (and a few names), the allow-list that keeps the Scunthorpe family out of
 * compound matching: a token that is a real word ({@code assassin}, {@code cocktail}, {@code Dickens})
 * is never searched for list words inside it, and a token that is not is flagged only where it splits
 * into real words and list words ({@code bull|shit}, {@code dumb|ass}).
 * <p>
 * {@code moderation/real-words.txt.gz} is SCOWL (size 50, American and British, as Debian's
 * {@code wamerican} and {@code wbritish} ship it; copyright Kevin Atkinson, free to redistribute),
 * lower-cased, ASCII letters only, no possessives. {@code real-words-excluded.txt} removes the
 * dictionary's own insults ({@code jackass}, {@code bullshit}); {@code real-words-extra.txt} adds
 * place names and surnames it lacks ({@code Scunthorpe}, {@code Penistone}).
 */
final class RealWords {

    private static final Set<String> INSULTS = list("real-words-excluded.txt");
    private static final Set<String> WORDS = load();

    private RealWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }

    /** A word a longer token may be made of when it is split: a real word or one of the excluded insults. */
    static boolean isPiece(String word) {
        return WORDS.contains(word) || INSULTS.contains(word);
    }

    /** A real word, or a real word with a common ending ({@code grapes}, {@code classics}). */
    static boolean containsWithEnding(String word) {
        if (WORDS.contains(word)) {
            return true;
        }
        for (String ending : WordList.ENDINGS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)
                    && WORDS.contains(word.substring(0, word.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(160_000);
        try (BufferedReader in = reader("real-words.txt.gz", true)) {
            in.lines().forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.removeAll(INSULTS);
        words.addAll(list("real-words-extra.txt"));
        return Set.copyOf(words);
    }

    private static Set<String> list(String name) {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = reader(name, false)) {
            in.lines().filter(line -> !line.startsWith("#"))
                    .flatMap(line -> java.util.Arrays.stream(line.trim().split("\\s+")))
                    .filter(w -> !w.isEmpty()).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static BufferedReader reader(String name, boolean gzip) throws IOException {
        InputStream in = RealWords.class.getResourceAsStream("/moderation/" + name);
        if (in == null) {
            throw new IllegalStateException("moderation/" + name + " is missing from the class path");
        }
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }
}
