package dev.copydesk.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The article aggregates. Only this module's services use it. */
interface Articles extends JpaRepository<Article, String>, JpaSpecificationExecutor<Article> {

    boolean existsBySlug(String slug);

    /**
     * Staff listing, optionally by status and author. Built as a criteria query rather than
     * {@code (:p is null or ...)}, which PostgreSQL refuses for untyped null parameters.
     */
    default Page<Article> findForStaff(ArticleStatus status, String authorId, Pageable pageable) {
        return findForStaff(status, authorId, null, null, pageable);
    }

    /**
     * Staff listing with sections: {@code section} narrows to one section; {@code orInSections}, when
     * not {@code null}, limits the list to articles by {@code authorId} or in those sections (a
     * section-scoped editor sees their desks and their own articles); otherwise {@code authorId}
     * alone narrows to one author.
     */
    default Page<Article> findForStaff(ArticleStatus status, String authorId, String section,
            java.util.Collection<String> orInSections, Pageable pageable) {
        Specification<Article> spec = (root, query, cb) -> cb.and(
                status == null ? cb.conjunction() : cb.equal(root.get("status"), status),
                section == null ? cb.conjunction() : cb.equal(root.get("section"), section),
                orInSections != null
                        ? cb.or(cb.equal(root.get("authorId"), authorId),
                                orInSections.isEmpty() ? cb.disjunction() : root.get("section").in(orInSections))
                        : authorId == null ? cb.conjunction() : cb.equal(root.get("authorId"), authorId));
        return findAll(spec, pageable);
    }

    @Query("select a.section from Article a where a.id = :id")
    Optional<String> findSectionById(@Param("id") String id);

    /** The public read model of one live article: a single indexed row, no collections touched. */
    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.live.title, a.live.summary, a.live.tags,
                a.live.bodyHtml, a.authorId, a.schedule.publishedAt, a.commentSettings.open, a.commentSettings.premoderation, a.section)
            from Article a where a.slug = :slug and a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
            """)
    Optional<LiveArticle> findLiveBySlug(@Param("slug") String slug);

    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.live.title, a.live.summary, a.live.tags,
                a.live.bodyHtml, a.authorId, a.schedule.publishedAt, a.commentSettings.open, a.commentSettings.premoderation, a.section)
            from Article a where a.id = :id and a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
            """)
    Optional<LiveArticle> findLiveById(@Param("id") String id);

    /**
     * One page of live articles with a tag ({@code %} for any) in a section (a slug, or {@code %} for
     * any; slugs hold no LIKE wildcards), newest first, strictly after the keyset
     * {@code (publishedAt, id)} when one is given.
     * Articles published meanwhile sort before the keyset, so pages never shift or repeat.
     */
    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.live.title, a.live.summary, a.live.tags,
                null, a.authorId, a.schedule.publishedAt, a.commentSettings.open, a.commentSettings.premoderation, a.section)
            from Article a
            where a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
              and a.live.tagsColumn like :tagPattern
              and a.section like :sectionPattern
            order by a.status, a.schedule.publishedAt desc, a.id desc
            """)
    List<LiveArticle> findLiveFirstPage(@Param("tagPattern") String tagPattern,
            @Param("sectionPattern") String sectionPattern, Pageable limit);

    @Query("""
            select new dev.copydesk.articles.LiveArticle(a.id, a.slug, a.live.title, a.live.summary, a.live.tags,
                null, a.authorId, a.schedule.publishedAt, a.commentSettings.open, a.commentSettings.premoderation, a.section)
            from Article a
            where a.status = dev.copydesk.articles.ArticleStatus.PUBLISHED
              and a.live.tagsColumn like :tagPattern
              and a.section like :sectionPattern
              and (a.schedule.publishedAt < :afterPublishedAt
                   or (a.schedule.publishedAt = :afterPublishedAt and a.id < :afterId))
            order by a.status, a.schedule.publishedAt desc, a.id desc
            """)
    List<LiveArticle> findLivePageAfter(@Param("tagPattern") String tagPattern,
            @Param("sectionPattern") String sectionPattern,
            @Param("afterPublishedAt") Instant afterPublishedAt, @Param("afterId") String afterId, Pageable limit);
}
