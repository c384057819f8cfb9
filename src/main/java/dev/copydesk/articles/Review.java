package dev.copydesk.articles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The open review of a submitted revision (which one, since when, due when, overdue or not) and the
 * note of the last decision. Closed (revision {@code null}) when nothing waits for an editor.
 */
@Embeddable
class Review {

    @Column(name = "review_revision_id")
    private String revisionId;

    @Column(name = "review_requested_at")
    private Instant requestedAt;

    @Column(name = "review_due_at")
    private Instant dueAt;

    @Column(name = "review_overdue", nullable = false)
    private boolean overdue;

    @Column(name = "last_review_note")
    private String lastNote;

    protected Review() {
    }

    static Review none() {
        return new Review();
    }

    void open(String revisionId, Instant requestedAt, Instant dueAt) {
        this.revisionId = revisionId;
        this.requestedAt = requestedAt;
        this.dueAt = dueAt;
        this.overdue = false;
    }

    /** The review ended: decided ({@code note} kept for the writer), withdrawn or taken down. */
    void close() {
        revisionId = null;
        requestedAt = null;
        dueAt = null;
        overdue = false;
    }

    void decided(String note) {
        close();
        this.lastNote = note;
    }

    /** @return whether it changed (only an open review that is not overdue yet becomes overdue) */
    boolean markOverdue() {
        if (revisionId == null || overdue) {
            return false;
        }
        overdue = true;
        return true;
    }

    String revisionId() {
        return revisionId;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean overdue() {
        return overdue;
    }

    String lastNote() {
        return lastNote;
    }
}
