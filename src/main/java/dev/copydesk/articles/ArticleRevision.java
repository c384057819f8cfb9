package dev.copydesk.articles;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import dev.copydesk.shared.Ids;

/** Exactly what a writer submitted for review, kept forever and never changed. */
@Entity
@Immutable
@Table(name = "article_revision")
class ArticleRevision {

    @Id
    private String id;

    @Column(name = "revision_number", nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String body;

    @Convert(converter = Tags.Column.class)
    @Column(nullable = false)
    private List<String> tags;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** Everyone who changed this text since the article last went live: none of them may approve it. */
    @Convert(converter = Tags.Column.class)
    @Column(name = "changed_by", nullable = false)
    private List<String> changedBy;

    protected ArticleRevision() {
    }

    ArticleRevision(int number, String title, String summary, String body, List<String> tags, String submittedBy,
            Instant submittedAt, List<String> changedBy) {
        this.id = Ids.newId();
        this.number = number;
        this.title = title;
        this.summary = summary;
        this.body = body;
        this.tags = List.copyOf(tags);
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.changedBy = List.copyOf(changedBy);
    }

    String id() {
        return id;
    }

    int number() {
        return number;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    String body() {
        return body;
    }

    List<String> tags() {
        return tags;
    }

    String submittedBy() {
        return submittedBy;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    List<String> changedBy() {
        return changedBy == null ? List.of() : changedBy;
    }
}
