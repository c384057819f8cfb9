package dev.copydesk.notifications;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Queued; the first attempt has not run yet. */
    PENDING,
    /** At least one attempt failed; another is scheduled. */
    RETRYING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed, or the receiver's address is refused; no more attempts. */
    FAILED
}
