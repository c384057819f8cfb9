package dev.copydesk.comments;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.copydesk.shared.Ids;

/** One line of a comment's history: the screening result, a decision, a report, an overdue queue SLA. */
@Entity
@Table(name = "comment_history")
class CommentHistoryEntry implements Persistable<String> {

    /** New rows are inserted straight away, without the select a merge would cost. */
    @Transient
    private boolean fresh = true;

    @Id
    private String id;
    private String commentId;
    private Instant at;
    private String actor;
    private String action;
    @Enumerated(EnumType.STRING)
    private CommentStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private CommentStatus toStatus;
    private String reason;
    @Convert(converter = ReasonsConverter.class)
    @Column(name = "reasons")
    private List<CommentReason> reasons = List.of();

    protected CommentHistoryEntry() {
    }

    CommentHistoryEntry(String commentId, Instant at, String actor, String action, CommentStatus fromStatus,
            CommentStatus toStatus, String reason, List<CommentReason> reasons) {
        this.id = Ids.newId();
        this.commentId = commentId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    CommentHistory.Entry view() {
        return new CommentHistory.Entry(at, actor, action, fromStatus, toStatus, reason, reasons);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.fresh = false;
    }
}
