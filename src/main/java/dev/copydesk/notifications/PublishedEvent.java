package dev.copydesk.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * A committed event as notifications send it: {@code id} is the event's stable id (webhook
 * {@code Copydesk-Event-Id}, receivers dedupe on it), {@code seq} its place in the journal (the SSE
 * event id, monotonically increasing).
 */
public record PublishedEvent(long seq, String id, String type, Instant occurredAt, Map<String, Object> data) {

    /** The payload every channel serves: {@code {id, type, occurredAt, data}}. */
    public Map<String, Object> envelope() {
        return envelope(data);
    }

    /** The payload with other {@code data}, for audiences that may see only part of it. */
    public Map<String, Object> envelope(Map<String, Object> shownData) {
        return Map.of("id", id, "type", type, "occurredAt", occurredAt.toString(), "data", shownData);
    }

    /** A data field as a string, or null when absent. */
    public String text(String field) {
        Object value = data.get(field);
        return value == null ? null : value.toString();
    }
}
