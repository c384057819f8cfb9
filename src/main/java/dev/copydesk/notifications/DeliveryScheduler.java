package dev.copydesk.notifications;

/**
 * Hands a stored delivery to the engine's job executor, in the caller's transaction: the delivery
 * runs only if that transaction commits, later, on another thread, with retries.
 */
public interface DeliveryScheduler {

    void schedule(String deliveryId);
}
