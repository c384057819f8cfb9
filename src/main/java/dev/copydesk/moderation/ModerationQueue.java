package dev.copydesk.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentDesk.AuthorRecord;
import dev.copydesk.comments.CommentDesk.ParentComment;
import dev.copydesk.comments.CommentDesk.QueuedComment;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.comments.CommentReason;
import dev.copydesk.comments.KeysetCursor;

/**
 * The moderation queues, oldest first. Served from the comment table's queue index with keyset
 * paging (never from an engine task query, which slows down with many open tasks); each held
 * comment still has its user task in the process. Every item carries its context: the parent comment
 * of a reply and the author's record.
 */
@Service
@Transactional(readOnly = true)
public class ModerationQueue {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final CommentDesk comments;
    private final PublishedArticles articles;
    private final QueueCounts counts;
    private final Clock clock;

    ModerationQueue(CommentDesk comments, PublishedArticles articles, QueueCounts counts, Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.counts = counts;
        this.clock = clock;
    }

    public QueuePage page(CommentQueue queue, KeysetCursor cursor, int limit) {
        return page(queue, StaffMember.Scope.NEWSROOM, cursor, limit);
    }

    /**
     * A page of the queue as a moderator of {@code scope} sees it: the whole newsroom's, or only the
     * comments on their sections' articles (and the total of those).
     */
    public QueuePage page(CommentQueue queue, StaffMember.Scope scope, KeysetCursor cursor, int limit) {
        Set<String> sections = scope.newsroom() ? null : scope.sections();
        List<QueuedComment> rows = comments.queue(queue, sections, cursor == null ? null : cursor.at(),
                cursor == null ? null : cursor.id(), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            QueuedComment last = rows.get(limit - 1);
            next = new KeysetCursor(last.queuedAt(), last.commentId()).encode();
        }
        Map<String, AuthorRecord> authors = comments.authorRecords(rows.stream().map(QueuedComment::authorKey).toList());
        Map<String, ParentComment> parents = comments.parents(
                rows.stream().map(QueuedComment::parentId).filter(Objects::nonNull).toList());
        Map<String, String> titles = new HashMap<>();
        Instant now = clock.instant();
        List<QueueItem> items = rows.stream().map(c -> new QueueItem(c.commentId(), c.queue().apiName(),
                c.articleSlug(),
                titles.computeIfAbsent(c.articleId(), id -> articles.findById(id).map(PublishedArticle::title).orElse(null)),
                c.authorName(), c.authorEmail(), c.body(),
                c.parentId() == null ? null : parents.get(c.parentId()),
                c.reasons(), c.flags(), authors.get(c.authorKey()), c.createdAt(), c.queuedAt(), c.dueAt(),
                c.overdue() || (c.dueAt() != null && now.isAfter(c.dueAt())), c.section())).toList();
        long total = sections == null ? total(queue, items.size(), next != null)
                : Math.max(comments.queueSize(queue, sections), items.size() + (next != null ? 1L : 0L));
        return new QueuePage(items, next, total);
    }

    /**
     * The queue's exact size from {@link QueueCounts}, never fewer than this page shows: the page and
     * the count are two statements, and a decision committed between them may already have left the
     * count while the page still showed it.
     */
    private long total(CommentQueue queue, int onPage, boolean more) {
        return Math.max(counts.size(queue), onPage + (more ? 1L : 0L));
    }

    /** One queued comment with its context; {@code authorEmail} is for staff only. */
    public record QueueItem(String commentId, String queue,
            @Schema(example = "spoilers-more-romance-ahead-for-two-detectives") String articleSlug,
            @Nullable @Schema(example = "Spoilers: more romance ahead for two detectives") String articleTitle,
            @Schema(example = "Sam") String authorName, @Schema(example = "sam@example.org") String authorEmail,
            @Schema(example = "Not sure the romance helps the show, to be honest.") String body,
            @Nullable ParentComment parent, List<CommentReason> reasons, int flags, AuthorRecord author,
            Instant createdAt, Instant queuedAt, @Nullable Instant dueAt, boolean overdue,
            @Schema(example = "entertainment") String section) {
    }

    public record QueuePage(List<QueueItem> items, @Nullable String nextCursor, long total) {
    }
}
