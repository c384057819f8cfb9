package dev.copydesk.notifications;

import java.time.Instant;

/**
 * A module's event as notifications took it from the transaction that caused it: a stable
 * {@code id} (the webhook {@code Copydesk-Event-Id}; every redelivery carries the same one) and the
 * payload as JSON. The event publication registry stores it in that transaction; its class name is
 * stored with it, so renaming this record needs a migration of {@code event_publication}.
 */
record CommittedEvent(String id, String type, Instant occurredAt, String data) {
}
