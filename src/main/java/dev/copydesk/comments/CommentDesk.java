package dev.copydesk.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.articles.ArticleMoved;
import dev.copydesk.comments.CommentEvents.CommentApproved;
import dev.copydesk.comments.CommentEvents.CommentHeld;
import dev.copydesk.comments.CommentEvents.CommentQueueOverdue;
import dev.copydesk.comments.CommentEvents.CommentRejected;
import dev.copydesk.comments.CommentEvents.CommentReported;
import dev.copydesk.operations.WorkflowMetrics;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.NotFoundException;

/**
 * The comments module's API for moderation: what screening needs to know about a comment, the moves
 * of the comment's state machine (each recorded in its history and published as an event), the
 * queues as stored in the comment table, and the author's record.
 */
@Service
@Transactional
public class CommentDesk {

    /** The actor of decisions screening takes. */
    public static final String SCREENING = "screening";
    /** The actor of moves made by timers. */
    public static final String SYSTEM = "system";
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(1);

    private final CommentRepository comments;
    private final CommentHistoryRepository history;
    private final CommentFlagRepository flags;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkflowMetrics metrics;

    CommentDesk(CommentRepository comments, CommentHistoryRepository history, CommentFlagRepository flags,
            ApplicationEventPublisher events, Clock clock, WorkflowMetrics metrics) {
        this.metrics = metrics;
        this.comments = comments;
        this.history = history;
        this.flags = flags;
        this.events = events;
        this.clock = clock;
    }

    /** What the screening rules look at. */
    @Transactional(readOnly = true)
    public ScreeningSubject screeningSubject(String commentId) {
        Comment c = get(commentId);
        long approved = comments.countByAuthor(c.authorKey(), CommentStatus.APPROVED);
        List<String> earlier = comments.earlierWithSameBody(c.authorKey(), c.bodyHash(),
                c.createdAt().minus(DUPLICATE_WINDOW), c.id(), Limit.of(1));
        return new ScreeningSubject(c.id(), c.articleId(), c.articleSlug(), c.authorName(), c.authorKey(), c.body(),
                approved, earlier.isEmpty() ? null : earlier.get(0));
    }

    public void recordScreening(String commentId, List<CommentReason> reasons) {
        get(commentId).screened(reasons);
    }

    /** Approves a fresh comment ({@code actor} null: screening) or a queued one (a moderator). */
    public CommentStatus approve(String commentId, String actor, String reason) {
        Comment c = get(commentId);
        boolean screening = c.awaitingScreening();
        CommentStatus from = c.status();
        CommentQueue queue = c.queue();
        Instant now = clock.instant();
        Instant queuedAt = c.queuedAt();
        c.approve(screening ? SCREENING : actor, reason, now);
        measure("APPROVED", screening, c.reasons(), queuedAt, now);
        if (queue == CommentQueue.REPORTED) {
            flags.clear(commentId);
        }
        history.save(new CommentHistoryEntry(commentId, now, c.decidedBy(), screening ? "SCREENED" : "APPROVED",
                from, c.status(), reason, screening ? c.reasons() : null));
        boolean notifyParent = c.parentId() != null
                && comments.findById(c.parentId()).map(Comment::notifyRequested).orElse(false);
        events.publishEvent(new CommentApproved(c.id(), c.articleId(), c.articleSlug(), c.section(), c.parentId(), c.authorName(),
                c.body(), c.createdAt(), !screening, c.notifyRequested(), notifyParent, now));
        return c.status();
    }

    public CommentStatus reject(String commentId, String actor, String reason) {
        Comment c = get(commentId);
        boolean screening = c.awaitingScreening();
        CommentStatus from = c.status();
        Instant now = clock.instant();
        Instant queuedAt = c.queuedAt();
        c.reject(screening ? SCREENING : actor, reason, now);
        measure("REJECTED", screening, c.reasons(), queuedAt, now);
        history.save(new CommentHistoryEntry(commentId, now, c.decidedBy(), screening ? "SCREENED" : "REJECTED",
                from, c.status(), reason, screening ? c.reasons() : null));
        events.publishEvent(new CommentRejected(c.id(), c.articleId(), c.articleSlug(), c.section(), !screening, reason, now));
        return c.status();
    }

    /** Screening held the comment: into the pending queue, due for a decision at {@code dueAt}. */
    public void hold(String commentId, Instant dueAt) {
        Comment c = get(commentId);
        Instant now = clock.instant();
        c.hold(now, dueAt);
        measure("HELD", true, c.reasons(), null, now);
        history.save(new CommentHistoryEntry(commentId, now, SCREENING, "SCREENED", CommentStatus.PENDING,
                CommentStatus.PENDING, "held for moderation", c.reasons()));
        events.publishEvent(new CommentHeld(c.id(), c.articleId(), c.articleSlug(), c.section(),
                c.reasons().stream().map(CommentReason::code).toList(), dueAt, now));
    }

    /** Reader flags reached the threshold: hidden, into the reported queue, due at {@code dueAt}. */
    public void report(String commentId, Instant dueAt) {
        Comment c = get(commentId);
        Instant now = clock.instant();
        c.report(now, dueAt);
        history.save(new CommentHistoryEntry(commentId, now, SYSTEM, "REPORTED", c.status(), c.status(),
                c.flagCount() + " reader flags", List.of(new CommentReason("REPORTED", c.flagCount() + " flags"))));
        events.publishEvent(new CommentReported(c.id(), c.articleId(), c.articleSlug(), c.section(), c.flagCount(), dueAt, now));
    }

    /** The queue SLA ran out: the comment stays queued, marked overdue. */
    public void markOverdue(String commentId) {
        Comment c = get(commentId);
        CommentQueue queue = c.queue();
        if (!c.markOverdue()) {
            return;
        }
        Instant now = clock.instant();
        history.save(new CommentHistoryEntry(commentId, now, SYSTEM, "QUEUE_OVERDUE", c.status(), c.status(),
                "not decided within the queue SLA", null));
        events.publishEvent(new CommentQueueOverdue(c.id(), c.articleId(), c.articleSlug(), c.section(), queue.apiName(),
                c.authorName(), c.createdAt(), c.dueAt(), now));
    }

    @Transactional(readOnly = true)
    public Optional<CommentSummary> find(String commentId) {
        if (!Ids.isWellFormed(commentId)) {
            return Optional.empty();
        }
        return comments.findById(commentId).map(CommentDesk::summary);
    }

    /**
     * {@link #find} for a moderator's decision: the comment's row stays locked until the transaction
     * ends, so decisions on one comment take turns (the same one statement as {@link #find}).
     */
    @Transactional
    public Optional<CommentSummary> findForDecision(String commentId) {
        if (!Ids.isWellFormed(commentId)) {
            return Optional.empty();
        }
        return comments.findForDecisionById(commentId).map(CommentDesk::summary);
    }

    /** A page of a queue, oldest first, after the keyset position ({@code null}: from the start). */
    @Transactional(readOnly = true)
    public List<QueuedComment> queue(CommentQueue queue, Instant after, String afterId, int limit) {
        return queue(queue, null, after, afterId, limit);
    }

    /**
     * A page of a queue in some sections ({@code null}: all), oldest first, after the keyset position
     * ({@code null}: from the start).
     */
    @Transactional(readOnly = true)
    public List<QueuedComment> queue(CommentQueue queue, Collection<String> sections, Instant after, String afterId,
            int limit) {
        if (sections != null) {
            if (sections.isEmpty()) {
                return List.of();
            }
            List<Comment> rows;
            if (after == null) {
                rows = comments.queueHeadIn(queue, sections, Limit.of(limit));
            } else {
                rows = new java.util.ArrayList<>(comments.queuedTiesAfterIn(queue, sections, after,
                        afterId == null ? "" : afterId, Limit.of(limit)));
                if (rows.size() < limit) {
                    rows.addAll(comments.queuedAfterIn(queue, sections, after, Limit.of(limit - rows.size())));
                }
            }
            return rows.stream().map(CommentDesk::queued).toList();
        }
        List<Comment> rows;
        if (after == null) {
            rows = comments.queueHead(queue, Limit.of(limit));
        } else {
            rows = new java.util.ArrayList<>(comments.queuedTiesAfter(queue, after, afterId == null ? "" : afterId,
                    Limit.of(limit)));
            if (rows.size() < limit) {
                rows.addAll(comments.queuedAfter(queue, after, Limit.of(limit - rows.size())));
            }
        }
        return rows.stream().map(CommentDesk::queued).toList();
    }

    @Transactional(readOnly = true)
    public long queueSize(CommentQueue queue) {
        return comments.countQueued(queue);
    }

    /** How many comments wait in a queue in some sections. */
    @Transactional(readOnly = true)
    public long queueSize(CommentQueue queue, Collection<String> sections) {
        return sections.isEmpty() ? 0 : comments.countQueuedIn(queue, sections);
    }

    /**
     * The article moved to another section: so do its comments, in this transaction (a listener of
     * {@link ArticleMoved}, published by the move).
     */
    @org.springframework.context.event.EventListener
    @Transactional
    public void on(ArticleMoved moved) {
        comments.moveArticle(moved.articleId(), moved.toSection());
    }

    /** The ids of an article's queued comments (to move their moderation tasks with the article). */
    @Transactional(readOnly = true)
    public List<String> queuedCommentsOfArticle(String articleId) {
        return comments.queuedCommentsOfArticle(articleId);
    }

    /** The record of each author key: how many comments approved, rejected and pending. */
    @Transactional(readOnly = true)
    public Map<String, AuthorRecord> authorRecords(Collection<String> authorKeys) {
        Map<String, long[]> counts = new HashMap<>();
        if (!authorKeys.isEmpty()) {
            for (Object[] row : comments.countByAuthorAndStatus(Set.copyOf(authorKeys))) {
                long[] c = counts.computeIfAbsent((String) row[0], k -> new long[3]);
                c[((CommentStatus) row[1]).ordinal()] = ((Number) row[2]).longValue();
            }
        }
        Map<String, AuthorRecord> records = new HashMap<>();
        for (String key : authorKeys) {
            long[] c = counts.getOrDefault(key, new long[3]);
            records.put(key, new AuthorRecord(c[CommentStatus.APPROVED.ordinal()], c[CommentStatus.REJECTED.ordinal()],
                    c[CommentStatus.PENDING.ordinal()]));
        }
        return records;
    }

    /** The comments replied to, by id, for moderators deciding in context. */
    @Transactional(readOnly = true)
    public Map<String, ParentComment> parents(Collection<String> ids) {
        Map<String, ParentComment> parents = new HashMap<>();
        comments.findAllById(Set.copyOf(ids)).forEach(p -> parents.put(p.id(),
                new ParentComment(p.id(), p.authorName(), p.body(), p.status(), p.createdAt())));
        return parents;
    }

    /** The author's comments waiting in a queue, oldest first (for a ban that rejects pending comments). */
    @Transactional(readOnly = true)
    public List<CommentSummary> queuedOfAuthor(String authorKey) {
        return comments.queuedOfAuthor(authorKey).stream().map(CommentDesk::summary).toList();
    }

    @Transactional(readOnly = true)
    public CommentHistory history(String commentId) {
        if (find(commentId).isEmpty()) {
            throw new NotFoundException("Comment", commentId);
        }
        return new CommentHistory(commentId, history.findByCommentIdOrderByAtAscIdAsc(commentId).stream()
                .map(CommentHistoryEntry::view).toList());
    }

    /**
     * The commenter's email, for the notifications module, only when they asked to be notified
     * ({@code notify} on intake). Never put it into an event or a public response.
     */
    @Transactional(readOnly = true)
    public Optional<String> notificationAddress(String commentId) {
        if (!Ids.isWellFormed(commentId)) {
            return Optional.empty();
        }
        return comments.findById(commentId).filter(Comment::notifyRequested).map(Comment::authorEmail);
    }

    /** Screening outcomes by reason. */
    private void measure(String outcome, boolean screening, List<CommentReason> reasons, Instant queuedAt, Instant now) {
        if (screening) {
            if (reasons == null || reasons.isEmpty()) {
                metrics.screeningOutcome(outcome, WorkflowMetrics.NO_REASON);
            } else {
                reasons.forEach(r -> metrics.screeningOutcome(outcome, r.code()));
            }
        }
        // How long a queued comment waited for its moderator is the moderation process's step: measured there.
    }

    private Comment get(String commentId) {
        if (!Ids.isWellFormed(commentId)) {
            throw new NotFoundException("Comment", commentId);
        }
        return comments.findById(commentId).orElseThrow(() -> new NotFoundException("Comment", commentId));
    }

    private static CommentSummary summary(Comment c) {
        return new CommentSummary(c.id(), c.articleId(), c.status(), c.queue(), c.visible(), c.queuedAt(),
                c.reasons(), c.section());
    }

    private static QueuedComment queued(Comment c) {
        return new QueuedComment(c.id(), c.articleId(), c.articleSlug(), c.authorName(), c.authorEmail(),
                c.authorKey(), c.body(), c.parentId(), c.reasons(), c.flagCount(), c.queue(), c.queuedAt(),
                c.createdAt(), c.dueAt(), c.overdue(), c.section());
    }

    /** What screening looks at; {@code duplicateOf} is an earlier comment with the same body within a day. */
    public record ScreeningSubject(String commentId, String articleId, String articleSlug, String authorName,
            String authorKey, String body, long approvedByAuthor, String duplicateOf) {
    }

    /**
     * A comment's moderation state; {@code queuedAt} is when it entered its queue ({@code null} when
     * not queued). The engine's ids are not here: the moderation process finds its instance by the
     * comment id (its business key).
     */
    public record CommentSummary(String commentId, String articleId, CommentStatus status, CommentQueue queue,
            boolean visible, Instant queuedAt, List<CommentReason> reasons, String section) {
    }

    /** A queued comment as moderators see it (with the email: staff only). */
    public record QueuedComment(String commentId, String articleId, String articleSlug, String authorName,
            String authorEmail, String authorKey, String body, String parentId, List<CommentReason> reasons,
            int flags, CommentQueue queue, Instant queuedAt, Instant createdAt, Instant dueAt, boolean overdue,
            String section) {
    }

    public record AuthorRecord(long approved, long rejected, long pending) {
    }

    public record ParentComment(String id, String authorName, String body, CommentStatus status, Instant createdAt) {
    }
}
