package dev.copydesk.moderation;

import java.util.Optional;

import dev.copydesk.comments.CommentReason;

/** Mostly capitals: at least {@code shoutingMinLetters} letters, 70 % or more of them upper case. */
final class ShoutingRule implements ScreeningRule {

    static final double RATIO = 0.7;

    @Override
    public ScreeningCode code() {
        return ScreeningCode.SHOUTING;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        int letters = 0;
        int upper = 0;
        String body = input.body();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        if (letters < settings.settings().shoutingMinLetters() || upper < RATIO * letters) {
            return Optional.empty();
        }
        return Optional.of(ScreeningRule.reason(code(), (100 * upper / letters) + "% capitals in " + letters + " letters"));
    }
}
