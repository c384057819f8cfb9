package dev.copydesk.articles;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Articles} repository on an embedded H2 (a fresh one per context) with our Flyway schema,
 * no engine and no web: the article's
 * parts (editable copy, live copy, review, schedule, comment settings) map the same columns they
 * always did, and the public read model's JPQL reads them through the parts.
 */
@DataJpaTest
class ArticlesRepositoryTests {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @Autowired
    Articles articles;

    @Autowired
    TestEntityManager entities;

    @Test
    void aDraftReadBackHasItsEditableCopyAndNoLiveCopy() {
        Article draft = articles.saveAndFlush(article("draft-read-back", List.of("port")));
        entities.clear();
        Article read = articles.findById(draft.id()).orElseThrow();
        assertThat(read.title()).isEqualTo("Harbour reopens");
        assertThat(read.tags()).containsExactly("port");
        assertThat(read.textChangedBy()).containsExactly("writer-1");
        assertThat(read.liveTitle()).isNull();
        assertThat(read.publishedAt()).isNull();
        assertThat(read.commentsOpen()).isTrue();
        assertThat(read.premoderation()).isEqualTo(CommentPremoderation.INHERIT);
        assertThat(read.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(articles.findLiveBySlug("draft-read-back")).isEmpty();
    }

    @Test
    void aLiveArticleIsFoundByTheReadModelAndItsTag() {
        Article a = article("live-by-tag", List.of("port", "ferries"));
        a.submit("writer-1", T0, T0.plusSeconds(3600));
        a = articles.saveAndFlush(a);
        a.approve("editor-1", a.version(), null, null, null, T0, new BodyRenderer());
        a.changeCommentSettings("editor-1", false, CommentPremoderation.ALL, T0);
        articles.saveAndFlush(a);
        entities.clear();

        LiveArticle live = articles.findLiveBySlug("live-by-tag").orElseThrow();
        assertThat(live.title()).isEqualTo("Harbour reopens");
        assertThat(live.bodyHtml()).isEqualTo("<p>The harbour is open.</p>");
        assertThat(live.publishedAt()).isEqualTo(T0);
        assertThat(live.commentsOpen()).isFalse();
        assertThat(live.premoderation()).isEqualTo(CommentPremoderation.ALL);
        assertThat(articles.findLiveFirstPage(Tags.likePattern("ferries"), "news", PageRequest.of(0, 10)))
                .extracting(LiveArticle::slug).contains("live-by-tag");
        assertThat(articles.findLiveFirstPage(Tags.likePattern("weather"), "news", PageRequest.of(0, 10)))
                .extracting(LiveArticle::slug).doesNotContain("live-by-tag");
        assertThat(articles.findLivePageAfter("%", "%", T0, a.id(), PageRequest.of(0, 10)))
                .extracting(LiveArticle::slug).doesNotContain("live-by-tag");
        assertThat(articles.findLivePageAfter("%", "%", T0.plusSeconds(1), a.id(), PageRequest.of(0, 10)))
                .extracting(LiveArticle::slug).contains("live-by-tag");
    }

    @Test
    void aReviewAndAScheduleSurviveTheRoundTrip() {
        Article a = article("scheduled-round-trip", List.of());
        a.submit("writer-1", T0, T0.plusSeconds(3600));
        a = articles.saveAndFlush(a);
        a.markReviewOverdue(T0.plusSeconds(3601));
        a = articles.saveAndFlush(a);
        entities.clear();
        Article inReview = articles.findById(a.id()).orElseThrow();
        assertThat(inReview.reviewOverdue()).isTrue();
        assertThat(inReview.reviewDueAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(inReview.reviewRevision()).isPresent();

        inReview.approve("editor-1", inReview.version(), "ok", T0.plusSeconds(7200), T0.plusSeconds(9000), T0,
                new BodyRenderer());
        articles.saveAndFlush(inReview);
        entities.clear();
        Article scheduled = articles.findById(a.id()).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(scheduled.publishAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(scheduled.unpublishAt()).isEqualTo(T0.plusSeconds(9000));
        assertThat(scheduled.reviewRevision()).isEmpty();
        assertThat(scheduled.lastReviewNote()).isEqualTo("ok");
        assertThat(articles.findLiveBySlug("scheduled-round-trip")).isEmpty();
    }

    @Test
    void slugsAndSectionsAreFoundOnlyForArticlesThatExist() {
        Article a = articles.saveAndFlush(article("slug-exists", List.of()));
        assertThat(articles.existsBySlug("slug-exists")).isTrue();
        assertThat(articles.existsBySlug("slug-does-not-exist")).isFalse();
        assertThat(articles.findSectionById(a.id())).contains("news");
        assertThat(articles.findSectionById("0".repeat(a.id().length()))).isEmpty();
        assertThat(articles.findForStaff(ArticleStatus.DRAFT, "writer-1", PageRequest.of(0, 50)).getContent())
                .extracting(Article::id).contains(a.id());
        assertThat(articles.findForStaff(ArticleStatus.DRAFT, "writer-2", PageRequest.of(0, 50)).getContent())
                .extracting(Article::id).doesNotContain(a.id());
    }

    private static Article article(String slug, List<String> tags) {
        return new Article(slug, "Harbour reopens", "The ferries run again.", "The harbour is open.", tags,
                "writer-1", "news", T0);
    }
}
