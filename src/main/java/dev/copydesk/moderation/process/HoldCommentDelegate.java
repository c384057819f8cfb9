package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.moderation.QueueCounts;

/** {@code Task_HoldComment}: into the pending queue, due within the queue SLA. */
@Component
class HoldCommentDelegate implements JavaDelegate {

    private final CommentDesk comments;
    private final QueueCounts counts;
    private final CommentQueueSla sla;

    HoldCommentDelegate(CommentDesk comments, CommentQueueSla sla, QueueCounts counts) {
        this.comments = comments;
        this.counts = counts;
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        comments.hold(execution.getProcessBusinessKey(), sla.dueFromNow());
        counts.entered(CommentQueue.PENDING);
        // The DMN table's result was read by Gateway_ScreeningOutcome and nothing reads it again: removed in
        // the command that created it, it is never written (one row fewer per held comment, and no delete
        // when the moderator decides).
        execution.removeVariable(CommentModerationProcess.VAR_SCREENING_OUTCOME);
    }
}
