package dev.copydesk.articles;

/** The moves of the article state machine ({@link ArticleTransitions}), in the newsroom's words. */
enum ArticleMove {
    /** Change the editable copy. */
    EDIT,
    /** Freeze the editable copy into a revision and send it to review. */
    SUBMIT,
    /** The author takes the submission back out of review. */
    WITHDRAW,
    /** An editor approves and the revision goes live at once. */
    APPROVE_NOW,
    /** An editor approves a first publication for a future time. */
    APPROVE_SCHEDULED,
    /** An editor sends the revision back to the writer. */
    REQUEST_CHANGES,
    /** An editor refuses the revision. */
    REJECT,
    /** The publication time of a scheduled article is reached. */
    PUBLISH_SCHEDULED,
    /** An editor takes the article down or cancels its schedule. */
    UNPUBLISH,
    /** The expiry time of a live article is reached. */
    EXPIRE,
    /** An editor sets, moves or clears the expiry time. */
    CHANGE_EXPIRY
}
