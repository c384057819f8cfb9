package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.moderation.QueueCounts;

import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_DECISION_REASON;
import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_MODERATOR;

/** {@code Task_ApproveComment}: after screening (no moderator) or a moderator's approval. */
@Component
class ApproveCommentDelegate implements JavaDelegate {

    private final CommentDesk comments;
    private final QueueCounts counts;

    ApproveCommentDelegate(CommentDesk comments, QueueCounts counts) {
        this.comments = comments;
        this.counts = counts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CommentQueue from = comments.find(execution.getProcessBusinessKey()).map(CommentDesk.CommentSummary::queue)
                .orElse(null);
        comments.approve(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_MODERATOR),
                (String) execution.getVariable(VAR_DECISION_REASON));
        if (from != null) {
            counts.left(from);
        }
    }
}
