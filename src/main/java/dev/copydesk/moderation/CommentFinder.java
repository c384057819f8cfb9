package dev.copydesk.moderation;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.comments.CommentAuthors;
import dev.copydesk.comments.CommentSearch;
import dev.copydesk.comments.CommentSearch.Hit;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.comments.KeysetCursor;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.SearchText;
import dev.copydesk.shared.SearchText.Range;

/**
 * Moderators' search over every comment of their sections, in any state: by words of the body, the
 * author's name, the author's email (moderators only: the email never leaves this module's API for
 * anyone else), the article and a time window. Newest first, with a keyset cursor and highlights.
 */
@Service
@Transactional(readOnly = true)
public class CommentFinder {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final int SNIPPET = 200;

    private final CommentSearch search;
    private final PublishedArticles articles;

    CommentFinder(CommentSearch search, PublishedArticles articles) {
        this.search = search;
        this.articles = articles;
    }

    /** The filters of {@code GET /api/moderation/comments/search}; every one may be {@code null}. */
    public record Filters(String q, String author, String email, CommentStatus status, String article, Instant from,
            Instant to, String cursor, Integer limit) {
    }

    public FoundComments find(StaffMember me, Filters f) {
        StaffMember.Scope scope = me.scope(Role.MODERATOR);
        if (scope.none()) {
            throw new dev.copydesk.shared.ForbiddenException("Only moderators search comments");
        }
        List<String> words = SearchText.queryTerms("q", f.q());
        List<String> nameWords = SearchText.queryTerms("author", f.author());
        String email = f.email() == null || f.email().isBlank() ? null : f.email().trim();
        String article = f.article() == null || f.article().isBlank() ? null : f.article().trim();
        if (words.isEmpty() && nameWords.isEmpty() && email == null && article == null) {
            throw new InvalidRequestException("q", "name words to find, or an author, an email or an article");
        }
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw new InvalidRequestException("to", "must be after from");
        }
        int limit = KeysetCursor.limit(f.limit(), DEFAULT_LIMIT, MAX_LIMIT);
        KeysetCursor after = KeysetCursor.decode(f.cursor());
        String articleId = null;
        if (article != null) {
            articleId = Ids.isWellFormed(article) ? article
                    : articles.findBySlug(article).map(PublishedArticle::id).orElse(null);
            if (articleId == null) {
                return new FoundComments(List.of(), null);
            }
        }
        List<Hit> hits = search.search(new CommentSearch.Query(words, nameWords,
                email == null ? null : CommentAuthors.keyOf(email), f.status(), articleId, f.from(), f.to(),
                scope.newsroom() ? null : scope.sections(), after == null ? null : after.at(),
                after == null ? null : after.id(), limit + 1));
        String next = null;
        if (hits.size() > limit) {
            hits = hits.subList(0, limit);
            Hit last = hits.get(limit - 1);
            next = new KeysetCursor(last.createdAt(), last.commentId()).encode();
        }
        List<FoundComment> items = hits.stream().map(h -> {
            SearchText.Highlight body = SearchText.highlight(h.body(), words, SNIPPET);
            SearchText.Highlight name = SearchText.highlight(h.authorName(), nameWords, SNIPPET);
            return new FoundComment(h.commentId(), h.articleId(), h.articleSlug(), h.section(), h.authorName(),
                    name.ranges(), h.authorEmail(), h.status(), h.createdAt(), body.snippet(), body.ranges());
        }).toList();
        return new FoundComments(items, next);
    }

    /**
     * A comment found. {@code snippet}: up to 200 characters of the body around the first match;
     * {@code highlights}: where the query's words are in the snippet; {@code authorNameHighlights}:
     * where the author words are in {@code authorName}.
     */
    public record FoundComment(String commentId, String articleId, String articleSlug, String section,
            String authorName, List<Range> authorNameHighlights, String authorEmail, CommentStatus status,
            Instant createdAt, String snippet, List<Range> highlights) {
    }

    /** A page of hits, newest first; {@code nextCursor} is null on the last page. */
    public record FoundComments(List<FoundComment> items, String nextCursor) {
    }
}
