package dev.copydesk.notifications.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.notifications.WebhookAttempts;

/**
 * {@code Task_DeliverWebhook}: one attempt. A failed attempt throws, so the engine keeps the job
 * and retries it on the cycle {@code ${webhookRetryPolicy.cycle(execution)}}.
 */
@Component("deliverWebhookDelegate")
class DeliverWebhookDelegate implements JavaDelegate {

    private final WebhookAttempts attempts;

    DeliverWebhookDelegate(WebhookAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        attempts.attempt((String) execution.getVariable(WebhookDeliveryProcess.VAR_DELIVERY_ID));
    }
}
