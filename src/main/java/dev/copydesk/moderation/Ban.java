package dev.copydesk.moderation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.copydesk.shared.Ids;

/** A ban of a commenter (by email): permanent, or a suspension that ends at {@code until}; lifting keeps the row. */
@Entity
@Table(name = "moderation_ban")
class Ban implements Persistable<String> {

    /** New rows are inserted straight away, without the select a merge would cost. */
    @Transient
    private boolean fresh = true;

    @Id
    private String id;
    private String authorKey;
    private String authorEmail;
    private String reason;
    private Instant until;
    private String createdBy;
    private Instant createdAt;
    private Instant liftedAt;
    private String liftedBy;

    protected Ban() {
    }

    Ban(String authorKey, String authorEmail, String reason, Instant until, String createdBy, Instant createdAt) {
        this.id = Ids.newId();
        this.authorKey = authorKey;
        this.authorEmail = authorEmail;
        this.reason = reason;
        this.until = until;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    boolean activeAt(Instant now) {
        return liftedAt == null && (until == null || until.isAfter(now));
    }

    void lift(String actor, Instant now) {
        this.liftedAt = now;
        this.liftedBy = actor;
    }

    String describe() {
        return (until == null ? "banned" : "suspended until " + until) + ": " + reason;
    }

    Bans.BanView view(Instant now) {
        return new Bans.BanView(id, authorEmail, reason, until, createdBy, createdAt, liftedAt, activeAt(now));
    }

    String id() { return id; }
    Instant liftedAt() { return liftedAt; }

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
