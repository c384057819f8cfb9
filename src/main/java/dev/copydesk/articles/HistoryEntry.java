package dev.copydesk.articles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import dev.copydesk.shared.Ids;

/** One recorded step of an article: who did what when, from which status to which, with the note. */
@Entity
@Immutable
@Table(name = "article_history")
class HistoryEntry {

    /** The workflow engine acting by itself (a timer fired). */
    static final String SYSTEM = "system";

    @Id
    private String id;

    @Column(nullable = false)
    private int seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private ArticleStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private ArticleStatus toStatus;

    @Column(name = "revision_number")
    private Integer revision;

    private String note;

    protected HistoryEntry() {
    }

    HistoryEntry(int seq, Instant at, String actor, String action, ArticleStatus fromStatus, ArticleStatus toStatus,
            Integer revision, String note) {
        this.id = Ids.newId();
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.revision = revision;
        this.note = note;
    }

    int seq() {
        return seq;
    }

    Instant at() {
        return at;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    ArticleStatus fromStatus() {
        return fromStatus;
    }

    ArticleStatus toStatus() {
        return toStatus;
    }

    Integer revision() {
        return revision;
    }

    String note() {
        return note;
    }
}
