package dev.copydesk.notifications;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a mail in the delivery log and hands it to the engine's job executor, in the caller's
 * transaction: the mail exists exactly when what caused it does, and is sent later, with retries.
 */
@Component
class MailQueue {

    private final MailDeliveries deliveries;
    private final DeliveryScheduler scheduler;
    private final Clock clock;

    MailQueue(MailDeliveries deliveries, DeliveryScheduler scheduler, Clock clock) {
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void queue(String eventId, String kind, Letter letter) {
        MailDelivery delivery = deliveries.save(new MailDelivery(eventId, kind, letter, Instant.now(clock)));
        scheduler.scheduleMail(delivery.id());
    }

    /** Whether mails of this event were queued already (a resubmitted event queues none again). */
    boolean queuedFor(String eventId) {
        return deliveries.existsByEventId(eventId);
    }
}
