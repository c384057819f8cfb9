package dev.copydesk.notifications;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.copydesk.sections.Sections;
import dev.copydesk.shared.Ids;

/** A receiver an administrator registered: where to POST which event types, signed with which secret. */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint {

    @Id
    private String id;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_endpoint_event", joinColumns = @JoinColumn(name = "endpoint_id"))
    @Column(name = "event_type", nullable = false)
    private Set<String> events = new TreeSet<>();

    /** The sections whose events this receiver gets; empty for the whole newsroom. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_endpoint_section", joinColumns = @JoinColumn(name = "endpoint_id"))
    @Column(name = "section", nullable = false)
    private Set<String> sections = new TreeSet<>();

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String url, String secret, Set<String> events, Set<String> sections, Instant now) {
        this.id = Ids.newId();
        this.url = url;
        this.secret = secret;
        this.events = new TreeSet<>(events);
        this.sections = new TreeSet<>(sections);
        this.active = true;
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    Set<String> events() {
        return events;
    }

    Set<String> sections() {
        return sections;
    }

    /**
     * Whether an event about {@code section} is for this receiver: every event when no sections are
     * named, else only those of a named section ({@code null}, an event journaled before sections
     * existed, is the default section's).
     */
    boolean covers(String section) {
        return sections.isEmpty() || sections.contains(section == null ? Sections.DEFAULT_SECTION : section);
    }

    boolean active() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }
}
