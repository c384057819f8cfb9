package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.comments.CommentReason;

/** Pre-moderation: the article's ALL or NONE wins; INHERIT follows the site setting. */
final class PremoderationRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.PREMODERATION;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        CommentPremoderation article = input.articlePremoderation() == null
                ? CommentPremoderation.INHERIT : input.articlePremoderation();
        return switch (article) {
            case ALL -> Optional.of(ScreeningRule.reason(code(), "the article holds every comment"));
            case NONE -> Optional.empty();
            case INHERIT -> settings.settings().premoderation()
                    ? Optional.of(ScreeningRule.reason(code(), "the site holds every comment"))
                    : Optional.empty();
        };
    }
}
