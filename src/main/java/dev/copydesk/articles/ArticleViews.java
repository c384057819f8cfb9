package dev.copydesk.articles;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;
import java.time.Instant;
import java.util.List;

/** What the articles module answers with: records, never entities. */
public final class ArticleViews {

    private ArticleViews() {
    }

    /** The OpenAPI examples: the demo newsroom's live piece (demo.DemoData). */
    static final String SLUG = "spoilers-more-romance-ahead-for-two-detectives";
    static final String TITLE = "Spoilers: more romance ahead for two detectives";
    static final String SUMMARY = "The showrunner confirms the slow burn finally catches fire in season three.";

    /** Title, summary, Markdown body and tags: what a writer writes. */
    public record ArticleDraft(String title, String summary, String body, List<String> tags) {
    }

    /**
     * An article as staff see it. {@code title}, {@code summary}, {@code body} and {@code tags} are the
     * editable copy; on a published article with a {@code pendingRevision} the public still reads the
     * live revision ({@code liveRevisionId}).
     */
    public record ArticleDetails(String id, @Schema(example = SLUG) String slug, @Schema(example = TITLE) String title,
            @Schema(example = SUMMARY) String summary, String body, List<String> tags,
            ArticleStatus status, long version, String authorId, Instant createdAt, Instant updatedAt,
            @Nullable Instant publishedAt, @Nullable Instant publishAt, @Nullable Instant unpublishAt,
            @Nullable PendingRevision pendingRevision, @Nullable PendingReview pendingReview,
            @Nullable String lastReviewNote, boolean commentsOpen, CommentPremoderation premoderation,
            @Nullable String liveRevisionId, String section) {
    }

    /** The open review of an article: which revision, since when, due when, overdue or not. */
    public record PendingReview(String revisionId, int revision, Instant submittedAt, Instant dueAt, boolean overdue) {
    }

    /** A page of articles for staff; {@code page} counts from 0. */
    public record ArticlePage(List<ArticleDetails> items, int page, int size, long total) {
    }

    /** One step in an article's history. {@code actor} is an account id or {@code system}. */
    public record HistoryItem(Instant at, String actor, @Nullable String actorName, String action,
            @Nullable ArticleStatus fromStatus, ArticleStatus toStatus, @Nullable Integer revision,
            @Nullable String note) {
    }

    /** A submitted revision in a list. */
    public record RevisionSummary(String id, int number, String title, String submittedBy, Instant submittedAt,
            boolean live) {
    }

    /**
     * A submitted revision, exactly as it was reviewed. {@code changedBy}: the accounts that changed its
     * text since the article last went live (the author, editors who edited it); none may approve it.
     */
    public record RevisionDetails(String id, int number, String title, String summary, String body, List<String> tags,
            String submittedBy, Instant submittedAt, boolean live, List<String> changedBy) {
    }

    /** An open review task in the editors' queue. {@code liveArticle} is true for a change to a live article. */
    public record ReviewItem(String articleId, String title, String authorId, int revision, Instant submittedAt,
            Instant dueAt, boolean overdue, boolean liveArticle, String section) {
    }

    /** A live article as the public reads it; {@code section} is its section's slug and name. */
    public record PublicArticleView(@Schema(example = SLUG) String slug, @Schema(example = TITLE) String title,
            @Schema(example = SUMMARY) String summary, String bodyHtml, List<String> tags,
            @Schema(example = "Wendy Writer") String authorName, Instant publishedAt, boolean commentsOpen,
            long commentCount, SectionRef section) {
    }

    /** A live article in the public list. */
    public record PublicArticleSummary(String slug, String title, String summary, List<String> tags, String authorName,
            Instant publishedAt, long commentCount, SectionRef section) {
    }

    /**
     * An article found by staff search. {@code titleHighlights}: where the query's words are in the
     * title; {@code snippet}: up to 200 characters of the body (or the summary) around the first
     * match, {@code highlights} the ranges of the words in it (offsets, end exclusive).
     */
    public record FoundArticle(String id, String slug, String title,
            List<dev.copydesk.shared.SearchText.Range> titleHighlights, String section, ArticleStatus status,
            String authorId, Instant createdAt, Instant updatedAt, String snippet,
            List<dev.copydesk.shared.SearchText.Range> highlights) {
    }

    /** A page of found articles, newest created first; {@code nextCursor} is null on the last page. */
    public record FoundArticles(List<FoundArticle> items, String nextCursor) {
    }

    /** The section an article belongs to, as the public sees it. */
    public record SectionRef(String slug, String name) {
    }

    /** A page of the public list; {@code nextCursor} is null on the last page. */
    public record PublicArticlePage(List<PublicArticleSummary> items, @Nullable String nextCursor) {
    }
}
