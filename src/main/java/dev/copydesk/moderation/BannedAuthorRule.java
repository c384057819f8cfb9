package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** The author is banned or suspended. */
final class BannedAuthorRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.BANNED_AUTHOR;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        return Optional.ofNullable(input.activeBan()).map(ban -> ScreeningRule.reason(code(), ban));
    }
}
