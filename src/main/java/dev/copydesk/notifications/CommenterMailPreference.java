package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A commenter's unsubscribe token, keyed by a hash of their address (the address is not stored). */
@Entity
@Table(name = "commenter_mail_preference")
class CommenterMailPreference {

    @Id
    @Column(name = "email_hash")
    private String emailHash;

    @Column(nullable = false, unique = true)
    private String token;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    protected CommenterMailPreference() {
    }

    CommenterMailPreference(String emailHash, String token, Instant now) {
        this.emailHash = emailHash;
        this.token = token;
        this.createdAt = now;
    }

    void unsubscribe(Instant now) {
        if (unsubscribedAt == null) {
            unsubscribedAt = now;
        }
    }

    boolean unsubscribed() {
        return unsubscribedAt != null;
    }

    String token() {
        return token;
    }
}
