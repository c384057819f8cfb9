package dev.copydesk.articles.web;

import org.springframework.lang.Nullable;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.shared.TextHygiene;

/**
 * The bodies the article endpoints accept. Unknown fields are refused (400), so nothing else can be set.
 * Text is cleaned as it is read ({@link TextHygiene}), before validation: titles and tags as one line,
 * summaries, bodies and notes as multi-line text.
 */
final class ArticleRequests {

    private ArticleRequests() {
    }

    /** The demo newsroom's live piece (demo.DemoData), so the document's examples read like the product. */
    static final String TITLE = "Spoilers: more romance ahead for two detectives";
    static final String SUMMARY = "The showrunner confirms the slow burn finally catches fire in season three.";
    static final String BODY = "The partners have circled each other for two seasons. In **season three** that changes.";

    record CreateArticleRequest(
            @JsonDeserialize(using = TextHygiene.OneLine.class) @NotBlank @Size(max = 200) @Schema(example = TITLE)
            String title,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @NotNull @Size(max = 1000) @Schema(example = SUMMARY)
            String summary,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @NotNull @Size(max = 100_000) @Schema(example = BODY)
            String body,
            @JsonDeserialize(contentUsing = TextHygiene.OneLine.class)
            @Size(max = 10) List<@NotNull @Size(max = 40) String> tags,
            @Size(max = 40) String section) {

        ArticleDraft draft() {
            return new ArticleDraft(title, summary, body, tags);
        }
    }

    record EditArticleRequest(
            @JsonDeserialize(using = TextHygiene.OneLine.class) @NotBlank @Size(max = 200) String title,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @NotNull @Size(max = 1000) String summary,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @NotNull @Size(max = 100_000) String body,
            @JsonDeserialize(contentUsing = TextHygiene.OneLine.class)
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
    @Schema(name = "ArticleDecisionRequest", description = "An editor's review decision on a submitted article")
    record DecisionRequest(@NotNull ReviewDecision decision,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @Size(max = 4000) @Nullable
            @Schema(example = "Lovely piece.") String note,
            @Nullable @Schema(example = "2026-12-03T06:00:00Z") Instant publishAt, @Nullable Instant unpublishAt,
            @NotNull Long version) {
    }

    /** The section to move to (a slug); {@code version} is the article version the editor read. */
    record MoveRequest(@NotBlank @Size(max = 40) String section, @NotNull Long version) {
    }

    record UnpublishRequest(@JsonDeserialize(using = TextHygiene.MultiLine.class) @Size(max = 4000) String note) {
    }

    /** {@code unpublishAt: null} clears the expiry. */
    record ExpiryRequest(@Nullable Instant unpublishAt) {
    }

    record CommentSettingsRequest(@NotNull Boolean commentsOpen, @NotNull CommentPremoderation premoderation) {
    }
}
