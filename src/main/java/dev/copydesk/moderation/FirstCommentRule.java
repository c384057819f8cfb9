package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** The author is not trusted yet: fewer than {@code trustAfterApproved} approved comments. */
final class FirstCommentRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.FIRST_COMMENT;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        int needed = settings.settings().trustAfterApproved();
        return input.approvedByAuthor() < needed
                ? Optional.of(ScreeningRule.reason(code(), input.approvedByAuthor() + " approved comments, "
                        + needed + " needed to be trusted"))
                : Optional.empty();
    }
}
