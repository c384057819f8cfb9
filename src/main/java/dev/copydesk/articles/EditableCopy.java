package dev.copydesk.articles;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * The text staff edit (title, summary, body, tags) and who changed it since it last went live. A
 * submission freezes it into an {@link ArticleRevision}; the public never reads it.
 */
@Embeddable
class EditableCopy {

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String body;

    @Convert(converter = Tags.Column.class)
    @Column(nullable = false)
    private List<String> tags;

    /**
     * Who changed the copy since it last went live (or since it was created): the author and any
     * editor who edited it. Frozen into each revision at submission, for four-eyes on approval.
     */
    @Convert(converter = Tags.Column.class)
    @Column(name = "text_changed_by", nullable = false)
    private List<String> changedBy = List.of();

    protected EditableCopy() {
    }

    EditableCopy(String title, String summary, String body, List<String> tags, String author) {
        this.title = title;
        this.summary = summary;
        this.body = body;
        this.tags = List.copyOf(tags);
        this.changedBy = List.of(author);
    }

    /** Replaces the text; an actor who really changed something joins {@link #changedBy()}. */
    void change(String actor, String title, String summary, String body, List<String> tags) {
        List<String> newTags = List.copyOf(tags);
        boolean changed = !(this.title.equals(title) && this.summary.equals(summary) && this.body.equals(body)
                && this.tags.equals(newTags));
        if (changed && !changedBy.contains(actor)) {
            List<String> changers = new ArrayList<>(changedBy);
            changers.add(actor);
            changedBy = List.copyOf(changers);
        }
        this.title = title;
        this.summary = summary;
        this.body = body;
        this.tags = newTags;
    }

    /** The copy goes back to a revision's text (a live article's pending revision was rejected). */
    void resetTo(ArticleRevision revision) {
        this.title = revision.title();
        this.summary = revision.summary();
        this.body = revision.body();
        this.tags = revision.tags();
        this.changedBy = List.of();
    }

    /** The approved text is the new baseline: whoever changes it next joins the next revision's changers. */
    void approved() {
        this.changedBy = List.of();
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

    List<String> changedBy() {
        return changedBy;
    }
}
