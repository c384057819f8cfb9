package dev.copydesk.articles.process;

/** The ids of {@code processes/article-publication.bpmn}, mirrored here so code and diagram agree. */
public final class ArticlePublicationProcess {

    public static final String PROCESS_ID = "article-publication";

    public static final String START_EVENT_ARTICLE_SUBMITTED = "StartEvent_ArticleSubmitted";
    public static final String TASK_REVIEW_ARTICLE = "Task_ReviewArticle";
    public static final String BOUNDARY_EVENT_REVIEW_WITHDRAWN = "BoundaryEvent_ReviewWithdrawn";
    public static final String TIMER_REVIEW_SLA = "Timer_ReviewSla";
    public static final String TASK_MARK_REVIEW_OVERDUE = "Task_MarkReviewOverdue";
    public static final String END_EVENT_REVIEW_MARKED_OVERDUE = "EndEvent_ReviewMarkedOverdue";
    public static final String EVENT_WAIT_FOR_RESUBMISSION = "Event_WaitForResubmission";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String END_EVENT_ARTICLE_REJECTED = "EndEvent_ArticleRejected";
    public static final String GATEWAY_PUBLISH_NOW_OR_LATER = "Gateway_PublishNowOrLater";
    public static final String GATEWAY_WAIT_FOR_PUBLISH_AT = "Gateway_WaitForPublishAt";
    public static final String TIMER_PUBLISH_AT = "Timer_PublishAt";
    public static final String TASK_PUBLISH_ARTICLE = "Task_PublishArticle";
    public static final String EVENT_SCHEDULE_CANCELLED = "Event_ScheduleCancelled";
    public static final String END_EVENT_SCHEDULE_CANCELLED = "EndEvent_ScheduleCancelled";
    public static final String SUB_PROCESS_ARTICLE_LIVE = "SubProcess_ArticleLive";
    public static final String BOUNDARY_EVENT_UNPUBLISH_REQUESTED = "BoundaryEvent_UnpublishRequested";
    public static final String END_EVENT_ARTICLE_UNPUBLISHED = "EndEvent_ArticleUnpublished";
    public static final String TASK_UNPUBLISH_EXPIRED_ARTICLE = "Task_UnpublishExpiredArticle";
    public static final String END_EVENT_ARTICLE_EXPIRED = "EndEvent_ArticleExpired";

    // inside SubProcess_ArticleLive
    public static final String GATEWAY_EXPIRY_SET = "Gateway_ExpirySet";
    public static final String GATEWAY_WAIT_FOR_EXPIRY = "Gateway_WaitForExpiry";
    public static final String TIMER_UNPUBLISH_AT = "Timer_UnpublishAt";
    public static final String EVENT_EXPIRY_MOVED = "Event_ExpiryMoved";
    public static final String EVENT_EXPIRY_SET = "Event_ExpirySet";
    public static final String EVENT_REVISION_SUBMITTED = "Event_RevisionSubmitted";
    public static final String TASK_REVIEW_REVISION = "Task_ReviewRevision";
    public static final String BOUNDARY_EVENT_REVISION_WITHDRAWN = "BoundaryEvent_RevisionWithdrawn";
    public static final String TIMER_REVISION_REVIEW_SLA = "Timer_RevisionReviewSla";
    public static final String TASK_MARK_REVISION_REVIEW_OVERDUE = "Task_MarkRevisionReviewOverdue";

    /** Message names (not ids): what Copydesk correlates by business key. */
    public static final String MESSAGE_ARTICLE_SUBMITTED = "ArticleSubmitted";
    public static final String MESSAGE_REVIEW_WITHDRAWN = "ReviewWithdrawn";
    public static final String MESSAGE_UNPUBLISH_REQUESTED = "UnpublishRequested";
    public static final String MESSAGE_EXPIRY_CHANGED = "ExpiryChanged";

    /** Process variables: ids and small values only. */
    public static final String VAR_ARTICLE_ID = "articleId";
    public static final String VAR_REVIEW_SLA = "reviewSla";
    public static final String VAR_DECISION = "decision";
    /** What the article decided on approval: {@code NOW} or {@code LATER} ({@code Publication.When}). */
    public static final String VAR_PUBLICATION = "publication";
    /** Read only by instances of definition versions before {@link #VAR_PUBLICATION}; still written for them. */
    public static final String VAR_SCHEDULED = "scheduled";
    public static final String VAR_PUBLISH_AT = "publishAt";
    public static final String VAR_UNPUBLISH_AT = "unpublishAt";

    /** The group the review tasks are offered to: our role name. */
    public static final String CANDIDATE_GROUP_EDITOR = "EDITOR";

    private ArticlePublicationProcess() {
    }
}
