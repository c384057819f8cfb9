package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/**
 * More than {@code maxLinks} links: addresses with a scheme or {@code www.}, and bare domains with a
 * common top-level domain ({@code cheap-pills.shop}), disguised ones included ({@link Links}).
 */
final class TooManyLinksRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.TOO_MANY_LINKS;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        int links = input.links().count();
        int max = settings.settings().maxLinks();
        return links > max
                ? Optional.of(ScreeningRule.reason(code(), links + " links (at most " + max + " allowed)"))
                : Optional.empty();
    }

    static int count(String body) {
        return Links.count(body);
    }
}
