package dev.copydesk.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The article aggregates. Only this module's services use it. */
interface Articles extends JpaRepository<Article, String> {

    boolean existsBySlug(String slug);

    @Query("""
            select a from Article a
            where (:status is null or a.status = :status) and (:authorId is null or a.authorId = :authorId)
            """)
    Page<Article> findForStaff(@Param("status") ArticleStatus status, @Param("authorId") String authorId,
            Pageable pageable);

    /** The public read model of one live article: a single indexed row, no collections touched. */
    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.liveTitle, a.liveSummary, a.liveTags,
                a.liveBodyHtml, a.authorId, a.publishedAt, a.commentsOpen, a.premoderation)
            from Article a where a.slug = :slug and a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
            """)
    Optional<LiveArticle> findLiveBySlug(@Param("slug") String slug);

    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.liveTitle, a.liveSummary, a.liveTags,
                a.liveBodyHtml, a.authorId, a.publishedAt, a.commentsOpen, a.premoderation)
            from Article a where a.id = :id and a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
            """)
    Optional<LiveArticle> findLiveById(@Param("id") String id);

    /**
     * One page of live articles with a tag ({@code %} for any), newest first, strictly after the keyset
     * {@code (publishedAt, id)} when one is given.
     * Articles published meanwhile sort before the keyset, so pages never shift or repeat.
     */
    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.liveTitle, a.liveSummary, a.liveTags,
                null, a.authorId, a.publishedAt, a.commentsOpen, a.premoderation)
            from Article a
            where a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
              and a.liveTagsColumn like :tagPattern
              and (:afterPublishedAt is null or a.publishedAt < :afterPublishedAt
                   or (a.publishedAt = :afterPublishedAt and a.id < :afterId))
            order by a.publishedAt desc, a.id desc
            """)
    List<LiveArticle> findLivePage(@Param("tagPattern") String tagPattern,
            @Param("afterPublishedAt") Instant afterPublishedAt, @Param("afterId") String afterId, Pageable limit);
}
