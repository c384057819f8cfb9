package dev.copydesk.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.springframework.data.domain.AbstractAggregateRoot;

import dev.copydesk.articles.ArticleEvent.ArticleApproved;
import dev.copydesk.articles.ArticleEvent.ArticleChangesRequested;
import dev.copydesk.articles.ArticleEvent.ArticlePublished;
import dev.copydesk.articles.ArticleEvent.ArticleRejected;
import dev.copydesk.articles.ArticleEvent.ArticleReviewOverdue;
import dev.copydesk.articles.ArticleEvent.ArticleScheduled;
import dev.copydesk.articles.ArticleEvent.ArticleSubmitted;
import dev.copydesk.articles.ArticleEvent.ArticleUnpublished;
import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.ForbiddenException;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;

import static dev.copydesk.articles.ArticleStatus.CHANGES_REQUESTED;
import static dev.copydesk.articles.ArticleStatus.DRAFT;
import static dev.copydesk.articles.ArticleStatus.IN_REVIEW;
import static dev.copydesk.articles.ArticleStatus.PUBLISHED;
import static dev.copydesk.articles.ArticleStatus.REJECTED;
import static dev.copydesk.articles.ArticleStatus.SCHEDULED;
import static dev.copydesk.articles.ArticleStatus.UNPUBLISHED;

/**
 * The article aggregate. It owns its state machine: each move checks the current status, changes
 * it, records a history entry and registers an event (published when the aggregate is saved). An
 * illegal move is a {@link ConflictException} carrying the current status.
 *
 * <p>The editable copy (title, summary, body, tags) is separate from the live copy the public reads.
 * A submission freezes the editable copy into an immutable {@link ArticleRevision}; approval makes
 * that revision live. Editing a {@link ArticleStatus#PUBLISHED} article changes only the editable
 * copy and opens a {@link PendingRevision}, so the public keeps reading the live text.
 */
@Entity
@Table(name = "article")
class Article extends AbstractAggregateRoot<Article> {

    @Id
    private String id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String body;

    @Convert(converter = Tags.Column.class)
    @Column(nullable = false)
    private List<String> tags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    /** The slug of the section (desk) the article belongs to. */
    @Column(nullable = false)
    private String section;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "unpublish_at")
    private Instant unpublishAt;

    @Column(name = "unpublished_at")
    private Instant unpublishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_revision")
    private PendingRevision pendingRevision;

    @Column(name = "review_revision_id")
    private String reviewRevisionId;

    @Column(name = "review_requested_at")
    private Instant reviewRequestedAt;

    @Column(name = "review_due_at")
    private Instant reviewDueAt;

    @Column(name = "review_overdue", nullable = false)
    private boolean reviewOverdue;

    @Column(name = "last_review_note")
    private String lastReviewNote;

    @Column(name = "comments_open", nullable = false)
    private boolean commentsOpen = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommentPremoderation premoderation = CommentPremoderation.INHERIT;

    @Column(name = "live_revision_id")
    private String liveRevisionId;

    @Column(name = "live_title")
    private String liveTitle;

    @Column(name = "live_summary")
    private String liveSummary;

    @Convert(converter = Tags.Column.class)
    @Column(name = "live_tags")
    private List<String> liveTags;

    /** The stored form of {@link #liveTags}, for the public tag filter (a LIKE on {@code ,tag,}). */
    @Column(name = "live_tags", insertable = false, updatable = false)
    private String liveTagsColumn;

    @Column(name = "live_body_html")
    private String liveBodyHtml;

    /**
     * Who changed the editable copy since it last went live (or since it was created): the author and
     * any editor who edited it. Frozen into each revision at submission, for four-eyes on approval.
     */
    @Convert(converter = Tags.Column.class)
    @Column(name = "text_changed_by", nullable = false)
    private List<String> textChangedBy = List.of();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    @OrderBy("number")
    private List<ArticleRevision> revisions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    @OrderBy("seq")
    private List<HistoryEntry> history = new ArrayList<>();

    protected Article() {
    }

    Article(String slug, String title, String summary, String body, List<String> tags, String authorId, String section,
            Instant now) {
        this.id = Ids.newId();
        this.section = section;
        this.slug = slug;
        this.title = title;
        this.summary = summary;
        this.body = body;
        this.tags = List.copyOf(tags);
        this.authorId = authorId;
        this.status = DRAFT;
        this.textChangedBy = List.of(authorId);
        this.createdAt = now;
        this.updatedAt = now;
        record(now, authorId, "CREATED", null, DRAFT, null, null);
    }

    // --- moves -------------------------------------------------------------------------------

    /**
     * Puts the article in another section, in any status: its open review (if any) follows it, which
     * the caller arranges with the workflow. Moving into the section it is in is a no-op.
     *
     * @return whether the section changed
     */
    boolean moveTo(String actor, String newSection, Instant now) {
        if (section.equals(newSection)) {
            return false;
        }
        String from = section;
        this.section = newSection;
        this.updatedAt = now;
        record(now, actor, "MOVED", status, status, null, "from section " + from + " to " + newSection);
        registerEvent(new ArticleMoved(id, from, newSection));
        return true;
    }

    /**
     * Changes the editable copy. Allowed while {@code DRAFT} or {@code CHANGES_REQUESTED}, and on a
     * {@code PUBLISHED} article whose pending revision is not in review (it opens one if needed).
     */
    void edit(String actor, String title, String summary, String body, List<String> tags, Instant now) {
        if (status == PUBLISHED) {
            if (pendingRevision == PendingRevision.IN_REVIEW) {
                throw conflict("its pending revision is in review; withdraw it first to edit");
            }
            if (pendingRevision == null) {
                pendingRevision = PendingRevision.DRAFT;
                record(now, actor, "REVISION_STARTED", PUBLISHED, PUBLISHED, null, null);
            }
        } else if (status != DRAFT && status != CHANGES_REQUESTED) {
            throw conflict("it can be edited only as a draft, after changes were requested, or while published");
        }
        List<String> newTags = List.copyOf(tags);
        boolean changed = !(this.title.equals(title) && this.summary.equals(summary) && this.body.equals(body)
                && this.tags.equals(newTags));
        if (changed && !textChangedBy.contains(actor)) {
            List<String> changers = new ArrayList<>(textChangedBy);
            changers.add(actor);
            textChangedBy = List.copyOf(changers);
        }
        this.title = title;
        this.summary = summary;
        this.body = body;
        this.tags = newTags;
        this.updatedAt = now;
    }

    /**
     * Freezes the editable copy into a new revision and sends it to review: {@code DRAFT} or
     * {@code CHANGES_REQUESTED} to {@code IN_REVIEW}, or a live article's pending revision to review.
     */
    ArticleRevision submit(String actor, Instant now, Instant dueAt) {
        ArticleStatus from = status;
        if (status == DRAFT || status == CHANGES_REQUESTED) {
            status = IN_REVIEW;
        } else if (status == PUBLISHED && (pendingRevision == PendingRevision.DRAFT
                || pendingRevision == PendingRevision.CHANGES_REQUESTED)) {
            pendingRevision = PendingRevision.IN_REVIEW;
        } else if (status == PUBLISHED) {
            throw conflict(pendingRevision == null
                    ? "it is live and has no pending changes; edit it first"
                    : "its pending revision is already in review");
        } else {
            throw conflict("only a draft or an article with requested changes can be submitted");
        }
        ArticleRevision revision = new ArticleRevision(revisions.size() + 1, title, summary, body, tags, actor, now,
                textChangedBy);
        revisions.add(revision);
        reviewRevisionId = revision.id();
        reviewRequestedAt = now;
        reviewDueAt = dueAt;
        reviewOverdue = false;
        updatedAt = now;
        record(now, actor, "SUBMITTED", from, status, revision.number(), null);
        registerEvent(new ArticleSubmitted(id, slug, section, title, authorId, actor, revision.number(), dueAt, now));
        return revision;
    }

    /** Takes a submission back out of review: {@code IN_REVIEW} to {@code DRAFT} (or the pending revision back to draft). */
    void withdraw(String actor, Instant now) {
        ArticleStatus from = requireInReview("withdrawn");
        Integer number = reviewRevision().map(ArticleRevision::number).orElse(null);
        if (status == IN_REVIEW) {
            status = DRAFT;
        } else {
            pendingRevision = PendingRevision.DRAFT;
        }
        closeReview();
        updatedAt = now;
        record(now, actor, "WITHDRAWN", from, status, number, null);
    }

    /**
     * Approves the revision in review. A first publication goes live now, or is {@code SCHEDULED}
     * when {@code publishAt} is in the future; a live article's pending revision replaces the live
     * text at once. {@code unpublishAt}, when given, is when the article goes down by itself.
     *
     * <p>The approval is bound to what the editor reviewed: {@code reviewedVersion} must be the
     * article's current version (409 otherwise), and nobody who changed the text of the revision may
     * approve it (four-eyes, 403).
     */
    void approve(String editor, long reviewedVersion, String note, Instant publishAt, Instant unpublishAt, Instant now,
            BodyRenderer renderer) {
        ArticleStatus from = requireInReview("approved");
        requireNotAuthor(editor);
        ArticleRevision revision = reviewRevision().orElseThrow();
        if (revision.changedBy().contains(editor)) {
            throw new ForbiddenException("Four eyes: an editor cannot approve a revision whose text they changed");
        }
        requireReviewed(reviewedVersion);
        boolean schedule = publishAt != null && publishAt.isAfter(now);
        if (from == PUBLISHED && publishAt != null) {
            throw new InvalidRequestException("publishAt", "a revision of a live article goes live when it is approved");
        }
        Instant goesLive = schedule ? publishAt : now;
        if (unpublishAt != null && !unpublishAt.isAfter(goesLive)) {
            throw new InvalidRequestException("unpublishAt", "must be after the article goes live");
        }
        if (unpublishAt != null) {
            this.unpublishAt = unpublishAt;
        }
        lastReviewNote = note;
        closeReview();
        // The approved text is the new baseline: whoever changes it next joins the next revision's changers.
        textChangedBy = List.of();
        updatedAt = now;
        registerEvent(new ArticleApproved(id, slug, section, revision.title(), authorId, editor, note, goesLive, now));
        if (schedule) {
            status = SCHEDULED;
            this.publishAt = publishAt;
            record(now, editor, "APPROVED", from, SCHEDULED, revision.number(), note);
            registerEvent(new ArticleScheduled(id, slug, section, revision.title(), authorId, editor, publishAt, now));
        } else {
            record(now, editor, "APPROVED", from, PUBLISHED, revision.number(), note);
            goLive(editor, revision, now, renderer);
        }
    }

    /** The schedule is due: {@code SCHEDULED} to {@code PUBLISHED}. Done by the workflow's publish timer. */
    void publishScheduled(Instant now, BodyRenderer renderer) {
        if (status != SCHEDULED) {
            throw conflict("only a scheduled article can be published by its schedule");
        }
        ArticleRevision revision = revisions.get(revisions.size() - 1);
        record(now, HistoryEntry.SYSTEM, "PUBLISHED", SCHEDULED, PUBLISHED, revision.number(), null);
        goLive(HistoryEntry.SYSTEM, revision, now, renderer);
    }

    /** Back to the writer with a note: {@code IN_REVIEW} to {@code CHANGES_REQUESTED} (or the pending revision). */
    void requestChanges(String editor, long reviewedVersion, String note, Instant now) {
        ArticleStatus from = requireInReview("sent back");
        requireNotAuthor(editor);
        requireReviewed(reviewedVersion);
        Integer number = reviewRevision().map(ArticleRevision::number).orElse(null);
        if (status == IN_REVIEW) {
            status = CHANGES_REQUESTED;
        } else {
            pendingRevision = PendingRevision.CHANGES_REQUESTED;
        }
        lastReviewNote = note;
        closeReview();
        updatedAt = now;
        record(now, editor, "CHANGES_REQUESTED", from, status, number, note);
        registerEvent(new ArticleChangesRequested(id, slug, section, title, authorId, editor, note, now));
    }

    /**
     * Refuses the revision in review: {@code IN_REVIEW} to {@code REJECTED}. For a live article the
     * pending revision is dropped, the editable copy goes back to the live revision, and it stays live.
     */
    void reject(String editor, long reviewedVersion, String note, Instant now) {
        ArticleStatus from = requireInReview("rejected");
        requireNotAuthor(editor);
        requireReviewed(reviewedVersion);
        Integer number = reviewRevision().map(ArticleRevision::number).orElse(null);
        if (status == IN_REVIEW) {
            status = REJECTED;
        } else {
            pendingRevision = null;
            liveRevision().ifPresent(this::copyFrom);
            textChangedBy = List.of();
        }
        lastReviewNote = note;
        closeReview();
        updatedAt = now;
        record(now, editor, "REJECTED", from, status, number, note);
        registerEvent(new ArticleRejected(id, slug, section, title, authorId, editor, note, now));
    }

    /** Takes a live article down, or cancels a schedule: {@code PUBLISHED}/{@code SCHEDULED} to {@code UNPUBLISHED}. */
    void unpublish(String editor, String note, Instant now) {
        if (status != PUBLISHED && status != SCHEDULED) {
            throw conflict("only a published or scheduled article can be unpublished");
        }
        takeDown(editor, "UNPUBLISHED", note, now);
    }

    /** The expiry time was reached: {@code PUBLISHED} to {@code UNPUBLISHED}, done by the workflow's expiry timer. */
    void expire(Instant now) {
        if (status != PUBLISHED) {
            throw conflict("only a published article can expire");
        }
        takeDown(HistoryEntry.SYSTEM, "EXPIRED", "expiry time " + unpublishAt + " reached", now);
    }

    /** Sets, moves or clears ({@code null}) the time a published or scheduled article goes down by itself. */
    void changeExpiry(String editor, Instant newUnpublishAt, Instant now) {
        if (status != PUBLISHED && status != SCHEDULED) {
            throw conflict("an expiry time can be set only on a published or scheduled article");
        }
        Instant earliest = status == SCHEDULED && publishAt.isAfter(now) ? publishAt : now;
        if (newUnpublishAt != null && !newUnpublishAt.isAfter(earliest)) {
            throw new InvalidRequestException("unpublishAt", "must be in the future and after the article goes live");
        }
        unpublishAt = newUnpublishAt;
        updatedAt = now;
        record(now, editor, "EXPIRY_CHANGED", status, status, null,
                newUnpublishAt == null ? "expiry cleared" : "expires at " + newUnpublishAt);
    }

    /** The review SLA passed without a decision. Nothing is cancelled; repeated calls change nothing. */
    boolean markReviewOverdue(Instant now) {
        if (!inReview() || reviewOverdue) {
            return false;
        }
        reviewOverdue = true;
        record(now, HistoryEntry.SYSTEM, "REVIEW_OVERDUE", status, status,
                reviewRevision().map(ArticleRevision::number).orElse(null), "due at " + reviewDueAt);
        registerEvent(new ArticleReviewOverdue(id, slug, section, title, authorId, HistoryEntry.SYSTEM, reviewDueAt, now));
        return true;
    }

    /** Whether readers may comment, and whether their comments are held for a moderator first. */
    void changeCommentSettings(String editor, boolean open, CommentPremoderation premoderation, Instant now) {
        this.commentsOpen = open;
        this.premoderation = Objects.requireNonNull(premoderation);
        this.updatedAt = now;
        record(now, editor, "COMMENT_SETTINGS_CHANGED", status, status, null,
                "comments " + (open ? "open" : "closed") + ", premoderation " + premoderation);
    }

    // --- internals -----------------------------------------------------------------------------

    private void goLive(String actor, ArticleRevision revision, Instant now, BodyRenderer renderer) {
        boolean first = status != PUBLISHED;
        status = PUBLISHED;
        pendingRevision = null;
        liveRevisionId = revision.id();
        liveTitle = revision.title();
        liveSummary = revision.summary();
        liveTags = revision.tags();
        liveBodyHtml = renderer.render(revision.body());
        if (first) {
            publishedAt = now;
        }
        publishAt = null;
        updatedAt = now;
        registerEvent(new ArticlePublished(id, slug, section, revision.title(), authorId, actor, publishedAt, revision.number(), now));
    }

    private void takeDown(String actor, String action, String note, Instant now) {
        ArticleStatus from = status;
        status = UNPUBLISHED;
        pendingRevision = null;
        closeReview();
        publishAt = null;
        unpublishAt = null;
        unpublishedAt = now;
        updatedAt = now;
        record(now, actor, action, from, UNPUBLISHED, null, note);
        registerEvent(new ArticleUnpublished(id, slug, section, liveTitle != null ? liveTitle : title, authorId, actor, note, now));
    }

    private void copyFrom(ArticleRevision revision) {
        this.title = revision.title();
        this.summary = revision.summary();
        this.body = revision.body();
        this.tags = revision.tags();
    }

    private ArticleStatus requireInReview(String verb) {
        if (!inReview()) {
            throw conflict("only an article in review can be " + verb);
        }
        return status;
    }

    private void requireNotAuthor(String editor) {
        if (authorId.equals(editor)) {
            throw new ForbiddenException("Four eyes: an editor cannot decide on their own article");
        }
    }

    /**
     * The decision is about the text the editor read: any change since (a withdrawal, an edit, a new
     * submission, or anything else that touched the article) makes their version stale.
     */
    private void requireReviewed(long reviewedVersion) {
        if (version() != reviewedVersion) {
            throw new ConflictException("The article was changed since you read it (version " + version()
                    + ", yours " + reviewedVersion + "); reload it and review it again", status.name(), version());
        }
    }

    private void closeReview() {
        reviewRevisionId = null;
        reviewRequestedAt = null;
        reviewDueAt = null;
        reviewOverdue = false;
    }

    private void record(Instant at, String actor, String action, ArticleStatus from, ArticleStatus to, Integer revision,
            String note) {
        history.add(new HistoryEntry(history.size() + 1, at, actor, action, from, to, revision, note));
    }

    private ConflictException conflict(String why) {
        return new ConflictException("The article is " + status + ": " + why, status.name());
    }

    // --- reading -------------------------------------------------------------------------------

    /** True while a revision (first or pending) waits for an editor's decision. */
    boolean inReview() {
        return status == IN_REVIEW || (status == PUBLISHED && pendingRevision == PendingRevision.IN_REVIEW);
    }

    /** True when the revision in review is a change to an article already live. */
    boolean reviewingLiveArticle() {
        return status == PUBLISHED;
    }

    Optional<ArticleRevision> reviewRevision() {
        return findRevision(reviewRevisionId);
    }

    Optional<ArticleRevision> liveRevision() {
        return findRevision(liveRevisionId);
    }

    Optional<ArticleRevision> findRevision(String revisionId) {
        if (revisionId == null) {
            return Optional.empty();
        }
        return revisions.stream().filter(r -> r.id().equals(revisionId)).findFirst();
    }

    List<ArticleRevision> revisions() {
        return List.copyOf(revisions);
    }

    List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    String id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    String body() {
        return body;
    }

    List<String> tags() {
        return tags;
    }

    ArticleStatus status() {
        return status;
    }

    String section() {
        return section;
    }

    String authorId() {
        return authorId;
    }

    long version() {
        return version == null ? 0 : version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant publishAt() {
        return publishAt;
    }

    Instant unpublishAt() {
        return unpublishAt;
    }

    Instant unpublishedAt() {
        return unpublishedAt;
    }

    PendingRevision pendingRevision() {
        return pendingRevision;
    }

    Instant reviewRequestedAt() {
        return reviewRequestedAt;
    }

    Instant reviewDueAt() {
        return reviewDueAt;
    }

    boolean reviewOverdue() {
        return reviewOverdue;
    }

    String lastReviewNote() {
        return lastReviewNote;
    }

    boolean commentsOpen() {
        return commentsOpen;
    }

    CommentPremoderation premoderation() {
        return premoderation;
    }

    String liveRevisionId() {
        return liveRevisionId;
    }

    String liveTitle() {
        return liveTitle;
    }

    String liveSummary() {
        return liveSummary;
    }

    List<String> liveTags() {
        return liveTags;
    }

    String liveBodyHtml() {
        return liveBodyHtml;
    }

    List<String> textChangedBy() {
        return textChangedBy;
    }
}
