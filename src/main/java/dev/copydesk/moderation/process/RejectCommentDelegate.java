package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;

import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_DECISION_REASON;
import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_MODERATOR;

/** {@code Task_RejectComment}: after screening (no moderator) or a moderator's rejection. */
@Component
class RejectCommentDelegate implements JavaDelegate {

    private final CommentDesk comments;

    RejectCommentDelegate(CommentDesk comments) {
        this.comments = comments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        comments.reject(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_MODERATOR),
                (String) execution.getVariable(VAR_DECISION_REASON));
    }
}
