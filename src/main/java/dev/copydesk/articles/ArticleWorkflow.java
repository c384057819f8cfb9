package dev.copydesk.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ArticleDesk} asks of the workflow engine. Implemented in the {@code process} package
 * against the BPMN process {@code article-publication}; calls join the caller's transaction, so the
 * article and the process move together or not at all.
 */
public interface ArticleWorkflow {

    /** A revision was submitted: start the process, or wake the waiting one. */
    void submitted(String articleId);

    /** The submission was taken back: the review task ends and the process waits for the next submission. */
    void withdrawn(String articleId);

    /**
     * An editor decided: completes the open review task (409 if there is none). {@code publication}
     * is what the aggregate decided on approval (now or later, and the expiry), {@code null} for the
     * other decisions; the process follows it.
     */
    void decided(String articleId, ReviewDecision decision, Publication publication);

    /** An editor took the article down or cancelled its schedule: the process ends. */
    void unpublished(String articleId);

    /** The expiry time was set, moved or cleared ({@code null}). */
    void expiryChanged(String articleId, Instant unpublishAt);

    /** The article moved to {@code section}: its open review task, if any, is offered to that section's editors. */
    void moved(String articleId, String section);

    /** Open review tasks, oldest first. */
    List<OpenReview> openReviews();

    /** The open review task of one article, if any. */
    Optional<OpenReview> openReview(String articleId);

    /** An open review task as the engine sees it. */
    record OpenReview(String articleId, String taskId, Instant createdAt) {
    }
}
