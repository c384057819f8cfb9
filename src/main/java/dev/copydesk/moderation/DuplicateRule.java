package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** The same body from the same author within a day. */
final class DuplicateRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.DUPLICATE;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        return Optional.ofNullable(input.duplicateOf())
                .map(id -> ScreeningRule.reason(code(), "same text as comment " + id + " within a day"));
    }
}
