package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** One screening rule: finds a fact about a comment and explains it. The outcome comes from the DMN table. */
interface ScreeningRule {

    ScreeningCode code();

    Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings);

    static CommentReason reason(ScreeningCode code, String detail) {
        return new CommentReason(code.name(), detail.length() > 200 ? detail.substring(0, 200) : detail);
    }
}
