package dev.copydesk.articles;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.Ids;
import dev.copydesk.shared.NotFoundException;

/**
 * What the publication workflow does to an article by itself (its timers and candidate groups),
 * called by the delegates in {@code articles.process}. Staff never call these: their moves are on
 * {@link ArticleDesk}. Each call joins the engine's transaction, so the article and the process
 * step commit together.
 */
@Service
@Transactional
public class PublicationSteps {

    private final Articles articles;
    private final BodyRenderer renderer;
    private final Clock clock;

    PublicationSteps(Articles articles, BodyRenderer renderer, Clock clock) {
        this.articles = articles;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The publish timer fired: a scheduled article goes live. */
    public void publishWhenDue(String id) {
        Article article = find(id);
        article.publishScheduled(clock.instant(), renderer);
        articles.saveAndFlush(article);
    }

    /** The expiry timer fired: a published article goes down. */
    public void expire(String id) {
        Article article = find(id);
        article.expire(clock.instant());
        articles.saveAndFlush(article);
    }

    /** The review SLA timer fired: the review is marked overdue and editors are told; nothing is cancelled. */
    public void markReviewOverdue(String id) {
        Article article = find(id);
        if (article.markReviewOverdue(clock.instant())) {
            articles.saveAndFlush(article);
        }
    }

    /** The section of an article, for the review task's candidate groups; empty for no such article. */
    @Transactional(readOnly = true)
    public Optional<String> sectionOf(String id) {
        return Ids.isWellFormed(id) ? articles.findSectionById(id) : Optional.empty();
    }

    private Article find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("Article", id);
        }
        return articles.findById(id).orElseThrow(() -> new NotFoundException("Article", id));
    }
}
