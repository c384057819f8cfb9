package dev.copydesk.notifications.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import dev.copydesk.notifications.DeliveryScheduler;

/**
 * Starts one {@code webhook-delivery} or {@code mail-delivery} instance per stored delivery. The
 * service tasks are asynchronous, so starting only writes a job in the caller's transaction; the
 * job executor makes the attempt.
 */
@Component
class DeliveryStarter implements DeliveryScheduler {

    private final RuntimeService runtime;

    DeliveryStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void schedule(String deliveryId) {
        runtime.startProcessInstanceByKey(WebhookDeliveryProcess.KEY, deliveryId,
                Map.of(WebhookDeliveryProcess.VAR_DELIVERY_ID, deliveryId));
    }

    @Override
    public void scheduleMail(String mailDeliveryId) {
        runtime.startProcessInstanceByKey(MailDeliveryProcess.KEY, mailDeliveryId,
                Map.of(MailDeliveryProcess.VAR_MAIL_DELIVERY_ID, mailDeliveryId));
    }
}
