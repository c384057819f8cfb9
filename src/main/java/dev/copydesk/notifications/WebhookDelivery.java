package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.copydesk.shared.Ids;

/** One event on its way to one endpoint, with the record of its attempts. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    private static final int MAX_ERROR = 500;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String endpointId, String eventId, String eventType, String payload, Instant now) {
        this.id = Ids.newId();
        this.endpointId = endpointId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
    }

    void delivered(Instant now) {
        attempts++;
        status = DeliveryStatus.DELIVERED;
        lastError = null;
        deliveredAt = now;
    }

    void failed(String error, boolean giveUp) {
        attempts++;
        status = giveUp ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING;
        lastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }

    boolean finished() {
        return status == DeliveryStatus.DELIVERED || status == DeliveryStatus.FAILED;
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

    DeliveryStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }
}
