package dev.copydesk.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.ArticleViews.ArticlePage;
import dev.copydesk.articles.ArticleViews.HistoryItem;
import dev.copydesk.articles.ArticleViews.PendingReview;
import dev.copydesk.articles.ArticleViews.ReviewItem;
import dev.copydesk.articles.ArticleViews.RevisionDetails;
import dev.copydesk.articles.ArticleViews.RevisionSummary;
import dev.copydesk.articles.ArticleWorkflow.OpenReview;
import dev.copydesk.sections.Sections;
import dev.copydesk.shared.PublicReadCaches;
import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.ForbiddenException;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.TextHygiene;

/**
 * The articles module's API for staff. Each call is one transaction:
 * the aggregate changes, its events are published, and the article's process moves, all or nothing.
 *
 * <p>Access rules, in this order: the role (an editor-only call by a writer is 403), visibility (a
 * writer asking for another writer's article gets 404, so existence does not leak), ownership and
 * four-eyes (403), then the article's status (409 with {@code currentStatus}).
 *
 * <p>Sections: an editor's role reaches the whole newsroom or named sections
 * ({@link StaffMember#scope}); an article outside an editor's sections is, to that editor, like
 * another writer's article to a writer (404), unless they wrote it.
 */
@Service
@Transactional
public class ArticleDesk {

    private static final int MAX_PAGE_SIZE = 100;
    /** Offset paging this deep is no use to anyone, and keeps page × size far inside an int offset. */
    private static final int MAX_PAGE = 10_000;

    private final Articles articles;
    private final ArticleWorkflow workflow;
    private final BodyRenderer renderer;
    private final AccountDirectory accounts;
    private final ReviewProperties review;
    private final Clock clock;
    private final PublicReadCaches publicCaches;
    private final Sections sections;
    private final ArticleSearch search;
    private final ArticleSlugs slugs;

    ArticleDesk(Articles articles, ArticleWorkflow workflow, BodyRenderer renderer, AccountDirectory accounts,
            ReviewProperties review, Clock clock, PublicReadCaches publicCaches, Sections sections,
            ArticleSearch search, ArticleSlugs slugs) {
        this.slugs = slugs;
        this.sections = sections;
        this.search = search;
        this.publicCaches = publicCaches;
        this.articles = articles;
        this.workflow = workflow;
        this.renderer = renderer;
        this.accounts = accounts;
        this.review = review;
        this.clock = clock;
    }

    // --- writers and editors -------------------------------------------------------------------

    /** A new draft by {@code me}, with a unique slug derived from the title, in the default section. */
    public ArticleDetails create(StaffMember me, ArticleDraft draft) {
        return create(me, draft, null);
    }

    /**
     * A new draft by {@code me} in {@code section} ({@code null}: {@link Sections#DEFAULT_SECTION}),
     * which must exist and not be archived (400, field {@code section}).
     */
    public ArticleDetails create(StaffMember me, ArticleDraft draft, String section) {
        requireAnyRole(me, Role.WRITER, Role.EDITOR);
        String desk = sections.requireActive("section", section == null ? Sections.DEFAULT_SECTION : section).slug();
        ArticleDraft clean = clean(draft);
        Article article = new Article(slugs.uniqueFor(clean.title()), clean.title(), clean.summary(), clean.body(),
                Tags.normalise(clean.tags()), me.id(), desk, now());
        Article saved = articles.saveAndFlush(article);
        search.index(saved);
        return details(saved);
    }

    /** Articles {@code me} may see, newest change first; a writer sees only their own. */
    @Transactional(readOnly = true)
    public ArticlePage list(StaffMember me, ArticleStatus status, boolean mine, int page, int size) {
        return list(me, status, mine, null, page, size);
    }

    /**
     * Articles {@code me} may see, newest change first: a writer their own, an editor their sections'
     * and their own; {@code section} narrows to one section.
     */
    @Transactional(readOnly = true)
    public ArticlePage list(StaffMember me, ArticleStatus status, boolean mine, String section, int page, int size) {
        requireAnyRole(me, Role.WRITER, Role.EDITOR);
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidRequestException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        StaffMember.Scope scope = me.scope(Role.EDITOR);
        boolean onlyMine = mine || scope.none();
        String authorId = onlyMine || !scope.newsroom() ? me.id() : null;
        Page<Article> found = articles.findForStaff(status, authorId, section,
                onlyMine || scope.newsroom() ? null : scope.sections(),
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id"))));
        return new ArticlePage(found.getContent().stream().map(this::details).toList(), page, size,
                found.getTotalElements());
    }

    @Transactional(readOnly = true)
    public ArticleDetails get(StaffMember me, String id) {
        return details(visible(me, id));
    }

    /**
     * Changes the editable copy; {@code version} must be the one the caller read (409 otherwise). On a
     * published article this opens a pending revision; the public keeps the live text.
     */
    public ArticleDetails edit(StaffMember me, String id, ArticleDraft draft, long version) {
        Article article = visible(me, id);
        if (article.version() != version) {
            throw new ConflictException("The article was changed meanwhile (version " + article.version()
                    + ", yours " + version + "); reload it and try again", article.status().name(), article.version());
        }
        ArticleDraft clean = clean(draft);
        article.edit(me.id(), clean.title(), clean.summary(), clean.body(), Tags.normalise(clean.tags()), now());
        Article saved = articles.saveAndFlush(article);
        search.index(saved);
        return details(saved);
    }

    /** The author sends the article (or the pending revision of a live one) to review. */
    public ArticleDetails submit(StaffMember me, String id) {
        Article article = owned(me, id, "submit");
        Instant now = now();
        article.submit(me.id(), now, now.plus(review.sla()));
        articles.saveAndFlush(article);
        workflow.submitted(article.id());
        return details(article);
    }

    /** The author takes a submission back out of review. */
    public ArticleDetails withdraw(StaffMember me, String id) {
        Article article = owned(me, id, "withdraw");
        article.withdraw(me.id(), now());
        articles.saveAndFlush(article);
        workflow.withdrawn(article.id());
        return details(article);
    }

    /**
     * An editor decides the open review. Never on their own article, and never approves a revision
     * whose text they changed (four-eyes, 403). {@code version} is the article version the editor
     * reviewed: if the article changed since (a withdrawal and a new submission, say), the decision
     * is refused with 409 and the current version. A note is required to request changes or reject.
     * Two editors deciding at once: one wins, the other gets 409 and nothing of theirs is kept.
     */
    public ArticleDetails decide(StaffMember me, String id, ReviewDecision decision, String note, Instant publishAt,
            Instant unpublishAt, long version) {
        requireEditor(me);
        Article article = visible(me, id);
        String cleaned = TextHygiene.multiLine("note", note);
        String trimmed = cleaned == null || cleaned.isBlank() ? null : cleaned.strip();
        if (decision != ReviewDecision.APPROVE && trimmed == null) {
            throw new InvalidRequestException("note", "a note is required to request changes or reject");
        }
        Instant now = now();
        Publication publication = null;
        switch (decision) {
            case APPROVE -> publication = article.approve(me.id(), version, trimmed, publishAt, unpublishAt, now,
                    renderer);
            case REQUEST_CHANGES -> article.requestChanges(me.id(), version, trimmed, now);
            case REJECT -> article.reject(me.id(), version, trimmed, now);
        }
        // Flush first: the article row (its version, its history sequence) is what makes the slower
        // of two deciding editors fail before the engine is touched; the whole transaction rolls back.
        try {
            articles.saveAndFlush(article);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            throw new ConflictException("Another editor decided this review at the same moment; reload the article");
        }
        workflow.decided(article.id(), decision, publication);
        return details(article);
    }

    /**
     * An editor moves an article to another section. The editor must reach both sections (the old one
     * or it is 404, the new one or 403), the new one must take articles (400), and {@code version}
     * must be the one the editor read (409). The open review, if any, moves with it: from then on it
     * is offered to the new section's editors only (and the newsroom's).
     */
    public ArticleDetails move(StaffMember me, String id, String section, long version) {
        requireEditor(me);
        Article article = visible(me, id);
        String desk = sections.requireActive("section", section).slug();
        if (!me.covers(Role.EDITOR, desk)) {
            throw new ForbiddenException("You are not an editor of the section " + desk);
        }
        if (article.version() != version) {
            throw new ConflictException("The article was changed meanwhile (version " + article.version()
                    + ", yours " + version + "); reload it and try again", article.status().name(), article.version());
        }
        if (article.moveTo(me.id(), desk, now())) {
            try {
                articles.saveAndFlush(article);
            } catch (OptimisticLockingFailureException e) {
                throw new ConflictException("The article was changed at the same moment; reload it and try again");
            }
            workflow.moved(article.id(), desk);
        }
        return details(article);
    }

    /**
     * Staff search over the articles {@code me} may see (a writer their own, an editor their
     * sections' and their own), by words of the editable copy, newest created first; {@code section},
     * {@code status} and {@code authorId} narrow it. {@code cursor} is the previous page's
     * {@code nextCursor}.
     */
    @Transactional(readOnly = true)
    public ArticleViews.FoundArticles search(StaffMember me, String q, String section, String status,
            String authorId, String cursor, Integer limit) {
        requireAnyRole(me, Role.WRITER, Role.EDITOR);
        // every wrong parameter in one 400, as request bodies get it (LenientBinding)
        InvalidRequestException.Collector wrong = new InvalidRequestException.Collector();
        List<String> words = wrong.attempt(() -> dev.copydesk.shared.SearchText.queryTerms("q", q), null);
        if (words != null && words.isEmpty()) {
            wrong.add("q", "must name at least one word of two or more letters or digits");
        }
        ArticleStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ArticleStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                wrong.add("status", "must be one of " + java.util.Arrays.toString(ArticleStatus.values()));
            }
        }
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            wrong.add("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        PublicArticles.Keyset after = cursor == null || cursor.isBlank() ? null
                : wrong.attempt(() -> PublicArticles.Keyset.decode(cursor), null);
        wrong.throwIfAny();
        StaffMember.Scope scope = me.scope(Role.EDITOR);
        List<ArticleSearch.Found> found = search.search(words, section, wanted, authorId,
                scope.newsroom() ? null : me.id(), scope.newsroom() ? null : scope.sections(),
                after == null ? null : after.publishedAt(), after == null ? null : after.id(), size + 1);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            ArticleSearch.Found last = found.get(size - 1);
            next = new PublicArticles.Keyset(last.at(), last.articleId()).encode();
        }
        Map<String, Article> byId = articles.findAllById(found.stream().map(ArticleSearch.Found::articleId).toList())
                .stream().collect(Collectors.toMap(Article::id, Function.identity()));
        List<ArticleViews.FoundArticle> items = found.stream().map(f -> byId.get(f.articleId()))
                .filter(java.util.Objects::nonNull)
                .map(a -> {
                    var title = dev.copydesk.shared.SearchText.highlight(a.title(), words, 200);
                    var summary = dev.copydesk.shared.SearchText.highlight(a.summary(), words, 200);
                    var body = dev.copydesk.shared.SearchText.highlight(a.body(), words, 200);
                    var text = body.ranges().isEmpty() && !summary.ranges().isEmpty() ? summary : body;
                    return new ArticleViews.FoundArticle(a.id(), a.slug(), a.title(), title.ranges(), a.section(),
                            a.status(), a.authorId(), a.createdAt(), a.updatedAt(), text.snippet(), text.ranges());
                }).toList();
        return new ArticleViews.FoundArticles(items, next);
    }

    /** An editor takes a published article down, or cancels a scheduled one. */
    public ArticleDetails unpublish(StaffMember me, String id, String note) {
        requireEditor(me);
        Article article = visible(me, id);
        String cleaned = TextHygiene.multiLine("note", note);
        article.unpublish(me.id(), cleaned == null || cleaned.isBlank() ? null : cleaned.strip(), now());
        articles.saveAndFlush(article);
        workflow.unpublished(article.id());
        return details(article);
    }

    /** An editor sets, moves or clears ({@code null}) the time a live article goes down by itself. */
    public ArticleDetails changeExpiry(StaffMember me, String id, Instant unpublishAt) {
        requireEditor(me);
        Article article = visible(me, id);
        article.changeExpiry(me.id(), unpublishAt, now());
        articles.saveAndFlush(article);
        workflow.expiryChanged(article.id(), article.unpublishAt());
        return details(article);
    }

    /** An editor opens or closes comments and sets the article's pre-moderation. */
    public ArticleDetails changeCommentSettings(StaffMember me, String id, boolean commentsOpen,
            CommentPremoderation premoderation) {
        requireEditor(me);
        Article article = visible(me, id);
        article.changeCommentSettings(me.id(), commentsOpen,
                premoderation == null ? CommentPremoderation.INHERIT : premoderation, now());
        // no event for this change, but the public view shows whether comments are open
        publicCaches.evictAfterCommit(article.slug());
        return details(articles.saveAndFlush(article));
    }

    @Transactional(readOnly = true)
    public List<HistoryItem> history(StaffMember me, String id) {
        Article article = visible(me, id);
        List<HistoryEntry> entries = article.history();
        Set<String> actors = entries.stream().map(HistoryEntry::actor).collect(Collectors.toSet());
        Map<String, String> names = accounts.displayNames(actors);
        return entries.stream()
                .map(h -> new HistoryItem(h.at(), h.actor(), names.getOrDefault(h.actor(), h.actor()), h.action(),
                        h.fromStatus(), h.toStatus(), h.revision(), h.note()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<RevisionSummary> revisions(StaffMember me, String id) {
        Article article = visible(me, id);
        return article.revisions().stream()
                .map(r -> new RevisionSummary(r.id(), r.number(), r.title(), r.submittedBy(), r.submittedAt(),
                        r.id().equals(article.liveRevisionId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public RevisionDetails revision(StaffMember me, String id, String revisionId) {
        Article article = visible(me, id);
        ArticleRevision r = article.findRevision(revisionId)
                .orElseThrow(() -> new NotFoundException("Revision", revisionId));
        return new RevisionDetails(r.id(), r.number(), r.title(), r.summary(), r.body(), r.tags(), r.submittedBy(),
                r.submittedAt(), r.id().equals(article.liveRevisionId()), r.changedBy());
    }

    /** The editors' review queue: open review tasks, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewItem> reviews(StaffMember me) {
        return reviews(me, null);
    }

    /**
     * The editors' review queue: open review tasks in the editor's sections, oldest first;
     * {@code section} narrows to one section.
     */
    @Transactional(readOnly = true)
    public List<ReviewItem> reviews(StaffMember me, String section) {
        requireEditor(me);
        StaffMember.Scope scope = me.scope(Role.EDITOR);
        List<OpenReview> open = workflow.openReviews();
        Map<String, Article> byId = articles.findAllById(open.stream().map(OpenReview::articleId).toList()).stream()
                .collect(Collectors.toMap(Article::id, Function.identity()));
        return open.stream()
                .map(o -> byId.get(o.articleId()))
                .filter(a -> a != null && a.inReview())
                .filter(a -> scope.covers(a.section()) && (section == null || section.equals(a.section())))
                .map(a -> new ReviewItem(a.id(), a.title(), a.authorId(),
                        a.reviewRevision().map(ArticleRevision::number).orElse(0), a.reviewRequestedAt(),
                        a.reviewDueAt(), a.reviewOverdue(), a.reviewingLiveArticle(), a.section()))
                .toList();
    }

    // --- internals -----------------------------------------------------------------------------

    private Article find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("Article", id);
        }
        return articles.findById(id).orElseThrow(() -> new NotFoundException("Article", id));
    }

    /**
     * The article if {@code me} may see it: editors see their sections' articles, everyone their own;
     * anything else is 404.
     */
    private Article visible(StaffMember me, String id) {
        requireAnyRole(me, Role.WRITER, Role.EDITOR);
        Article article = find(id);
        if (!me.covers(Role.EDITOR, article.section()) && !article.authorId().equals(me.id())) {
            throw new NotFoundException("Article", id);
        }
        return article;
    }

    private Article owned(StaffMember me, String id, String what) {
        Article article = visible(me, id);
        if (!article.authorId().equals(me.id())) {
            throw new ForbiddenException("Only the author may " + what + " an article");
        }
        return article;
    }

    private static void requireEditor(StaffMember me) {
        if (!me.isEditor()) {
            throw new ForbiddenException("Only editors may do this");
        }
    }

    /** Writers and editors: the people who write and edit article text. */
    static void requireStaffWhoWrite(StaffMember me) {
        requireAnyRole(me, Role.WRITER, Role.EDITOR);
    }

    private static void requireAnyRole(StaffMember me, Role... roles) {
        for (Role role : roles) {
            if (me.has(role)) {
                return;
            }
        }
        throw new ForbiddenException("Your role does not allow this");
    }

    /**
     * Staff text cleaned as the HTTP layer cleans it ({@link TextHygiene}), for callers that do not come
     * through HTTP: title and tags one line, summary and body multi-line. The title and summary are trimmed.
     */
    private static ArticleDraft clean(ArticleDraft draft) {
        String title = TextHygiene.oneLine("title", draft.title());
        String summary = TextHygiene.multiLine("summary", draft.summary());
        List<String> tags = draft.tags() == null ? null
                : draft.tags().stream().map(t -> TextHygiene.oneLine("tags", t)).toList();
        return new ArticleDraft(title == null ? null : title.strip(), summary == null ? null : summary.strip(),
                TextHygiene.multiLine("body", draft.body()), tags);
    }

    private Instant now() {
        return clock.instant();
    }

    private ArticleDetails details(Article a) {
        PendingReview pending = a.inReview()
                ? a.reviewRevision().map(r -> new PendingReview(r.id(), r.number(), a.reviewRequestedAt(),
                        a.reviewDueAt(), a.reviewOverdue())).orElse(null)
                : null;
        return new ArticleDetails(a.id(), a.slug(), a.title(), a.summary(), a.body(), a.tags(), a.status(),
                a.version(), a.authorId(), a.createdAt(), a.updatedAt(), a.publishedAt(), a.publishAt(),
                a.unpublishAt(), a.pendingRevision(), pending, a.lastReviewNote(), a.commentsOpen(),
                a.premoderation(), a.liveRevisionId(), a.section());
    }

}
