package dev.copydesk.articles.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.articles.ReviewDecision;

/** The bodies the article endpoints accept. Unknown fields are refused (400), so nothing else can be set. */
final class ArticleRequests {

    private ArticleRequests() {
    }

    record CreateArticleRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 1000) String summary,
            @NotNull @Size(max = 100_000) String body,
            @Size(max = 10) List<@NotNull @Size(max = 40) String> tags) {

        ArticleDraft draft() {
            return new ArticleDraft(title, summary, body, tags);
        }
    }

    record EditArticleRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 1000) String summary,
            @NotNull @Size(max = 100_000) String body,
            @Size(max = 10) List<@NotNull @Size(max = 40) String> tags,
            @NotNull Long version) {

        ArticleDraft draft() {
            return new ArticleDraft(title, summary, body, tags);
        }
    }

    /**
     * {@code note} is required for REQUEST_CHANGES and REJECT (checked by the module, field {@code note}).
     * {@code version} is the article version the editor reviewed; a stale one is 409.
     */
    record DecisionRequest(@NotNull ReviewDecision decision, @Size(max = 4000) String note, Instant publishAt,
            Instant unpublishAt, @NotNull Long version) {
    }

    record UnpublishRequest(@Size(max = 4000) String note) {
    }

    /** {@code unpublishAt: null} clears the expiry. */
    record ExpiryRequest(Instant unpublishAt) {
    }

    record CommentSettingsRequest(@NotNull Boolean commentsOpen, @NotNull CommentPremoderation premoderation) {
    }
}
