package dev.copydesk.notifications.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import dev.copydesk.notifications.DeliveryScheduler;

/**
 * Starts one {@code webhook-delivery} instance per delivery. The service task is asynchronous, so
 * starting only writes a job in the caller's transaction; the job executor does the HTTP call.
 */
@Component
class WebhookDeliveryStarter implements DeliveryScheduler {

    private final RuntimeService runtime;

    WebhookDeliveryStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void schedule(String deliveryId) {
        runtime.startProcessInstanceByKey(WebhookDeliveryProcess.KEY, deliveryId,
                Map.of(WebhookDeliveryProcess.VAR_DELIVERY_ID, deliveryId));
    }
}
