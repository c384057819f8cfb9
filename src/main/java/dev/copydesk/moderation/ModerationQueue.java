package dev.copydesk.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final ModerationProperties properties;
    private final Clock clock;
    /**
     * Queue totals, counted by one thread at a time: with a million held comments a count takes
     * seconds, so a page is served with the last total while one background refresh runs, instead
     * of every request counting at once when the value expires.
     */
    private final LoadingCache<CommentQueue, Long> totals;
    private final SlowCountThrottle throttle = new SlowCountThrottle(System::nanoTime);

    ModerationQueue(CommentDesk comments, PublishedArticles articles, ModerationProperties properties, Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
        Duration ttl = properties.queueTotalCacheTtl();
        this.totals = Caffeine.newBuilder()
                .refreshAfterWrite(ttl.isZero() || ttl.isNegative() ? Duration.ofNanos(1) : ttl)
                .executor(COUNTER)
                .build(queue -> throttle.count(queue, () -> comments.queueSize(queue)));
    }

    public QueuePage page(CommentQueue queue, KeysetCursor cursor, int limit) {
        List<QueuedComment> rows = comments.queue(queue, cursor == null ? null : cursor.at(),
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
                c.overdue() || (c.dueAt() != null && now.isAfter(c.dueAt())))).toList();
        return new QueuePage(items, next, total(queue));
    }

    /**
     * The queue's size as last counted; {@code -1} until the first count, which runs in the
     * background (never on the request path, where it would hold a connection for seconds).
     */
    private long total(CommentQueue queue) {
        if (properties.queueTotalCacheTtl().isZero() || properties.queueTotalCacheTtl().isNegative()) {
            return comments.queueSize(queue);
        }
        Long counted = totals.getIfPresent(queue);
        if (counted == null) {
            totals.refresh(queue);
            return -1;
        }
        return counted;
    }

    /**
     * Keeps a slow count from running all the time: a recount is skipped (the last total is kept)
     * until ten times as long as the last count took has passed since it began. With a million held
     * comments a count takes one to two seconds, so it runs at most every 10 to 20 seconds, about a
     * tenth of one core, instead of back to back under a steady stream of page reads.
     */
    static final class SlowCountThrottle {

        static final int SPACING = 10;

        private final LongSupplier nanoTime;
        private final Map<CommentQueue, Counted> last = new ConcurrentHashMap<>();

        SlowCountThrottle(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
        }

        long count(CommentQueue queue, LongSupplier counter) {
            Counted previous = last.get(queue);
            long started = nanoTime.getAsLong();
            if (previous != null && started - previous.started() < SPACING * previous.took()) {
                return previous.total();
            }
            long total = counter.getAsLong();
            last.put(queue, new Counted(total, started, nanoTime.getAsLong() - started));
            return total;
        }

        private record Counted(long total, long started, long took) {
        }
    }

    /** One thread counts queues, so a slow count never runs twice at once. */
    private static final java.util.concurrent.Executor COUNTER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "moderation-queue-counter");
        t.setDaemon(true);
        return t;
    });

    /** One queued comment with its context; {@code authorEmail} is for staff only. */
    public record QueueItem(String commentId, String queue, String articleSlug, String articleTitle, String authorName,
            String authorEmail, String body, ParentComment parent, List<CommentReason> reasons, int flags,
            AuthorRecord author, Instant createdAt, Instant queuedAt, Instant dueAt, boolean overdue) {
    }

    public record QueuePage(List<QueueItem> items, String nextCursor, long total) {
    }
}
