package dev.copydesk.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How staff search reads text, the same for what is indexed and what is asked: words are runs of
 * letters and digits, folded to lower case without accents ({@code Café} and {@code CAFE} are both
 * {@code cafe}), at least {@value #MIN_LENGTH} characters, cut at {@value #MAX_LENGTH}. Also the
 * highlighter: where a folded query word occurs in the original text.
 */
public final class SearchText {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 40;
    /** Distinct words indexed per document: a 100,000-character body stays a bounded number of rows. */
    public static final int MAX_TERMS = 2_000;
    /** Words a query may name. */
    public static final int MAX_QUERY_TERMS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    /** One word folded: NFKD, marks dropped, lower case (ROOT), {@code ß} as {@code ss}. */
    public static String fold(String word) {
        String folded = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("ß", "ss");
        return folded.length() > MAX_LENGTH ? folded.substring(0, MAX_LENGTH) : folded;
    }

    /** The distinct folded words of {@code texts}, in order of first appearance, at most {@link #MAX_TERMS}. */
    public static Set<String> terms(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = WORD.matcher(text);
            while (m.find() && terms.size() < MAX_TERMS) {
                String term = fold(m.group());
                if (term.length() >= MIN_LENGTH) {
                    terms.add(term);
                }
            }
        }
        return terms;
    }

    /** A query's words; 400 naming {@code field} when it has more than {@link #MAX_QUERY_TERMS}. */
    public static List<String> queryTerms(String field, String query) {
        List<String> terms = new ArrayList<>(terms(query == null ? "" : query));
        if (terms.size() > MAX_QUERY_TERMS) {
            throw new InvalidRequestException(field, "may name at most " + MAX_QUERY_TERMS + " words");
        }
        return terms;
    }

    /**
     * A window of {@code text} of about {@code width} characters around the first query word found,
     * with the ranges of every query word in it (offsets into the snippet, end exclusive).
     */
    public static Highlight highlight(String text, List<String> queryTerms, int width) {
        if (text == null) {
            return new Highlight("", List.of());
        }
        List<int[]> found = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String term = fold(m.group());
            if (queryTerms.contains(term)) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        int from = 0;
        if (!found.isEmpty() && text.length() > width) {
            from = Math.max(0, Math.min(found.get(0)[0] - width / 4, text.length() - width));
        }
        int to = Math.min(text.length(), from + width);
        List<Range> ranges = new ArrayList<>();
        for (int[] r : found) {
            if (r[0] >= from && r[1] <= to) {
                ranges.add(new Range(r[0] - from, r[1] - from));
            }
        }
        return new Highlight(text.substring(from, to), ranges);
    }

    /** A piece of a document and where the query's words are in it. */
    public record Highlight(String snippet, List<Range> ranges) {
    }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of a snippet. */
    public record Range(int start, int end) {
    }
}
