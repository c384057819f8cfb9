package dev.copydesk.moderation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.copydesk.comments.CommentReason;

/**
 * More than {@code maxLinks} links: addresses with a scheme or {@code www.}, and bare domains with a
 * common top-level domain ({@code cheap-pills.shop}).
 */
final class TooManyLinksRule implements ScreeningRule {

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://[^\\s<>\"]+|www\\.[^\\s<>\"]+"
                    + "|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                    + "\\.(?:com|net|org|info|biz|io|co|ru|cn|xyz|top|shop|club|online|site|link|ly|me|app|store|tk)"
                    + "\\b(?:/[^\\s<>\"]*)?)");

    @Override
    public ScreeningCode code() {
        return ScreeningCode.TOO_MANY_LINKS;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        int links = count(input.body());
        int max = settings.settings().maxLinks();
        return links > max
                ? Optional.of(ScreeningRule.reason(code(), links + " links (at most " + max + " allowed)"))
                : Optional.empty();
    }

    static int count(String body) {
        Matcher m = LINK.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
