package dev.copydesk.moderation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.moderation.Screening;
import dev.copydesk.moderation.ScreeningResult;

import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_ARTICLE_PREMODERATION;
import static dev.copydesk.moderation.process.CommentModerationProcess.VAR_ASK_EXTERNAL_MODERATION;

/**
 * {@code Task_ScreenComment}: runs the rules and hands their facts to the DMN table as transient variables.
 * The external moderation service is asked only on the path after the reader's answer.
 */
@Component
class ScreenCommentDelegate implements JavaDelegate {

    private final Screening screening;

    ScreenCommentDelegate(Screening screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object premoderation = execution.getVariable(VAR_ARTICLE_PREMODERATION);
        // true only on the asynchronous path, where it is stored; false (transient) when screening runs in
        // the reader's transaction
        boolean afterAnswer = Boolean.TRUE.equals(execution.getVariable(VAR_ASK_EXTERNAL_MODERATION));
        ScreeningResult result = screening.screen(execution.getProcessBusinessKey(), premoderation == null
                ? CommentPremoderation.INHERIT : CommentPremoderation.valueOf(premoderation.toString()), afterAnswer);
        result.decisionInputs().forEach((name, value) -> execution.setVariable(name, value instanceof Boolean b
                ? Variables.booleanValue(b, true) : Variables.stringValue(value.toString(), true)));
    }
}
