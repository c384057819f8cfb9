package dev.copydesk.articles;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * What the public reads: the approved revision's text with its body rendered to HTML. Empty (all
 * columns null) until the article first goes live; it stays as it was after the article goes down.
 */
@Embeddable
class LiveCopy {

    @Column(name = "live_revision_id")
    private String revisionId;

    @Column(name = "live_title")
    private String title;

    @Column(name = "live_summary")
    private String summary;

    @Convert(converter = Tags.Column.class)
    @Column(name = "live_tags")
    private List<String> tags;

    /** The stored form of {@link #tags}, for the public tag filter (a LIKE on {@code ,tag,}). */
    @Column(name = "live_tags", insertable = false, updatable = false)
    private String tagsColumn;

    @Column(name = "live_body_html")
    private String bodyHtml;

    protected LiveCopy() {
    }

    /** The live copy of {@code revision}. */
    static LiveCopy of(ArticleRevision revision, BodyRenderer renderer) {
        LiveCopy live = new LiveCopy();
        live.revisionId = revision.id();
        live.title = revision.title();
        live.summary = revision.summary();
        live.tags = revision.tags();
        live.bodyHtml = renderer.render(revision.body());
        return live;
    }

    /** No copy was ever live (Hibernate loads an all-null embeddable as {@code null}; this stands in). */
    static LiveCopy none() {
        return new LiveCopy();
    }

    String revisionId() {
        return revisionId;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    List<String> tags() {
        return tags;
    }

    String bodyHtml() {
        return bodyHtml;
    }
}
