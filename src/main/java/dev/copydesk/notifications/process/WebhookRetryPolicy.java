package dev.copydesk.notifications.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import dev.copydesk.notifications.WebhookAttempts;

import dev.copydesk.shared.process.ExposedToProcesses;

/**
 * The retry time cycle of {@code Task_DeliverWebhook}, evaluated by the engine after each failed
 * attempt: {@code R<max-attempts>/<delay>} with a delay that grows with the attempts made.
 */
@Component("webhookRetryPolicy")
@ExposedToProcesses
public class WebhookRetryPolicy {

    private final WebhookAttempts attempts;

    WebhookRetryPolicy(WebhookAttempts attempts) {
        this.attempts = attempts;
    }

    public String cycle(VariableScope execution) {
        return attempts.retryCycle((String) execution.getVariable(WebhookDeliveryProcess.VAR_DELIVERY_ID));
    }
}
