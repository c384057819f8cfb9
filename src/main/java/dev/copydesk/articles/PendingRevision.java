package dev.copydesk.articles;

/**
 * The state of the edits to a {@link ArticleStatus#PUBLISHED} article that are not live yet. The
 * public keeps reading the live revision until an editor approves the pending one.
 */
public enum PendingRevision {
    /** Edited, not submitted yet. */
    DRAFT,
    /** Submitted; waits in the review queue. */
    IN_REVIEW,
    /** An editor asked for changes; the writer edits and resubmits. */
    CHANGES_REQUESTED
}
