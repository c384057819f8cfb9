package dev.copydesk.articles;

/** What an editor decides on a review. */
public enum ReviewDecision {
    /** Publish now, or schedule for {@code publishAt}. */
    APPROVE,
    /** Back to the writer with a note; the writer edits and resubmits. */
    REQUEST_CHANGES,
    /** Refuse with a note. For a live article's pending revision, the revision is dropped and the live text stays. */
    REJECT
}
