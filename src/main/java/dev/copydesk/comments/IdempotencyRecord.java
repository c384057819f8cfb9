package dev.copydesk.comments;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first answer given to an intake request with an Idempotency-Key. */
@Entity
@Table(name = "comment_idempotency")
class IdempotencyRecord implements Persistable<String> {

    /** New rows are inserted straight away, without the select a merge would cost. */
    @Transient
    private boolean fresh = true;

    @Id
    private String keyHash;
    private String fingerprint;
    private String answer;
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String keyHash, String fingerprint, String answer, Instant createdAt) {
        this.keyHash = keyHash;
        this.fingerprint = fingerprint;
        this.answer = answer;
        this.createdAt = createdAt;
    }

    String fingerprint() { return fingerprint; }
    String answer() { return answer; }
    Instant createdAt() { return createdAt; }

    @Override
    public String getId() {
        return keyHash;
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
