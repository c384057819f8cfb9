package dev.copydesk.comments;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.shared.NotFoundException;

/** The public thread under an article: approved, visible comments, oldest first, never an email. */
@Service
@Transactional(readOnly = true)
public class CommentThread {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private final CommentRepository comments;
    private final PublishedArticles articles;

    CommentThread(CommentRepository comments, PublishedArticles articles) {
        this.comments = comments;
        this.articles = articles;
    }

    public Page page(String slug, KeysetCursor cursor, int limit) {
        PublishedArticle article = articles.findBySlug(slug).orElseThrow(() -> new NotFoundException("Article", slug));
        List<ThreadComment> items = comments.thread(article.id(), cursor == null ? Instant.EPOCH : cursor.at(),
                cursor == null ? "" : cursor.id(), Limit.of(limit + 1));
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            ThreadComment last = items.get(limit - 1);
            next = new KeysetCursor(last.createdAt(), last.id()).encode();
        }
        return new Page(List.copyOf(items), next);
    }

    /** A comment as the public sees it: the body is plain text, to be escaped by the client. */
    public record ThreadComment(String id, @Nullable String parentId, @Schema(example = "Priya") String authorName,
            @Schema(example = "It does, they earned it.") String body, Instant createdAt) {
    }

    public record Page(List<ThreadComment> items, @Nullable String nextCursor) {
    }
}
