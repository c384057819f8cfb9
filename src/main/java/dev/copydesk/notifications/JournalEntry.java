package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One committed event as the live stream replays it; {@code seq} is the SSE event id. */
@Entity
@Table(name = "notification_event")
class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String data;

    protected JournalEntry() {
    }

    JournalEntry(String eventId, String type, Instant occurredAt, Instant recordedAt, String data) {
        this.eventId = eventId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.data = data;
    }

    Long seq() {
        return seq;
    }

    String eventId() {
        return eventId;
    }

    String type() {
        return type;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String data() {
        return data;
    }
}
