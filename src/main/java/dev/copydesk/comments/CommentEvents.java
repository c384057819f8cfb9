package dev.copydesk.comments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.copydesk.shared.CopydeskEvent;

/**
 * The events of the comments module, published inside the transaction that caused them. Their data
 * carry ids and small values, never an email: a listener that wants to mail a commenter asks
 * {@link CommentDesk#notificationAddress(String)}.
 */
public final class CommentEvents {

    private CommentEvents() {
    }

    /**
     * A comment became visible (by screening or a moderator). {@code notifyAuthor}: the commenter asked
     * to be told; {@code replyTo}/{@code notifyParentAuthor}: it is a reply, and the parent's author
     * asked to hear about replies.
     */
    public record CommentApproved(String commentId, String articleId, String articleSlug, String section, String parentId,
            String authorName, String body, Instant createdAt,
            boolean byModerator, boolean notifyAuthor, boolean notifyParentAuthor, Instant occurredAt)
            implements CopydeskEvent {
        @Override
        public String type() {
            return "comment.approved";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = base(commentId, articleId, articleSlug, section);
            data.put("parentId", parentId);
            // public once approved: the live stream and webhooks show the comment as the thread does
            data.put("authorName", authorName);
            data.put("body", body);
            data.put("createdAt", createdAt);
            data.put("byModerator", byModerator);
            data.put("notifyAuthor", notifyAuthor);
            data.put("notifyParentAuthor", notifyParentAuthor);
            return data;
        }
    }

    public record CommentRejected(String commentId, String articleId, String articleSlug, String section, boolean byModerator,
            String reason, Instant occurredAt) implements CopydeskEvent {
        /** The comment was not visible before and is not now: the public thread is unchanged. */
        @Override
        public boolean changesPublicView() {
            return false;
        }

        @Override
        public String type() {
            return "comment.rejected";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = base(commentId, articleId, articleSlug, section);
            data.put("byModerator", byModerator);
            data.put("reason", reason);
            return data;
        }
    }

    /** Screening held a comment: it waits in the pending queue until {@code dueAt}. */
    public record CommentHeld(String commentId, String articleId, String articleSlug, String section, List<String> reasons,
            Instant dueAt, Instant occurredAt) implements CopydeskEvent {
        /** The comment was not visible before and is not now: the public thread is unchanged. */
        @Override
        public boolean changesPublicView() {
            return false;
        }

        @Override
        public String type() {
            return "comment.held";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = base(commentId, articleId, articleSlug, section);
            data.put("queue", "pending");
            data.put("reasons", reasons);
            data.put("dueAt", dueAt);
            return data;
        }
    }

    /** Reader flags reached the threshold: the comment is hidden and waits in the reported queue. */
    public record CommentReported(String commentId, String articleId, String articleSlug, String section, int flags, Instant dueAt,
            Instant occurredAt) implements CopydeskEvent {
        @Override
        public String type() {
            return "comment.reported";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = base(commentId, articleId, articleSlug, section);
            data.put("queue", "reported");
            data.put("flags", flags);
            data.put("dueAt", dueAt);
            return data;
        }
    }

    /** A queued comment was not decided within the queue SLA. */
    public record CommentQueueOverdue(String commentId, String articleId, String articleSlug, String section, String queue,
            String authorName, Instant createdAt, Instant dueAt, Instant occurredAt) implements CopydeskEvent {
        /** The comment was not visible before and is not now: the public thread is unchanged. */
        @Override
        public boolean changesPublicView() {
            return false;
        }

        @Override
        public String type() {
            return "comment.queue_overdue";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = base(commentId, articleId, articleSlug, section);
            data.put("queue", queue);
            data.put("authorName", authorName);
            data.put("createdAt", createdAt);
            data.put("dueAt", dueAt);
            return data;
        }
    }

    private static Map<String, Object> base(String commentId, String articleId, String articleSlug, String section) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commentId", commentId);
        data.put("articleId", articleId);
        data.put("articleSlug", articleSlug);
        // the article's section: staff live streams and staff webhooks show a desk its own events
        data.put("section", section);
        return data;
    }
}
