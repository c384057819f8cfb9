package dev.copydesk.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.copydesk.comments.CommentReason;

/**
 * The facts screening found, with their reasons. {@link #decisionInputs()} are the inputs of the
 * DMN table {@code comment-screening}, which turns them into APPROVE, HOLD or REJECT.
 *
 * @param externalVerdict ALLOW, HOLD, REJECT or FAILED from the external endpoint; NONE when not asked
 */
public record ScreeningResult(List<CommentReason> reasons, String externalVerdict) {

    /** The DMN input names, by rule. */
    public static final Map<ScreeningCode, String> FACTS = Map.of(
            ScreeningCode.BANNED_AUTHOR, "bannedAuthor",
            ScreeningCode.BANNED_WORD, "bannedWord",
            ScreeningCode.HELD_WORD, "heldWord",
            ScreeningCode.DUPLICATE, "duplicate",
            ScreeningCode.SUSPECT_WORD, "suspectWord",
            ScreeningCode.DISGUISED_TEXT, "disguised",
            ScreeningCode.TOO_MANY_LINKS, "tooManyLinks",
            ScreeningCode.SHOUTING, "shouting",
            ScreeningCode.FIRST_COMMENT, "firstComment",
            ScreeningCode.PREMODERATION, "premoderation");
    public static final String EXTERNAL_VERDICT = "externalVerdict";

    public ScreeningResult {
        reasons = List.copyOf(reasons);
        externalVerdict = externalVerdict == null ? "NONE" : externalVerdict;
    }

    /** Every fact as a boolean (true when its rule found something) plus the external verdict. */
    public Map<String, Object> decisionInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ScreeningCode code : ScreeningCode.values()) {
            String fact = FACTS.get(code);
            if (fact != null) {
                inputs.put(fact, reasons.stream().anyMatch(r -> r.code().equals(code.name())));
            }
        }
        inputs.put(EXTERNAL_VERDICT, externalVerdict);
        return inputs;
    }
}
