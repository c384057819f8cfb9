package dev.copydesk.articles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.AccountDirectory.AccountChanged;
import dev.copydesk.articles.ArticleViews.PublicArticlePage;
import dev.copydesk.articles.ArticleViews.PublicArticleSummary;
import dev.copydesk.articles.ArticleViews.PublicArticleView;
import dev.copydesk.articles.ArticleViews.SectionRef;
import dev.copydesk.sections.Sections;
import dev.copydesk.sections.Sections.SectionChanged;
import dev.copydesk.shared.AfterCommit;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.PublicReadCaches;

/**
 * What the public may read: published articles only, served from the live copy that was rendered
 * and sanitised when it went live. Also the {@link PublishedArticles} lookup other modules use.
 */
@Service
@Transactional(readOnly = true)
public class PublicArticles implements PublishedArticles {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private static final CommentCounts NO_COMMENTS = ids -> Map.of();

    private final Articles articles;
    private final AccountDirectory accounts;
    private final ObjectProvider<CommentCounts> commentCounts;
    private final PublicReadCaches publicCaches;
    private final Sections sections;

    PublicArticles(Articles articles, AccountDirectory accounts, ObjectProvider<CommentCounts> commentCounts,
            PublicReadCaches publicCaches, Sections sections) {
        this.sections = sections;
        this.articles = articles;
        this.accounts = accounts;
        this.commentCounts = commentCounts;
        this.publicCaches = publicCaches;
    }

    /** A public article shows its author's display name: a changed account clears the public caches. */
    @EventListener
    void on(AccountChanged changed) {
        AfterCommit.run(publicCaches::clear);
    }

    /** A public article shows its section's name: a renamed section clears the public caches. */
    @EventListener
    void on(SectionChanged changed) {
        AfterCommit.run(publicCaches::clear);
    }

    @Override
    public Optional<PublishedArticle> findBySlug(String slug) {
        if (slug == null || slug.isEmpty() || slug.length() > 120) {
            return Optional.empty();
        }
        return articles.findLiveBySlug(slug).map(LiveArticle::toPublishedArticle);
    }

    @Override
    public Optional<PublishedArticle> findById(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return articles.findLiveById(id).map(LiveArticle::toPublishedArticle);
    }

    /** One live article by slug; 404 unless it is published. */
    public PublicArticleView read(String slug) {
        LiveArticle live = slug == null || slug.length() > 120 ? null : articles.findLiveBySlug(slug).orElse(null);
        if (live == null) {
            throw new NotFoundException("Article", slug);
        }
        Map<String, String> names = accounts.displayNames(List.of(live.authorId()));
        long comments = counts(List.of(live.id())).getOrDefault(live.id(), 0L);
        return new PublicArticleView(live.slug(), live.title(), live.summary(), live.bodyHtml(), live.tags(),
                names.get(live.authorId()), live.publishedAt(), live.commentsOpen(), comments,
                section(sections.names(), live.section()));
    }

    /**
     * Live articles, newest first, optionally with a tag. The cursor is the keyset of the last item
     * served ({@code publishedAt}, {@code id}), so articles published meanwhile never shift a page.
     * {@code section} (a slug) narrows the list to one section; an unknown one gives an empty list.
     */
    public PublicArticlePage list(String tag, String section, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String pattern = "%";
        if (tag != null && !tag.isBlank()) {
            pattern = Tags.likePattern(tag);
            if (pattern == null) {
                return new PublicArticlePage(List.of(), null);
            }
        }
        String sectionPattern = "%";
        if (section != null && !section.isBlank()) {
            if (sections.find(section).isEmpty()) {
                return new PublicArticlePage(List.of(), null);
            }
            sectionPattern = section;
        }
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor);
        List<LiveArticle> rows = after == null
                ? articles.findLiveFirstPage(pattern, sectionPattern, PageRequest.of(0, limit + 1))
                : articles.findLivePageAfter(pattern, sectionPattern, after.publishedAt(), after.id(),
                        PageRequest.of(0, limit + 1));
        boolean more = rows.size() > limit;
        List<LiveArticle> page = more ? rows.subList(0, limit) : rows;
        Set<String> authorIds = page.stream().map(LiveArticle::authorId).collect(Collectors.toSet());
        Map<String, String> names = accounts.displayNames(authorIds);
        Map<String, Long> comments = counts(page.stream().map(LiveArticle::id).toList());
        Map<String, String> sectionNames = page.isEmpty() ? Map.of() : sections.names();
        List<PublicArticleSummary> items = page.stream()
                .map(a -> new PublicArticleSummary(a.slug(), a.title(), a.summary(), a.tags(), names.get(a.authorId()),
                        a.publishedAt(), comments.getOrDefault(a.id(), 0L), section(sectionNames, a.section())))
                .toList();
        String next = more ? new Keyset(page.get(page.size() - 1).publishedAt(), page.get(page.size() - 1).id()).encode()
                : null;
        return new PublicArticlePage(items, next);
    }

    private static SectionRef section(Map<String, String> names, String slug) {
        return new SectionRef(slug, names.getOrDefault(slug, slug));
    }

    private Map<String, Long> counts(Collection<String> ids) {
        return commentCounts.getIfAvailable(() -> NO_COMMENTS).countVisible(ids);
    }

    /** The position after which the next page starts, served to clients as an opaque base64url string. */
    record Keyset(Instant publishedAt, String id) {

        String encode() {
            String raw = publishedAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Keyset decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                if (bar > 0) {
                    Instant at = Instant.parse(raw.substring(0, bar));
                    String id = raw.substring(bar + 1);
                    if (Ids.isWellFormed(id)) {
                        return new Keyset(at, id);
                    }
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // fall through: a cursor we did not issue
            }
            throw new InvalidRequestException("cursor", "is not a cursor this API issued");
        }
    }
}
