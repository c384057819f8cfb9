package dev.copydesk.comments;

import org.springframework.lang.Nullable;
import java.time.Instant;
import java.util.List;

/** A comment's moderation history, oldest first. */
public record CommentHistory(String commentId, List<Entry> entries) {

    /**
     * One step: {@code action} is SCREENED (with the screening reasons and outcome), APPROVED, REJECTED,
     * REPORTED or QUEUE_OVERDUE; {@code actor} is a moderator's username or {@code screening}/{@code system}.
     */
    public record Entry(Instant at, String actor, String action, @Nullable CommentStatus fromStatus,
            CommentStatus toStatus, @Nullable String reason, List<CommentReason> reasons) {
    }
}
