package dev.copydesk.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.copydesk.shared.CopydeskEvent;

/**
 * Where other modules' events enter notifications: only after the transaction that published them
 * committed (an event of a rolled-back transaction never gets here). Each channel is isolated:
 * nothing that goes wrong here reaches the request that caused the event.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final EventJournal journal;
    private final LiveEvents live;
    private final Webhooks webhooks;
    private final NotificationMail mail;
    /** Journal order is send order: the sequence is taken and handed to the stream under one lock. */
    private final Object journalOrder = new Object();

    NotificationDispatcher(EventJournal journal, LiveEvents live, Webhooks webhooks, NotificationMail mail) {
        this.journal = journal;
        this.live = live;
        this.webhooks = webhooks;
        this.mail = mail;
    }

    // fallbackExecution: an event published outside any transaction has nothing to wait for.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CopydeskEvent event) {
        if (event.type() == null || !EventTypes.isKnown(event.type())) {
            log.warn("Ignoring an event of unknown type {}", event.type());
            return;
        }
        PublishedEvent published;
        try {
            synchronized (journalOrder) {
                published = journal.append(event);
                live.publish(published);
            }
        } catch (RuntimeException e) {
            log.error("Event {} could not be journaled; no notification sent", event.type(), e);
            return;
        }
        try {
            webhooks.enqueue(published);
        } catch (RuntimeException e) {
            log.error("Webhook deliveries for event {} ({}) could not be queued", published.id(), published.type(), e);
        }
        mail.onCommitted(published);
    }
}
