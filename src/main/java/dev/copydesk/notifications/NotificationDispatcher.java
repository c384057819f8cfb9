package dev.copydesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.copydesk.shared.AfterCommit;
import dev.copydesk.shared.CopydeskEvent;
import dev.copydesk.shared.Ids;

/**
 * Where other modules' events enter notifications, in two steps (docs/architecture.md, "Events"):
 * <ol>
 * <li>{@link #capture}, inside the transaction that caused the event, gives it a stable id and
 * republishes it as a {@link CommittedEvent}; the event publication registry stores that in the same
 * transaction, so an event exists exactly when its change does.</li>
 * <li>{@link #deliver}, after that transaction committed, on the one dispatch thread: journals the
 * event and stores its webhook deliveries and mails in one transaction of its own, then streams it.
 * Only when that succeeded does the registry mark the publication complete; otherwise it is
 * resubmitted (at start-up and every {@code copydesk.events.resubmit-interval}). A resubmitted event
 * that was journaled already is left alone, so receivers see each event id once per endpoint.</li>
 * </ol>
 * The request that caused the event never waits for any of this, and never holds a second
 * database connection for it.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final ApplicationEventPublisher publisher;
    private final EventJournal journal;
    private final LiveEvents live;
    private final Webhooks webhooks;
    private final NotificationMail mail;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationDispatcher(ApplicationEventPublisher publisher, EventJournal journal, LiveEvents live,
            Webhooks webhooks, NotificationMail mail, ObjectMapper json, Clock clock) {
        this.publisher = publisher;
        this.journal = journal;
        this.live = live;
        this.webhooks = webhooks;
        this.mail = mail;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void capture(CopydeskEvent event) {
        if (event.type() == null || !EventTypes.isKnown(event.type())) {
            log.warn("Ignoring an event of unknown type {}", event.type());
            return;
        }
        Map<String, Object> data = event.data() == null ? Map.of() : event.data();
        Instant occurredAt = event.occurredAt() == null ? Instant.now(clock) : event.occurredAt();
        publisher.publishEvent(new CommittedEvent(Ids.newId(), event.type(), occurredAt, write(data)));
    }

    // fallbackExecution: an event published outside any transaction has nothing to wait for.
    @Async(NotificationsConfiguration.DISPATCH_EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void deliver(CommittedEvent event) {
        journal.record(event).ifPresent(published -> {
            webhooks.enqueue(published);
            mail.enqueue(published);
            // Streamed once the journal entry is on disk: what a client sees, a replay serves too.
            AfterCommit.run(() -> live.publish(published));
        });
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable as JSON", e);
        }
    }
}
