package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;
import dev.copydesk.moderation.TextTokens.Disguise;

/**
 * An ambiguous entry of the banned list, written {@code ?dick}: a banned word that is also a common
 * name or a word of another language ({@code Dick Wolf}, German {@code dick} "thick"). It holds the
 * comment for a moderator instead of rejecting it, and plainly written proper names
 * ({@code Philip K. Dick}, {@code Moby-Dick}) do not count.
 */
final class HeldWordRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.HELD_WORD;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        return BannedWordRule.found(input.tokens().found(settings.banned()).stream()
                .filter(h -> h.certain() && h.entry().ambiguous() && !(h.nameLike() && h.how() == Disguise.NONE))
                .toList(), code(), " (hold, don't reject)");
    }
}
