package dev.copydesk.notifications;

import java.util.List;
import java.util.Set;

/** The contract's event types, and who among the staff may see which on the live stream. */
public final class EventTypes {

    public static final String ARTICLE_SUBMITTED = "article.submitted";
    public static final String ARTICLE_CHANGES_REQUESTED = "article.changes_requested";
    public static final String ARTICLE_APPROVED = "article.approved";
    public static final String ARTICLE_SCHEDULED = "article.scheduled";
    public static final String ARTICLE_PUBLISHED = "article.published";
    public static final String ARTICLE_UNPUBLISHED = "article.unpublished";
    public static final String ARTICLE_REJECTED = "article.rejected";
    public static final String ARTICLE_REVIEW_OVERDUE = "article.review_overdue";
    public static final String COMMENT_APPROVED = "comment.approved";
    public static final String COMMENT_REJECTED = "comment.rejected";
    public static final String COMMENT_HELD = "comment.held";
    public static final String COMMENT_REPORTED = "comment.reported";
    public static final String COMMENT_QUEUE_OVERDUE = "comment.queue_overdue";

    /** Every type, in the contract's order. */
    public static final List<String> ALL = List.of(ARTICLE_SUBMITTED, ARTICLE_CHANGES_REQUESTED, ARTICLE_APPROVED,
            ARTICLE_SCHEDULED, ARTICLE_PUBLISHED, ARTICLE_UNPUBLISHED, ARTICLE_REJECTED, ARTICLE_REVIEW_OVERDUE,
            COMMENT_APPROVED, COMMENT_REJECTED, COMMENT_HELD, COMMENT_REPORTED, COMMENT_QUEUE_OVERDUE);

    /** The decisions about an article its writer is told about by mail. */
    public static final Set<String> WRITER_DECISIONS = Set.of(ARTICLE_CHANGES_REQUESTED, ARTICLE_APPROVED,
            ARTICLE_SCHEDULED, ARTICLE_PUBLISHED, ARTICLE_REJECTED, ARTICLE_UNPUBLISHED);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return ALL.contains(type);
    }

    public static boolean isArticleEvent(String type) {
        return type.startsWith("article.");
    }

    public static boolean isCommentEvent(String type) {
        return type.startsWith("comment.");
    }
}
