package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.moderation.QueueCounts;

/** {@code Task_HideReportedComment}: hides the flagged comment and puts it into the reported queue. */
@Component
class HideReportedCommentDelegate implements JavaDelegate {

    private final CommentDesk comments;
    private final QueueCounts counts;
    private final CommentQueueSla sla;

    HideReportedCommentDelegate(CommentDesk comments, CommentQueueSla sla, QueueCounts counts) {
        this.comments = comments;
        this.counts = counts;
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        comments.report(execution.getProcessBusinessKey(), sla.dueFromNow());
        counts.entered(CommentQueue.REPORTED);
    }
}
