package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An overdue queue item waiting for the next moderator digest. */
@Entity
@Table(name = "moderator_digest_item")
class DigestItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    private String eventId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String data;

    protected DigestItem() {
    }

    DigestItem(String eventId, Instant occurredAt, String data) {
        this.eventId = eventId;
        this.occurredAt = occurredAt;
        this.data = data;
    }

    String eventId() {
        return eventId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String data() {
        return data;
    }
}
