package dev.copydesk.articles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.copydesk.shared.CopydeskEvent;

/**
 * What happened to an article, published inside the transaction that made it happen. Listeners that
 * leave the process (mail, webhooks, live stream) act after commit. Events carry ids and small values.
 * {@code actor} is a staff account id, or {@code system} when the workflow engine acted (a timer).
 */
public sealed interface ArticleEvent extends CopydeskEvent {

    String articleId();

    String slug();

    /** The article's section: staff live streams and staff webhooks show a desk its own events. */
    String section();

    String title();

    String authorId();

    String actor();

    @Override
    default String articleSlug() {
        return slug();
    }

    /** Common payload: ids and small values, never the body. */
    private static Map<String, Object> data(ArticleEvent e, Object... more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("articleId", e.articleId());
        data.put("slug", e.slug());
        data.put("section", e.section());
        data.put("title", e.title());
        data.put("authorId", e.authorId());
        data.put("actor", e.actor());
        for (int i = 0; i + 1 < more.length; i += 2) {
            data.put((String) more[i], more[i + 1]);
        }
        return data;
    }

    /** A revision was submitted for review ({@code revision} counts from 1). */
    record ArticleSubmitted(String articleId, String slug, String section, String title, String authorId, String actor,
            int revision, Instant dueAt, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.submitted";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "revision", revision, "dueAt", dueAt);
        }
    }

    /** An editor sent the article (or its pending revision) back to the writer. */
    record ArticleChangesRequested(String articleId, String slug, String section, String title, String authorId, String actor,
            String note, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.changes_requested";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "note", note);
        }
    }

    /** An editor approved the article or its pending revision. */
    record ArticleApproved(String articleId, String slug, String section, String title, String authorId, String actor,
            String note, Instant publishAt, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.approved";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "note", note, "publishAt", publishAt);
        }
    }

    /** Approved for a future time; a timer will publish it. */
    record ArticleScheduled(String articleId, String slug, String section, String title, String authorId, String actor,
            Instant publishAt, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.scheduled";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "publishAt", publishAt);
        }
    }

    /** A revision went live: the first publication, or an approved revision of a live article. */
    record ArticlePublished(String articleId, String slug, String section, String title, String authorId, String actor,
            Instant publishedAt, int revision, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.published";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "publishedAt", publishedAt, "revision", revision);
        }
    }

    /** Taken down (or a schedule cancelled) by an editor, or by its expiry time. */
    record ArticleUnpublished(String articleId, String slug, String section, String title, String authorId, String actor,
            String note, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.unpublished";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "note", note);
        }
    }

    /** An editor refused the article (or dropped its pending revision). */
    record ArticleRejected(String articleId, String slug, String section, String title, String authorId, String actor,
            String note, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.rejected";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "note", note);
        }
    }

    /** A review was not decided within the review SLA. Nothing is cancelled. */
    record ArticleReviewOverdue(String articleId, String slug, String section, String title, String authorId, String actor,
            Instant dueAt, Instant occurredAt) implements ArticleEvent {
        public String type() {
            return "article.review_overdue";
        }

        public Map<String, Object> data() {
            return ArticleEvent.data(this, "dueAt", dueAt);
        }
    }
}
