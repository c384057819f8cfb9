package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;

/** {@code Task_MarkCommentOverdue}: the queue SLA ran out; marks the comment overdue and raises comment.queue_overdue. */
@Component
class MarkCommentOverdueDelegate implements JavaDelegate {

    private final CommentDesk comments;

    MarkCommentOverdueDelegate(CommentDesk comments) {
        this.comments = comments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        comments.markOverdue(execution.getProcessBusinessKey());
    }
}
