package dev.copydesk.moderation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The stored settings document (one row). */
@Entity
@Table(name = "moderation_settings")
class ModerationSettingsRow {

    static final int ID = 1;

    @Id
    private int id;
    private String document;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Long version;

    protected ModerationSettingsRow() {
    }

    ModerationSettingsRow(String document, Instant updatedAt, String updatedBy) {
        this.id = ID;
        change(document, updatedAt, updatedBy);
    }

    void change(String document, Instant updatedAt, String updatedBy) {
        this.document = document;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    String document() {
        return document;
    }
}
