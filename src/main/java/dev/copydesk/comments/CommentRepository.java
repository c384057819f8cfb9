package dev.copydesk.comments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;
import org.springframework.data.repository.query.Param;

/**
 * Queries run by screening on every comment carry a COMMIT flush mode: the new comment is already
 * flushed and they read nothing else this transaction changes, so Hibernate need not dirty-check the
 * session before each of them.
 */
interface CommentRepository extends JpaRepository<Comment, String> {

    // Keyset pages repeat the lower bound as a plain range (">= :after") so that both H2 and PostgreSQL
    // start an index range scan there instead of reading the OR condition row by row.
    // Each ORDER BY starts with the index's leading columns, although the WHERE fixes them: H2 reads
    // an index in order (and stops at the limit) only when the ORDER BY begins like the index does;
    // otherwise, once ANALYZE finds those columns unselective, it sorts every matching row (with a
    // million held comments, the queue page took 30 s instead of milliseconds).


    /** The public thread, oldest first, after a keyset position. */
    @Query("""
            select new dev.copydesk.comments.CommentThread$ThreadComment(c.id, c.parentId, c.authorName, c.body, c.createdAt)
            from Comment c
            where c.articleId = :articleId and c.visible = true and c.createdAt >= :after
              and (c.createdAt > :after or c.id > :afterId)
            order by c.articleId, c.visible, c.createdAt, c.id""")
    List<CommentThread.ThreadComment> thread(@Param("articleId") String articleId, @Param("after") Instant after,
            @Param("afterId") String afterId, Limit limit);

    @Query("""
            select c.articleId, count(c) from Comment c
            where c.articleId in :articleIds and c.visible = true group by c.articleId""")
    List<Object[]> countVisibleByArticle(@Param("articleIds") Collection<String> articleIds);

    /** The head of a queue: one range of the (queue, queued_at, id) index, read in its order. */
    @Query("select c from Comment c where c.queue = :queue order by c.queue, c.queuedAt, c.id")
    List<Comment> queueHead(@Param("queue") CommentQueue queue, Limit limit);

    /** Comments queued at exactly the cursor's time after its id (ties; usually none). */
    @Query("""
            select c from Comment c where c.queue = :queue and c.queuedAt = :at and c.id > :afterId
            order by c.queue, c.queuedAt, c.id""")
    List<Comment> queuedTiesAfter(@Param("queue") CommentQueue queue, @Param("at") Instant at,
            @Param("afterId") String afterId, Limit limit);

    /**
     * Comments queued strictly after the cursor's time. Kept apart from the ties on purpose: a plain
     * range the database reads in index order and stops after {@code limit}; the combined
     * {@code (a > x or (a = x and id > y))} form made H2 sort a million rows.
     */
    @Query("""
            select c from Comment c where c.queue = :queue and c.queuedAt > :at
            order by c.queue, c.queuedAt, c.id""")
    List<Comment> queuedAfter(@Param("queue") CommentQueue queue, @Param("at") Instant at, Limit limit);

    @Query("select count(c) from Comment c where c.queue = :queue")
    long countQueued(@Param("queue") CommentQueue queue);

    // The same three reads for a moderator of some sections only: the (queue, section, queued_at, id)
    // index, one range per section, merged by the database.

    @Query("select c from Comment c where c.queue = :queue and c.section in :sections order by c.queuedAt, c.id")
    List<Comment> queueHeadIn(@Param("queue") CommentQueue queue, @Param("sections") Collection<String> sections,
            Limit limit);

    @Query("""
            select c from Comment c where c.queue = :queue and c.section in :sections and c.queuedAt = :at
              and c.id > :afterId order by c.queuedAt, c.id""")
    List<Comment> queuedTiesAfterIn(@Param("queue") CommentQueue queue, @Param("sections") Collection<String> sections,
            @Param("at") Instant at, @Param("afterId") String afterId, Limit limit);

    @Query("""
            select c from Comment c where c.queue = :queue and c.section in :sections and c.queuedAt > :at
            order by c.queuedAt, c.id""")
    List<Comment> queuedAfterIn(@Param("queue") CommentQueue queue, @Param("sections") Collection<String> sections,
            @Param("at") Instant at, Limit limit);

    @Query("select count(c) from Comment c where c.queue = :queue and c.section in :sections")
    long countQueuedIn(@Param("queue") CommentQueue queue, @Param("sections") Collection<String> sections);

    @Modifying(flushAutomatically = true)
    @Query("update Comment c set c.section = :section, c.version = c.version + 1 where c.articleId = :articleId")
    int moveArticle(@Param("articleId") String articleId, @Param("section") String section);

    @Query("select c.id from Comment c where c.articleId = :articleId and c.queue is not null")
    List<String> queuedCommentsOfArticle(@Param("articleId") String articleId);

    @Query("""
            select c.authorKey, c.status, count(c) from Comment c
            where c.authorKey in :keys group by c.authorKey, c.status""")
    List<Object[]> countByAuthorAndStatus(@Param("keys") Collection<String> keys);

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select count(c) from Comment c where c.authorKey = :key and c.status = :status")
    long countByAuthor(@Param("key") String authorKey, @Param("status") CommentStatus status);

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("""
            select c.id from Comment c
            where c.authorKey = :key and c.bodyHash = :bodyHash and c.createdAt >= :since and c.id <> :id
            order by c.authorKey, c.bodyHash, c.createdAt""")
    List<String> earlierWithSameBody(@Param("key") String authorKey, @Param("bodyHash") String bodyHash,
            @Param("since") Instant since, @Param("id") String id, Limit limit);

    @Query("select c from Comment c where c.authorKey = :key and c.queue is not null order by c.queuedAt, c.id")
    List<Comment> queuedOfAuthor(@Param("key") String authorKey);

    @Modifying(flushAutomatically = true)
    @Query("update Comment c set c.flagCount = c.flagCount + 1, c.version = c.version + 1 where c.id = :id")
    int addFlag(@Param("id") String id);

    /**
     * The comment, its row locked until the transaction ends: two moderators deciding the same comment
     * take turns here, on any node, so the second sees it decided before it touches the engine.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Comment c where c.id = :id")
    Optional<Comment> findForDecisionById(@Param("id") String id);

    @Query("select c from Comment c where c.id = :id and c.visible = true")
    Optional<Comment> findByIdAndVisibleTrue(@Param("id") String id);
}
