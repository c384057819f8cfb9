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

    /**
     * The filters of {@code GET /api/moderation/comments/search} as the request gave them (status and
     * times unparsed, so that one 400 names every wrong one); every one may be {@code null}.
     */
    public record Filters(String q, String author, String email, String status, String article, String from,
            String to, String cursor, Integer limit) {
    }

    private static Instant instant(InvalidRequestException.Collector wrong, String field, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(given.trim());
        } catch (java.time.format.DateTimeParseException e) {
            wrong.add(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            return null;
        }
    }

    public FoundComments find(StaffMember me, Filters f) {
        StaffMember.Scope scope = me.scope(Role.MODERATOR);
        if (scope.none()) {
            throw new dev.copydesk.shared.ForbiddenException("Only moderators search comments");
        }
        // every wrong parameter in one 400, as request bodies get it (LenientBinding)
        InvalidRequestException.Collector wrong = new InvalidRequestException.Collector();
        List<String> asked = wrong.attempt(() -> SearchText.queryTerms("q", f.q()), null);
        List<String> askedNames = wrong.attempt(() -> SearchText.queryTerms("author", f.author()), null);
        String email = f.email() == null || f.email().isBlank() ? null : f.email().trim();
        String article = f.article() == null || f.article().isBlank() ? null : f.article().trim();
        CommentStatus status = null;
        if (f.status() != null && !f.status().isBlank()) {
            try {
                status = CommentStatus.valueOf(f.status().trim());
            } catch (IllegalArgumentException e) {
                wrong.add("status", "must be one of " + java.util.Arrays.toString(CommentStatus.values()));
            }
        }
        Instant from = instant(wrong, "from", f.from());
        Instant to = instant(wrong, "to", f.to());
        if (asked != null && askedNames != null && asked.isEmpty() && askedNames.isEmpty() && email == null
                && article == null) {
            wrong.add("q", "name words to find, or an author, an email or an article");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            wrong.add("to", "must be after from");
        }
        int limit = wrong.attempt(() -> KeysetCursor.limit(f.limit(), DEFAULT_LIMIT, MAX_LIMIT), DEFAULT_LIMIT);
        KeysetCursor after = wrong.attempt(() -> KeysetCursor.decode(f.cursor()), null);
        wrong.throwIfAny();
        List<String> words = asked;
        List<String> nameWords = askedNames;
        String articleId = null;
        if (article != null) {
            articleId = Ids.isWellFormed(article) ? article
                    : articles.findBySlug(article).map(PublishedArticle::id).orElse(null);
            if (articleId == null) {
                return new FoundComments(List.of(), null);
            }
        }
        List<Hit> hits = search.search(new CommentSearch.Query(words, nameWords,
                email == null ? null : CommentAuthors.keyOf(email), status, articleId, from, to,
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
