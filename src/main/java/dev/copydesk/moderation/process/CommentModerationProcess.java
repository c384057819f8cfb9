package dev.copydesk.moderation.process;

/** The ids of {@code processes/comment-moderation.bpmn} and its variables; the business key is the comment id. */
public final class CommentModerationProcess {

    public static final String PROCESS_ID = "comment-moderation";
    public static final String DECISION_ID = "comment-screening";

    public static final String START_EVENT_COMMENT_RECEIVED = "StartEvent_CommentReceived";
    public static final String START_EVENT_COMMENT_REPORTED = "StartEvent_CommentReported";
    public static final String MESSAGE_COMMENT_REPORTED = "Message_CommentReported";
    public static final String GATEWAY_ASK_EXTERNAL_MODERATION = "Gateway_AskExternalModeration";
    public static final String EVENT_READER_ANSWERED = "Event_ReaderAnswered";
    public static final String GATEWAY_TO_SCREENING = "Gateway_ToScreening";
    public static final String TASK_SCREEN_COMMENT = "Task_ScreenComment";
    public static final String TASK_DECIDE_SCREENING_OUTCOME = "Task_DecideScreeningOutcome";
    public static final String GATEWAY_SCREENING_OUTCOME = "Gateway_ScreeningOutcome";
    public static final String TASK_HOLD_COMMENT = "Task_HoldComment";
    public static final String TASK_HIDE_REPORTED_COMMENT = "Task_HideReportedComment";
    public static final String TASK_MODERATE_COMMENT = "Task_ModerateComment";
    public static final String TIMER_QUEUE_SLA = "Timer_QueueSla";
    public static final String TASK_MARK_COMMENT_OVERDUE = "Task_MarkCommentOverdue";
    public static final String END_EVENT_QUEUE_OVERDUE_RAISED = "EndEvent_QueueOverdueRaised";
    public static final String GATEWAY_MODERATOR_DECISION = "Gateway_ModeratorDecision";
    public static final String TASK_APPROVE_COMMENT = "Task_ApproveComment";
    public static final String TASK_REJECT_COMMENT = "Task_RejectComment";
    public static final String END_EVENT_COMMENT_APPROVED = "EndEvent_CommentApproved";
    public static final String END_EVENT_COMMENT_REJECTED = "EndEvent_CommentRejected";

    /** The DMN table's result: APPROVE, HOLD or REJECT. */
    public static final String VAR_SCREENING_OUTCOME = "screeningOutcome";
    /**
     * Given at start: whether screening asks the external moderation service, and so runs after the
     * reader's answer, as a job of its own ({@link #EVENT_READER_ANSWERED}); stored when true (the job
     * reads it), transient when false.
     */
    public static final String VAR_ASK_EXTERNAL_MODERATION = "askExternalModeration";
    /**
     * The article's pre-moderation (INHERIT, ALL, NONE), given at start: transient when screening runs in
     * the reader's transaction, stored when it runs after the answer (it must outlive the commit).
     */
    public static final String VAR_ARTICLE_PREMODERATION = "articlePremoderation";
    /** Transient, given when the moderator task is completed: APPROVE or REJECT. */
    public static final String VAR_MODERATOR_DECISION = "moderatorDecision";
    /** Transient: the deciding moderator's username. */
    public static final String VAR_MODERATOR = "moderator";
    /** Transient: the moderator's reason. */
    public static final String VAR_DECISION_REASON = "decisionReason";

    /** The candidate group of the moderator task, which is the role name. */
    public static final String GROUP_MODERATOR = "MODERATOR";

    private CommentModerationProcess() {
    }
}
