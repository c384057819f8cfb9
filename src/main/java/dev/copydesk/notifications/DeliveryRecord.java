package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The attempts of one outbound delivery (a webhook POST or a mail), as both kinds keep them:
 * where it stands, how many attempts were made, the last error, when it arrived.
 */
@Embeddable
class DeliveryRecord {

    private static final int MAX_ERROR = 500;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

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

    /** An administrator asks for a failed delivery again: it gets a fresh round of attempts. */
    void retried() {
        status = DeliveryStatus.PENDING;
        attempts = 0;
    }

    boolean finished() {
        return status == DeliveryStatus.DELIVERED || status == DeliveryStatus.FAILED;
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

    Instant deliveredAt() {
        return deliveredAt;
    }
}
