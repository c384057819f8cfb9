package dev.copydesk.articles;

/** Where an article stands in its publication workflow. */
public enum ArticleStatus {
    /** Being written; only its author and editors see it. Editable. */
    DRAFT,
    /** Submitted: a revision waits in the editors' review queue. Not editable until decided or withdrawn. */
    IN_REVIEW,
    /** An editor sent it back with a note; the writer edits and resubmits it (the same workflow continues). */
    CHANGES_REQUESTED,
    /** Approved with a future {@code publishAt}; a timer publishes it then. Unpublishing cancels the timer. */
    SCHEDULED,
    /** Live: the public reads its live revision. Edits go into a pending revision that needs review again. */
    PUBLISHED,
    /** An editor refused it. Final. */
    REJECTED,
    /** Taken down by an editor, by its expiry time ({@code unpublishAt}), or cancelled while scheduled. Final. */
    UNPUBLISHED
}
