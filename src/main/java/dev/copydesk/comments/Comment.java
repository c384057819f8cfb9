package dev.copydesk.comments;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.copydesk.shared.ConflictException;

/**
 * A reader's comment under an article. It owns its moderation state machine: screening decides a
 * fresh comment (approve, reject, or hold it in the pending queue); a moderator decides a queued
 * one; reader flags can send an approved comment to the reported queue, hidden until decided.
 * Illegal moves throw {@link ConflictException} (409).
 */
@Entity
@Table(name = "reader_comment")
class Comment {

    @Id
    private String id;
    private String articleId;
    private String articleSlug;
    /** The article's section, kept here so a section's moderation queue is one index range. */
    private String section;
    private String parentId;
    private String authorName;
    private String authorEmail;
    private String authorKey;
    private String clientHash;
    private String body;
    private String bodyHash;
    private boolean notify;
    @Enumerated(EnumType.STRING)
    private CommentStatus status;
    private boolean visible;
    @Enumerated(EnumType.STRING)
    private CommentQueue queue;
    private Instant queuedAt;
    private Instant dueAt;
    private boolean overdue;
    private int flagCount;
    @Convert(converter = ReasonsConverter.class)
    @Column(name = "reasons")
    private List<CommentReason> reasons = List.of();
    private Instant createdAt;
    private Instant decidedAt;
    private String decidedBy;
    private String decisionReason;
    /** Null until first stored, so Spring Data persists (not merges) a new comment. */
    @Version
    private Long version;

    protected Comment() {
    }

    Comment(String id, String articleId, String articleSlug, String section, String parentId, String authorName,
            String authorEmail, String authorKey, String clientHash, String body, String bodyHash, boolean notify,
            Instant createdAt) {
        this.id = id;
        this.section = section;
        this.articleId = articleId;
        this.articleSlug = articleSlug;
        this.parentId = parentId;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.authorKey = authorKey;
        this.clientHash = clientHash;
        this.body = body;
        this.bodyHash = bodyHash;
        this.notify = notify;
        this.status = CommentStatus.PENDING;
        this.createdAt = createdAt;
    }

    /** True while screening has not decided the comment yet. */
    boolean awaitingScreening() {
        return status == CommentStatus.PENDING && queue == null;
    }

    void screened(List<CommentReason> found) {
        if (!awaitingScreening()) {
            throw new ConflictException("Comment " + id + " was already screened", status.name());
        }
        this.reasons = List.copyOf(found);
    }

    /** Approves a fresh comment (screening) or a queued one (moderator); clears flags of a reported one. */
    void approve(String actor, String reason, Instant now) {
        requireDecidable();
        this.status = CommentStatus.APPROVED;
        this.visible = true;
        if (queue == CommentQueue.REPORTED) {
            this.flagCount = 0;
        }
        leaveQueue();
        decided(actor, reason, now);
    }

    void reject(String actor, String reason, Instant now) {
        requireDecidable();
        this.status = CommentStatus.REJECTED;
        this.visible = false;
        leaveQueue();
        decided(actor, reason, now);
    }

    /** Screening held the comment: it waits in the pending queue until {@code dueAt} (the queue SLA). */
    void hold(Instant now, Instant dueAt) {
        if (!awaitingScreening()) {
            throw new ConflictException("Comment " + id + " cannot be held now", status.name());
        }
        enterQueue(CommentQueue.PENDING, now, dueAt);
    }

    /** Reader flags reached the threshold: the approved comment is hidden and waits in the reported queue. */
    void report(Instant now, Instant dueAt) {
        if (status != CommentStatus.APPROVED || queue != null) {
            throw new ConflictException("Comment " + id + " cannot be reported now", status.name());
        }
        this.visible = false;
        enterQueue(CommentQueue.REPORTED, now, dueAt);
    }

    /** The queue SLA ran out; the comment stays in its queue. Returns false when it is no longer queued. */
    boolean markOverdue() {
        if (queue == null) {
            return false;
        }
        this.overdue = true;
        return true;
    }

    void flagged() {
        this.flagCount++;
    }

    boolean reportable(int threshold) {
        return status == CommentStatus.APPROVED && visible && queue == null && flagCount >= threshold;
    }

    private void requireDecidable() {
        if (!awaitingScreening() && queue == null) {
            throw new ConflictException("Comment " + id + " was already decided", status.name());
        }
    }

    private void enterQueue(CommentQueue into, Instant now, Instant due) {
        this.queue = into;
        this.queuedAt = now;
        this.dueAt = due;
        this.overdue = false;
    }

    private void leaveQueue() {
        this.queue = null;
        this.queuedAt = null;
        this.dueAt = null;
        this.overdue = false;
    }

    private void decided(String actor, String reason, Instant now) {
        this.decidedBy = actor;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    String id() { return id; }
    String articleId() { return articleId; }
    String articleSlug() { return articleSlug; }

    String section() { return section; }
    String parentId() { return parentId; }
    String authorName() { return authorName; }
    String authorEmail() { return authorEmail; }
    String authorKey() { return authorKey; }
    String clientHash() { return clientHash; }
    String body() { return body; }
    String bodyHash() { return bodyHash; }
    boolean notifyRequested() { return notify; }
    CommentStatus status() { return status; }
    boolean visible() { return visible; }
    CommentQueue queue() { return queue; }
    Instant queuedAt() { return queuedAt; }
    Instant dueAt() { return dueAt; }
    boolean overdue() { return overdue; }
    int flagCount() { return flagCount; }
    List<CommentReason> reasons() { return reasons; }
    Instant createdAt() { return createdAt; }
    Instant decidedAt() { return decidedAt; }
    String decidedBy() { return decidedBy; }
}
