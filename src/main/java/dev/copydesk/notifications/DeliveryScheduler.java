package dev.copydesk.notifications;

/**
 * Hands a stored delivery (a webhook POST or a mail) to the engine's job executor, in the caller's
 * transaction: the delivery runs only if that transaction commits, later, on another thread, with
 * retries.
 */
public interface DeliveryScheduler {

    void schedule(String deliveryId);

    void scheduleMail(String mailDeliveryId);
}
