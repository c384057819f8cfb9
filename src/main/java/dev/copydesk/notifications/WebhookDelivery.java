package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.copydesk.shared.Ids;

/** One event on its way to one endpoint, with the record of its attempts. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    @Id
    private String id;

    @Column(name = "endpoint_id", nullable = false)
    private String endpointId;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String payload;

    @Embedded
    private DeliveryRecord record = new DeliveryRecord();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String endpointId, String eventId, String eventType, String payload, Instant now) {
        this.id = Ids.newId();
        this.endpointId = endpointId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.createdAt = now;
    }

    void delivered(Instant now) {
        record.delivered(now);
    }

    void failed(String error, boolean giveUp) {
        record.failed(error, giveUp);
    }

    boolean finished() {
        return record.finished();
    }

    String id() {
        return id;
    }

    String endpointId() {
        return endpointId;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    String payload() {
        return payload;
    }

    DeliveryRecord record() {
        return record;
    }

    Instant createdAt() {
        return createdAt;
    }

}
