package dev.copydesk.moderation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.copydesk.comments.CommentReason;
import dev.copydesk.moderation.TextTokens.Disguise;

/**
 * A word or phrase of the banned list, however it is spelled; the detail names the entries found and
 * says how a disguised one was read ({@code fuck; `f*ck` reads as fuck}). Ambiguous entries
 * ({@code ?dick}) and guesses are left to {@link HeldWordRule} and {@link DisguisedTextRule}.
 */
final class BannedWordRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.BANNED_WORD;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        return found(input.tokens().found(settings.banned()).stream()
                .filter(h -> h.certain() && !h.entry().ambiguous()).toList(), code(), "");
    }

    static Optional<CommentReason> found(List<WordList.Hit> hits, ScreeningCode code, String note) {
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        String names = hits.stream().map(h -> h.entry().name()).distinct().collect(Collectors.joining(", "));
        String readings = hits.stream().filter(h -> h.how() != Disguise.NONE)
                .map(h -> "`" + h.seen() + "` reads as " + h.entry().name()).collect(Collectors.joining("; "));
        return Optional.of(ScreeningRule.reason(code, names + note + (readings.isEmpty() ? "" : "; " + readings)));
    }
}
