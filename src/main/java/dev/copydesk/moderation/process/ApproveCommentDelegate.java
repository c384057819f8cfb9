package dev.copydesk.moderation.process;

import java.time.Clock;
import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.moderation.QueueCounts;
import dev.copydesk.operations.WorkflowMetrics;

import static dev.copydesk.moderation.process.CommentModerationProcess.PROCESS_ID;
import static dev.copydesk.moderation.process.CommentModerationProcess.TASK_MODERATE_COMMENT;

import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_DECISION_REASON;
import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_MODERATOR;

/** {@code Task_ApproveComment}: after screening (no moderator) or a moderator's approval. */
@Component
class ApproveCommentDelegate implements JavaDelegate {

    private final CommentDesk comments;
    private final QueueCounts counts;
    private final WorkflowMetrics metrics;
    private final Clock clock;

    ApproveCommentDelegate(CommentDesk comments, QueueCounts counts, WorkflowMetrics metrics, Clock clock) {
        this.comments = comments;
        this.counts = counts;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CommentDesk.CommentSummary before = comments.find(execution.getProcessBusinessKey()).orElse(null);
        CommentQueue from = before == null ? null : before.queue();
        comments.approve(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_MODERATOR),
                (String) execution.getVariable(VAR_DECISION_REASON));
        if (from != null) {
            counts.left(from);
            if (before.queuedAt() != null) {
                metrics.stepDuration(PROCESS_ID, TASK_MODERATE_COMMENT, Duration.between(before.queuedAt(), clock.instant()));
            }
        }
    }
}
