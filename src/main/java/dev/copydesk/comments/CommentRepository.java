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

    /** The public thread, oldest first, after a keyset position. */
    @Query("""
            select new dev.copydesk.comments.CommentThread$ThreadComment(c.id, c.parentId, c.authorName, c.body, c.createdAt)
            from Comment c
            where c.articleId = :articleId and c.visible = true
              and (c.createdAt > :after or (c.createdAt = :after and c.id > :afterId))
            order by c.createdAt, c.id""")
    List<CommentThread.ThreadComment> thread(@Param("articleId") String articleId, @Param("after") Instant after,
            @Param("afterId") String afterId, Limit limit);

    @Query("""
            select c.articleId, count(c) from Comment c
            where c.articleId in :articleIds and c.visible = true group by c.articleId""")
    List<Object[]> countVisibleByArticle(@Param("articleIds") Collection<String> articleIds);

    @Query("""
            select c from Comment c
            where c.queue = :queue and (c.queuedAt > :after or (c.queuedAt = :after and c.id > :afterId))
            order by c.queuedAt, c.id""")
    List<Comment> queued(@Param("queue") CommentQueue queue, @Param("after") Instant after,
            @Param("afterId") String afterId, Limit limit);

    @Query("select count(c) from Comment c where c.queue = :queue")
    long countQueued(@Param("queue") CommentQueue queue);

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
            order by c.createdAt""")
    List<String> earlierWithSameBody(@Param("key") String authorKey, @Param("bodyHash") String bodyHash,
            @Param("since") Instant since, @Param("id") String id, Limit limit);

    @Query("select c from Comment c where c.authorKey = :key and c.queue is not null order by c.queuedAt, c.id")
    List<Comment> queuedOfAuthor(@Param("key") String authorKey);

    @Modifying(flushAutomatically = true)
    @Query("update Comment c set c.flagCount = c.flagCount + 1, c.version = c.version + 1 where c.id = :id")
    int addFlag(@Param("id") String id);

    Optional<Comment> findByIdAndVisibleTrue(String id);
}
