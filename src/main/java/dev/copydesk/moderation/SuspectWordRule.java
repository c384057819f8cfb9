package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** A word or phrase of the suspect list, however it is spelled: a moderator should look. */
final class SuspectWordRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.SUSPECT_WORD;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        return BannedWordRule.found(input.tokens().found(settings.suspect()).stream()
                .filter(WordList.Hit::certain).toList(), code(), "");
    }
}
