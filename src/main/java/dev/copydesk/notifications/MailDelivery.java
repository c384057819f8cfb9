package dev.copydesk.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.copydesk.shared.Ids;

/** One mail to one recipient, with the record of its attempts. */
@Entity
@Table(name = "mail_delivery")
class MailDelivery {

    /** The kind of a moderator digest, which gathers many events. */
    static final String DIGEST = "moderator.digest";

    @Id
    private String id;

    @Column(name = "event_id")
    private String eventId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    @Column(name = "unsubscribe_url")
    private String unsubscribeUrl;

    @Embedded
    private DeliveryRecord record = new DeliveryRecord();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MailDelivery() {
    }

    MailDelivery(String eventId, String kind, Letter letter, Instant now) {
        this.id = Ids.newId();
        this.eventId = eventId;
        this.kind = kind;
        this.recipient = letter.to();
        this.subject = letter.subject();
        this.textBody = letter.text();
        this.htmlBody = letter.html();
        this.unsubscribeUrl = letter.unsubscribeUrl();
        this.createdAt = now;
    }

    Letter letter() {
        return new Letter(recipient, subject, textBody, htmlBody, unsubscribeUrl);
    }

    String id() {
        return id;
    }

    String eventId() {
        return eventId;
    }

    String kind() {
        return kind;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    DeliveryRecord record() {
        return record;
    }

    Instant createdAt() {
        return createdAt;
    }
}
