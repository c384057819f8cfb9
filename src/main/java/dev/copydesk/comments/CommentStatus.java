package dev.copydesk.comments;

/** Where a comment stands in moderation. */
public enum CommentStatus {
    /** Received and not yet decided: being screened, or waiting in the pending queue for a moderator. */
    PENDING,
    /** Accepted; visible to the public unless reader flags sent it to the reported queue. */
    APPROVED,
    /** Refused by screening or a moderator; never shown. */
    REJECTED
}
