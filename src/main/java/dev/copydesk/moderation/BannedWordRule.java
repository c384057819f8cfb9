package dev.copydesk.moderation;

import java.util.List;
import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** A word or phrase of the banned list, however it is spelled; the detail names the entries found. */
final class BannedWordRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.BANNED_WORD;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        return found(settings.banned().find(input.tokens()), code());
    }

    static Optional<CommentReason> found(List<String> words, ScreeningCode code) {
        return words.isEmpty() ? Optional.empty() : Optional.of(ScreeningRule.reason(code, String.join(", ", words)));
    }
}
