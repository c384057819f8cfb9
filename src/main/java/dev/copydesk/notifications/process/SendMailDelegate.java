package dev.copydesk.notifications.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.notifications.MailAttempts;

/**
 * {@code Task_SendMail}: one attempt. A failed attempt throws, so the engine keeps the job and
 * retries it on the cycle {@code ${mailRetryPolicy.cycle(execution)}}.
 */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

    private final MailAttempts attempts;

    SendMailDelegate(MailAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        attempts.attempt((String) execution.getVariable(MailDeliveryProcess.VAR_MAIL_DELIVERY_ID));
    }
}
