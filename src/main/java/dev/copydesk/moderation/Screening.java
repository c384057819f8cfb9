package dev.copydesk.moderation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentDesk.ScreeningSubject;
import dev.copydesk.comments.CommentReason;

/**
 * Runs the screening rules that are switched on over a comment and records what they found. The
 * rules only find facts; the decision table {@code comment-screening.dmn} decides the outcome.
 */
@Service
public class Screening {

    static final List<ScreeningRule> RULES = List.of(new BannedAuthorRule(), new BannedWordRule(),
            new HeldWordRule(), new DuplicateRule(), new SuspectWordRule(), new DisguisedTextRule(),
            new TooManyLinksRule(), new ShoutingRule(), new FirstCommentRule(), new PremoderationRule());

    private final CommentDesk comments;
    private final ModerationSettingsStore settings;
    private final Bans bans;
    private final ExternalModeration external;
    private final ScreeningPolicy policy;

    Screening(CommentDesk comments, ModerationSettingsStore settings, Bans bans, ExternalModeration external,
            ScreeningPolicy policy) {
        this.policy = policy;
        this.comments = comments;
        this.settings = settings;
        this.bans = bans;
        this.external = external;
    }

    /**
     * Screens a stored comment and records the reasons. {@code mayAskExternal}: whether this call runs
     * outside the reader's transaction, so it may ask the external moderation service (when one is set).
     */
    @Transactional
    public ScreeningResult screen(String commentId, CommentPremoderation articlePremoderation, boolean mayAskExternal) {
        CompiledSettings compiled = settings.compiled();
        ScreeningSubject subject = comments.screeningSubject(commentId);
        String ban = compiled.enabled(ScreeningCode.BANNED_AUTHOR)
                ? bans.activeBan(subject.authorKey()).orElse(null) : null;
        ScreeningInput input = ScreeningInput.of(subject.body(), subject.approvedByAuthor(), subject.duplicateOf(),
                ban, articlePremoderation);
        List<CommentReason> reasons = new ArrayList<>(evaluate(input, compiled));
        String verdict = null;
        ModerationSettings.External endpoint = compiled.settings().external();
        // A comment the table already rejects on the local facts is not sent out: the answer could not change
        // the outcome (the table itself says so; its rules are not repeated here).
        // Never in the reader's transaction: the process screens in a job of its own when an endpoint was set
        // as the comment came in (Event_ReaderAnswered); one set a moment later is asked from the next comment.
        if (mayAskExternal && compiled.settings().asksExternalModeration() && !rejectedLocally(reasons)) {
            ExternalModeration.Verdict answer = external.ask(endpoint, subject);
            verdict = answer.verdict();
            if (answer.detail() != null) {
                reasons.add(ScreeningRule.reason(ScreeningCode.EXTERNAL, answer.detail()));
            }
        }
        comments.recordScreening(commentId, reasons);
        return new ScreeningResult(reasons, verdict);
    }

    /** The reasons the switched-on local rules find, in rule order. */
    static List<CommentReason> evaluate(ScreeningInput input, CompiledSettings settings) {
        List<CommentReason> reasons = new ArrayList<>();
        for (ScreeningRule rule : RULES) {
            if (settings.enabled(rule.code())) {
                rule.check(input, settings).ifPresent(reasons::add);
            }
        }
        return reasons;
    }

    /** Whether the DMN table rejects on these local facts alone, before any external verdict. */
    private boolean rejectedLocally(List<CommentReason> reasons) {
        return "REJECT".equals(policy.decide(new ScreeningResult(reasons, null)));
    }
}
