package dev.copydesk.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links in a comment, also disguised ones: {@code example[.]com}, {@code example(dot)com},
 * {@code example dot com}, {@code www . site . com}, the ideographic and full-width full stops
 * ({@code example。com}) and {@code hxxp://}. The disguises are undone before counting, so they count
 * as links for {@link TooManyLinksRule}, and each one is reported by {@link DisguisedTextRule}.
 */
final class Links {

    static final String TLD = "com|net|org|info|biz|io|co|ru|cn|xyz|top|shop|club|online|site|link|ly|me|app|store|tk";
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://[^\\s<>\"]+|www\\.[^\\s<>\"]+"
                    + "|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                    + "\\.(?:" + TLD + ")\\b(?:/[^\\s<>\"]*)?)");
    /** hxxp://, [.], (.), {.}, [dot], (dot), 。 ． ｡, " dot " before a top-level domain, " . " between name parts. */
    private static final Pattern DISGUISE = Pattern.compile(
            "(?i)\\bhxxps?://"
                    + "|[a-z0-9]\\s*[\\[({<]\\s*(?:\\.|dot)\\s*[\\])}>]\\s*[a-z0-9]"
                    + "|[a-z0-9]\\s*[\u3002\uFF0E\uFF61]\\s*[a-z0-9]"
                    + "|\\b([a-z0-9][a-z0-9-]*)\\s+dot\\s+(?:" + TLD + ")\\b"
                    + "|\\b(?:www|[a-z0-9][a-z0-9-]*)(?:\\s+\\.\\s+[a-z0-9][a-z0-9-]*)*\\s+\\.\\s+(?:" + TLD + ")\\b");
    /** Words that precede "dot com" in ordinary prose ("the dot com bubble"). */
    private static final Set<String> PROSE = Set.of("the", "a", "an", "this", "that", "old", "early", "first", "big",
            "of", "in", "and", "or", "any", "every", "era", "his", "her", "their", "our", "my", "your");

    private Links() {
    }

    /**
     * The links of one comment, found once for the rules that need them.
     *
     * @param count     links, disguised ones included
     * @param disguised the disguised ones, as written (at most five)
     */
    record Scan(int count, List<String> disguised) {
    }

    static Scan scan(String body) {
        if (!mayBeDisguised(body)) {
            return new Scan(countPlain(body), List.of());
        }
        return new Scan(countPlain(undisguised(body)), disguised(body));
    }

    static int count(String body) {
        return scan(body).count();
    }

    /**
     * Every match of {@link #LINK} lies inside one run of characters other than whitespace, {@code <},
     * {@code >} and {@code "}, and the separators are no word characters, so counting run by run
     * (with transparent bounds for {@code \b}) counts the same; only runs that may hold a link are
     * given to the expression.
     */
    private static int countPlain(String body) {
        Matcher m = LINK.matcher(body).useTransparentBounds(true).useAnchoringBounds(false);
        int n = 0;
        int length = body.length();
        int i = 0;
        while (i < length) {
            while (i < length && outsideLink(body.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !outsideLink(body.charAt(i))) {
                i++;
            }
            if (start < i && mayHaveLink(body, start, i)) {
                m.region(start, i);
                while (m.find()) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean outsideLink(char c) {
        return space(c) || c == '<' || c == '>' || c == '"';
    }

    /** The disguised links, as written. */
    static List<String> disguised(String body) {
        List<String> found = new ArrayList<>();
        if (!mayBeDisguised(body)) {
            return found;
        }
        Matcher m = DISGUISE.matcher(body);
        while (m.find() && found.size() < 5) {
            if (m.group(1) == null || !PROSE.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                found.add(around(body, m.start(), m.end()));
            }
        }
        return found;
    }

    static String undisguised(String body) {
        if (!mayBeDisguised(body)) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        Matcher m = DISGUISE.matcher(body);
        int last = 0;
        while (m.find()) {
            String hit = m.group();
            String plain;
            if (m.group(1) != null && PROSE.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                plain = hit;
            } else if (hit.regionMatches(true, 0, "hxxp", 0, 4)) {
                plain = "http" + hit.substring(4);
            } else {
                plain = hit.replaceAll("(?i)\\s*[\\[({<]\\s*(?:\\.|dot)\\s*[\\])}>]\\s*|\\s*[\u3002\uFF0E\uFF61]\\s*|\\s+dot\\s+|\\s+\\.\\s+", ".");
            }
            out.append(body, last, m.start()).append(plain);
            last = m.end();
        }
        return out.append(body, last, body.length()).toString();
    }

    private static final String[] TLDS = TLD.split("\\|");

    /**
     * A cheap look before {@link #LINK}: every link it finds contains {@code ://}, {@code www.} or a
     * full stop followed by a top-level domain, so a text with none of these has no link (most
     * comments). Looser than the expression, never stricter.
     */
    private static boolean mayHaveLink(String body, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c == '.') {
                for (String tld : TLDS) {
                    if (i + 1 + tld.length() <= to && body.regionMatches(true, i + 1, tld, 0, tld.length())) {
                        return true;
                    }
                }
            } else if (c == ':' && i + 3 <= to && body.startsWith("//", i + 1)
                    || (c == 'w' || c == 'W') && i + 4 <= to && body.regionMatches(true, i, "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cheap look before {@link #DISGUISE}: most comments have none of these. Whitespace is any the
     * expression's {@code \s} means; an opening bracket counts only before a full stop or "dot".
     */
    private static boolean mayBeDisguised(String body) {
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            switch (c) {
                case '\u3002', '\uFF0E', '\uFF61' -> {
                    return true;
                }
                case '[', '(', '{', '<' -> {
                    int j = skipSpace(body, i + 1);
                    if (j < n && (body.charAt(j) == '.' || body.regionMatches(true, j, "dot", 0, 3))) {
                        return true;
                    }
                }
                case ' ', '\t', '\n', '\u000B', '\f', '\r' -> {
                    // " . " and " dot " between name parts
                    int j = skipSpace(body, i + 1);
                    if (j + 1 < n && body.charAt(j) == '.' && space(body.charAt(j + 1))
                            || j + 3 < n && body.regionMatches(true, j, "dot", 0, 3) && space(body.charAt(j + 3))) {
                        return true;
                    }
                }
                case 'h', 'H' -> {
                    if (body.regionMatches(true, i, "hxxp", 0, 4)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static int skipSpace(String body, int from) {
        int j = from;
        while (j < body.length() && space(body.charAt(j))) {
            j++;
        }
        return j;
    }

    /** What {@code \s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The word(s) around a match, for a detail. */
    private static String around(String body, int start, int end) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(body.charAt(from - 1)) && start - from < 30) {
            from--;
        }
        int to = end;
        while (to < body.length() && !Character.isWhitespace(body.charAt(to)) && to - end < 30) {
            to++;
        }
        return body.substring(from, to);
    }
}
