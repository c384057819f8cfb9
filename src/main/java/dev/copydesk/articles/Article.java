package dev.copydesk.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

import static dev.copydesk.articles.ArticleStatus.DRAFT;
import static dev.copydesk.articles.ArticleStatus.PUBLISHED;
import static dev.copydesk.articles.ArticleStatus.SCHEDULED;
import static dev.copydesk.articles.ArticleStatus.UNPUBLISHED;

/**
 * The article aggregate. It owns its state machine: each move asks {@link ArticleTransitions} where
 * it leads from the current {@link ArticleState} (an {@link IllegalArticleMove}, 409, if nowhere),
 * changes the parts it concerns, records a history entry and registers an event (published when
 * the aggregate is saved).
 *
 * <p>Its parts map the columns of the one {@code article} row: the {@link EditableCopy} staff edit,
 * the {@link LiveCopy} the public reads, the open {@link Review}, the {@link Schedule} and the
 * {@link CommentSettings}. A submission freezes the editable copy into an immutable
 * {@link ArticleRevision}; approval makes that revision live. Editing a
 * {@link ArticleStatus#PUBLISHED} article changes only the editable copy and opens a
 * {@link PendingRevision}, so the public keeps reading the live text.
 */
@Entity
@Table(name = "article")
class Article extends AbstractAggregateRoot<Article> {

    @Id
    private String id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_revision")
    private PendingRevision pendingRevision;

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

    @Embedded
    private EditableCopy copy;

    /** {@code null} when loaded before the article ever went live (all its columns are null): see {@link #live()}. */
    @Embedded
    private LiveCopy live;

    @Embedded
    private Review review;

    /** {@code null} when loaded with all its columns null: see {@link #schedule()}. */
    @Embedded
    private Schedule schedule;

    @Embedded
    private CommentSettings commentSettings;

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
        this.copy = new EditableCopy(title, summary, body, tags, authorId);
        this.live = LiveCopy.none();
        this.review = Review.none();
        this.schedule = Schedule.none();
        this.commentSettings = CommentSettings.defaults();
        this.authorId = authorId;
        this.status = DRAFT;
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
        ArticleState from = state();
        ArticleState to = ArticleTransitions.next(from, ArticleMove.EDIT);
        if (from.status() == PUBLISHED && from.pending() == null) {
            record(now, actor, "REVISION_STARTED", PUBLISHED, PUBLISHED, null, null);
        }
        enter(to);
        copy.change(actor, title, summary, body, tags);
        this.updatedAt = now;
    }

    /**
     * Freezes the editable copy into a new revision and sends it to review: {@code DRAFT} or
     * {@code CHANGES_REQUESTED} to {@code IN_REVIEW}, or a live article's pending revision to review.
     */
    ArticleRevision submit(String actor, Instant now, Instant dueAt) {
        ArticleStatus from = status;
        enter(ArticleTransitions.next(state(), ArticleMove.SUBMIT));
        ArticleRevision revision = new ArticleRevision(revisions.size() + 1, copy.title(), copy.summary(), copy.body(),
                copy.tags(), actor, now, copy.changedBy());
        revisions.add(revision);
        review.open(revision.id(), now, dueAt);
        updatedAt = now;
        record(now, actor, "SUBMITTED", from, status, revision.number(), null);
        registerEvent(new ArticleSubmitted(id, slug, section, copy.title(), authorId, actor, revision.number(), dueAt,
                now));
        return revision;
    }

    /** Takes a submission back out of review: {@code IN_REVIEW} to {@code DRAFT} (or the pending revision back to draft). */
    void withdraw(String actor, Instant now) {
        ArticleStatus from = status;
        ArticleState to = ArticleTransitions.next(state(), ArticleMove.WITHDRAW);
        Integer number = reviewRevision().map(ArticleRevision::number).orElse(null);
        enter(to);
        review.close();
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
     *
     * @return what the approval decided: live now or scheduled, for the workflow to follow
     */
    Publication approve(String editor, long reviewedVersion, String note, Instant publishAt, Instant unpublishAt,
            Instant now, BodyRenderer renderer) {
        ArticleStatus from = status;
        ArticleTransitions.next(state(), ArticleMove.APPROVE_NOW); // in review at all?
        requireNotAuthor(editor);
        ArticleRevision revision = reviewRevision().orElseThrow();
        if (revision.changedBy().contains(editor)) {
            throw new ForbiddenException("Four eyes: an editor cannot approve a revision whose text they changed");
        }
        requireReviewed(reviewedVersion);
        if (from == PUBLISHED && publishAt != null) {
            throw new InvalidRequestException("publishAt", "a revision of a live article goes live when it is approved");
        }
        boolean later = publishAt != null && publishAt.isAfter(now);
        Instant goesLive = later ? publishAt : now;
        if (unpublishAt != null && !unpublishAt.isAfter(goesLive)) {
            throw new InvalidRequestException("unpublishAt", "must be after the article goes live");
        }
        ArticleState to = ArticleTransitions.next(state(),
                later ? ArticleMove.APPROVE_SCHEDULED : ArticleMove.APPROVE_NOW);
        if (unpublishAt != null) {
            schedule().expireAt(unpublishAt);
        }
        review.decided(note);
        copy.approved();
        updatedAt = now;
        registerEvent(new ArticleApproved(id, slug, section, revision.title(), authorId, editor, note, goesLive, now));
        if (later) {
            enter(to);
            schedule().scheduleFor(publishAt);
            record(now, editor, "APPROVED", from, SCHEDULED, revision.number(), note);
            registerEvent(new ArticleScheduled(id, slug, section, revision.title(), authorId, editor, publishAt, now));
            return Publication.scheduled(publishAt, schedule().unpublishAt());
        }
        record(now, editor, "APPROVED", from, PUBLISHED, revision.number(), note);
        goLive(editor, revision, now, renderer);
        return Publication.now(schedule().unpublishAt());
    }

    /** The schedule is due: {@code SCHEDULED} to {@code PUBLISHED}. Done by the workflow's publish timer. */
    void publishScheduled(Instant now, BodyRenderer renderer) {
        ArticleTransitions.next(state(), ArticleMove.PUBLISH_SCHEDULED);
        ArticleRevision revision = revisions.get(revisions.size() - 1);
        record(now, HistoryEntry.SYSTEM, "PUBLISHED", SCHEDULED, PUBLISHED, revision.number(), null);
        goLive(HistoryEntry.SYSTEM, revision, now, renderer);
    }

    /** Back to the writer with a note: {@code IN_REVIEW} to {@code CHANGES_REQUESTED} (or the pending revision). */
    void requestChanges(String editor, long reviewedVersion, String note, Instant now) {
        ArticleStatus from = status;
        ArticleState to = ArticleTransitions.next(state(), ArticleMove.REQUEST_CHANGES);
        requireNotAuthor(editor);
        requireReviewed(reviewedVersion);
        Integer number = reviewRevision().map(ArticleRevision::number).orElse(null);
        enter(to);
        review.decided(note);
        updatedAt = now;
        record(now, editor, "CHANGES_REQUESTED", from, status, number, note);
        registerEvent(new ArticleChangesRequested(id, slug, section, copy.title(), authorId, editor, note, now));
    }

    /**
     * Refuses the revision in review: {@code IN_REVIEW} to {@code REJECTED}. For a live article the
     * pending revision is dropped, the editable copy goes back to the live revision, and it stays live.
     */
    void reject(String editor, long reviewedVersion, String note, Instant now) {
        ArticleStatus from = status;
        ArticleState to = ArticleTransitions.next(state(), ArticleMove.REJECT);
        requireNotAuthor(editor);
        requireReviewed(reviewedVersion);
        Integer number = reviewRevision().map(ArticleRevision::number).orElse(null);
        if (from == PUBLISHED) {
            liveRevision().ifPresent(copy::resetTo);
        }
        enter(to);
        review.decided(note);
        updatedAt = now;
        record(now, editor, "REJECTED", from, status, number, note);
        registerEvent(new ArticleRejected(id, slug, section, copy.title(), authorId, editor, note, now));
    }

    /** Takes a live article down, or cancels a schedule: {@code PUBLISHED}/{@code SCHEDULED} to {@code UNPUBLISHED}. */
    void unpublish(String editor, String note, Instant now) {
        takeDown(ArticleMove.UNPUBLISH, editor, "UNPUBLISHED", note, now);
    }

    /** The expiry time was reached: {@code PUBLISHED} to {@code UNPUBLISHED}, done by the workflow's expiry timer. */
    void expire(Instant now) {
        takeDown(ArticleMove.EXPIRE, HistoryEntry.SYSTEM, "EXPIRED", "expiry time " + unpublishAt() + " reached", now);
    }

    /** Sets, moves or clears ({@code null}) the time a published or scheduled article goes down by itself. */
    void changeExpiry(String editor, Instant newUnpublishAt, Instant now) {
        ArticleTransitions.next(state(), ArticleMove.CHANGE_EXPIRY);
        Instant earliest = status == SCHEDULED ? schedule().goesLiveNoEarlierThan(now) : now;
        if (newUnpublishAt != null && !newUnpublishAt.isAfter(earliest)) {
            throw new InvalidRequestException("unpublishAt", "must be in the future and after the article goes live");
        }
        schedule().expireAt(newUnpublishAt);
        updatedAt = now;
        record(now, editor, "EXPIRY_CHANGED", status, status, null,
                newUnpublishAt == null ? "expiry cleared" : "expires at " + newUnpublishAt);
    }

    /** The review SLA passed without a decision. Nothing is cancelled; repeated calls change nothing. */
    boolean markReviewOverdue(Instant now) {
        if (!inReview() || !review.markOverdue()) {
            return false;
        }
        record(now, HistoryEntry.SYSTEM, "REVIEW_OVERDUE", status, status,
                reviewRevision().map(ArticleRevision::number).orElse(null), "due at " + review.dueAt());
        registerEvent(new ArticleReviewOverdue(id, slug, section, copy.title(), authorId, HistoryEntry.SYSTEM,
                review.dueAt(), now));
        return true;
    }

    /** Whether readers may comment, and whether their comments are held for a moderator first. */
    void changeCommentSettings(String editor, boolean open, CommentPremoderation premoderation, Instant now) {
        commentSettings.change(open, premoderation);
        this.updatedAt = now;
        record(now, editor, "COMMENT_SETTINGS_CHANGED", status, status, null, commentSettings.toString());
    }

    // --- internals -----------------------------------------------------------------------------

    private ArticleState state() {
        return new ArticleState(status, pendingRevision);
    }

    private void enter(ArticleState to) {
        this.status = to.status();
        this.pendingRevision = to.pending();
    }

    private void goLive(String actor, ArticleRevision revision, Instant now, BodyRenderer renderer) {
        enter(ArticleState.live(null));
        live = LiveCopy.of(revision, renderer);
        schedule().wentLive(now);
        updatedAt = now;
        registerEvent(new ArticlePublished(id, slug, section, revision.title(), authorId, actor,
                schedule().publishedAt(), revision.number(), now));
    }

    private void takeDown(ArticleMove move, String actor, String action, String note, Instant now) {
        ArticleStatus from = status;
        enter(ArticleTransitions.next(state(), move));
        review.close();
        schedule().wentDown(now);
        updatedAt = now;
        record(now, actor, action, from, UNPUBLISHED, null, note);
        registerEvent(new ArticleUnpublished(id, slug, section, live().title() != null ? live().title() : copy.title(),
                authorId, actor, note, now));
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

    private void record(Instant at, String actor, String action, ArticleStatus from, ArticleStatus to, Integer revision,
            String note) {
        history.add(new HistoryEntry(history.size() + 1, at, actor, action, from, to, revision, note));
    }

    /** Hibernate loads an embeddable whose columns are all null as {@code null}. */
    private LiveCopy live() {
        if (live == null) {
            live = LiveCopy.none();
        }
        return live;
    }

    private Schedule schedule() {
        if (schedule == null) {
            schedule = Schedule.none();
        }
        return schedule;
    }

    // --- reading -------------------------------------------------------------------------------

    /** True while a revision (first or pending) waits for an editor's decision. */
    boolean inReview() {
        return state().inReview();
    }

    /** True when the revision in review is a change to an article already live. */
    boolean reviewingLiveArticle() {
        return status == PUBLISHED;
    }

    Optional<ArticleRevision> reviewRevision() {
        return findRevision(review.revisionId());
    }

    Optional<ArticleRevision> liveRevision() {
        return findRevision(live().revisionId());
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
        return copy.title();
    }

    String summary() {
        return copy.summary();
    }

    String body() {
        return copy.body();
    }

    List<String> tags() {
        return copy.tags();
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
        return schedule().publishedAt();
    }

    Instant publishAt() {
        return schedule().publishAt();
    }

    Instant unpublishAt() {
        return schedule().unpublishAt();
    }

    Instant unpublishedAt() {
        return schedule().unpublishedAt();
    }

    PendingRevision pendingRevision() {
        return pendingRevision;
    }

    Instant reviewRequestedAt() {
        return review.requestedAt();
    }

    Instant reviewDueAt() {
        return review.dueAt();
    }

    boolean reviewOverdue() {
        return review.overdue();
    }

    String lastReviewNote() {
        return review.lastNote();
    }

    boolean commentsOpen() {
        return commentSettings.open();
    }

    CommentPremoderation premoderation() {
        return commentSettings.premoderation();
    }

    String liveRevisionId() {
        return live().revisionId();
    }

    String liveTitle() {
        return live().title();
    }

    String liveSummary() {
        return live().summary();
    }

    List<String> liveTags() {
        return live().tags();
    }

    String liveBodyHtml() {
        return live().bodyHtml();
    }

    List<String> textChangedBy() {
        return copy.changedBy();
    }
}
