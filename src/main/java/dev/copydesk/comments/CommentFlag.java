package dev.copydesk.comments;

import java.time.Instant;

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

/** A reader's flag on a comment; one per client address and comment. */
@Entity
@Table(name = "comment_flag")
class CommentFlag implements Persistable<String> {

    /** New rows are inserted straight away, without the select a merge would cost. */
    @Transient
    private boolean fresh = true;

    @Id
    private String id;
    private String commentId;
    private String clientHash;
    @Enumerated(EnumType.STRING)
    private FlagReason reason;
    private Instant createdAt;

    protected CommentFlag() {
    }

    CommentFlag(String commentId, String clientHash, FlagReason reason, Instant createdAt) {
        this.id = Ids.newId();
        this.commentId = commentId;
        this.clientHash = clientHash;
        this.reason = reason;
        this.createdAt = createdAt;
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
