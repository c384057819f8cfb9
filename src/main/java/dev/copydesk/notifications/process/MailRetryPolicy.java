package dev.copydesk.notifications.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import dev.copydesk.notifications.MailAttempts;
import dev.copydesk.shared.process.ExposedToProcesses;

/**
 * The retry time cycle of {@code Task_SendMail}, evaluated by the engine after each failed attempt:
 * {@code R<max-attempts>/<delay>} with a delay that grows with the attempts made.
 */
@Component("mailRetryPolicy")
@ExposedToProcesses
public class MailRetryPolicy {

    private final MailAttempts attempts;

    MailRetryPolicy(MailAttempts attempts) {
        this.attempts = attempts;
    }

    public String cycle(VariableScope execution) {
        return attempts.retryCycle((String) execution.getVariable(MailDeliveryProcess.VAR_MAIL_DELIVERY_ID));
    }
}
