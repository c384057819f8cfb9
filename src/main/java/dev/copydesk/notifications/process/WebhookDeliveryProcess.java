package dev.copydesk.notifications.process;

/** The ids of {@code processes/webhook-delivery.bpmn}. */
public final class WebhookDeliveryProcess {

    public static final String KEY = "webhook-delivery";
    public static final String START_EVENT_DELIVERY_QUEUED = "StartEvent_DeliveryQueued";
    public static final String TASK_DELIVER_WEBHOOK = "Task_DeliverWebhook";
    public static final String END_EVENT_DELIVERY_DONE = "EndEvent_DeliveryDone";
    /** Process variable: the id of the stored delivery (the business key too). */
    public static final String VAR_DELIVERY_ID = "deliveryId";

    private WebhookDeliveryProcess() {
    }
}
