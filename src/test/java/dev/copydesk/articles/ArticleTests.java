package dev.copydesk.articles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.ForbiddenException;
import dev.copydesk.shared.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The article aggregate on its own: no Spring, no database. Every cell of the state machine
 * ({@link ArticleTransitions}: each reachable state × each move) is driven through the aggregate's
 * own methods and must land where the table says, or be refused with {@link IllegalArticleMove}.
 */
class ArticleTests {

    private static final String WRITER = "writer-1";
    private static final String EDITOR = "editor-1";
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final BodyRenderer RENDERER = new BodyRenderer();

    /** The states an article can be in, each reached by real moves from a new draft. */
    enum Reached {
        DRAFT(ArticleState.of(ArticleStatus.DRAFT)),
        IN_REVIEW(ArticleState.of(ArticleStatus.IN_REVIEW)),
        CHANGES_REQUESTED(ArticleState.of(ArticleStatus.CHANGES_REQUESTED)),
        REJECTED(ArticleState.of(ArticleStatus.REJECTED)),
        SCHEDULED(ArticleState.of(ArticleStatus.SCHEDULED)),
        LIVE(ArticleState.live(null)),
        LIVE_WITH_DRAFT(ArticleState.live(PendingRevision.DRAFT)),
        LIVE_WITH_REVISION_IN_REVIEW(ArticleState.live(PendingRevision.IN_REVIEW)),
        LIVE_WITH_CHANGES_REQUESTED(ArticleState.live(PendingRevision.CHANGES_REQUESTED)),
        UNPUBLISHED(ArticleState.of(ArticleStatus.UNPUBLISHED));

        final ArticleState state;

        Reached(ArticleState state) {
            this.state = state;
        }

        Article article() {
            Article a = draft();
            switch (this) {
                case DRAFT -> { }
                case IN_REVIEW -> submit(a);
                case CHANGES_REQUESTED -> { submit(a); a.requestChanges(EDITOR, 0, "tighten it", T0); }
                case REJECTED -> { submit(a); a.reject(EDITOR, 0, "no", T0); }
                case SCHEDULED -> { submit(a); a.approve(EDITOR, 0, null, T0.plus(Duration.ofDays(1)), null, T0, RENDERER); }
                case LIVE -> live(a);
                case LIVE_WITH_DRAFT -> { live(a); editByWriter(a); }
                case LIVE_WITH_REVISION_IN_REVIEW -> { live(a); editByWriter(a); submit(a); }
                case LIVE_WITH_CHANGES_REQUESTED -> {
                    live(a); editByWriter(a); submit(a); a.requestChanges(EDITOR, 0, "again", T0);
                }
                case UNPUBLISHED -> { live(a); a.unpublish(EDITOR, null, T0); }
            }
            assertThat(new ArticleState(a.status(), a.pendingRevision())).isEqualTo(state);
            return a;
        }
    }

    static Stream<Arguments> everyStateAndMove() {
        List<Arguments> cells = new ArrayList<>();
        for (Reached reached : Reached.values()) {
            for (ArticleMove move : ArticleMove.values()) {
                cells.add(Arguments.of(reached, move));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStateAndMove")
    void everyMoveLandsWhereTheTableSaysOrIsRefused(Reached reached, ArticleMove move) {
        Article article = reached.article();
        if (ArticleTransitions.allows(reached.state, move)) {
            apply(article, move);
            assertThat(new ArticleState(article.status(), article.pendingRevision()))
                    .isEqualTo(ArticleTransitions.next(reached.state, move));
        } else if (move == ArticleMove.APPROVE_SCHEDULED && reached.state.status() == ArticleStatus.PUBLISHED
                && reached.state.inReview()) {
            // a live article's revision goes live when approved: a publishAt is a wrong field, not a wrong state
            assertThatThrownBy(() -> apply(article, move)).isInstanceOf(InvalidRequestException.class);
        } else {
            int historyBefore = article.history().size();
            assertThatThrownBy(() -> apply(article, move))
                    .isInstanceOf(IllegalArticleMove.class)
                    .satisfies(e -> assertThat(((ConflictException) e).currentStatus())
                            .isEqualTo(reached.state.status().name()));
            assertThat(new ArticleState(article.status(), article.pendingRevision())).isEqualTo(reached.state);
            assertThat(article.history()).hasSize(historyBefore);
        }
    }

    @Test
    void theTableHasRowsForEveryStateButTheFinalOnes() {
        EnumSet<Reached> withRows = EnumSet.noneOf(Reached.class);
        for (Reached r : Reached.values()) {
            if (ArticleTransitions.table().containsKey(r.state)) {
                withRows.add(r);
            }
        }
        assertThat(EnumSet.complementOf(withRows)).containsExactlyInAnyOrder(Reached.REJECTED, Reached.UNPUBLISHED);
    }

    @Test
    void approveWithoutPublishAtThenLiveNowAndTheLiveCopyIsTheRevision() {
        Article a = draft();
        submit(a);
        Publication publication = a.approve(EDITOR, 0, "fine", null, null, T0, RENDERER);
        assertThat(publication.when()).isEqualTo(Publication.When.NOW);
        assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(a.publishedAt()).isEqualTo(T0);
        assertThat(a.liveTitle()).isEqualTo("Harbour reopens");
        assertThat(a.liveBodyHtml()).isEqualTo("<p>The <em>harbour</em> is open.</p>");
        assertThat(a.liveRevisionId()).isEqualTo(a.revisions().get(0).id());
        assertThat(a.lastReviewNote()).isEqualTo("fine");
        assertThat(a.inReview()).isFalse();
    }

    @Test
    void approveWithFuturePublishAtThenScheduledAndNothingLive() {
        Article a = draft();
        submit(a);
        Instant at = T0.plus(Duration.ofHours(3));
        Publication publication = a.approve(EDITOR, 0, null, at, T0.plus(Duration.ofDays(2)), T0, RENDERER);
        assertThat(publication).isEqualTo(new Publication(Publication.When.LATER, at, T0.plus(Duration.ofDays(2))));
        assertThat(a.status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(a.publishAt()).isEqualTo(at);
        assertThat(a.liveTitle()).isNull();
        a.publishScheduled(at, RENDERER);
        assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(a.publishAt()).isNull();
        assertThat(a.publishedAt()).isEqualTo(at);
    }

    @Test
    void approveWithPastPublishAtThenLiveNow() {
        Article a = draft();
        submit(a);
        assertThat(a.approve(EDITOR, 0, null, T0.minusSeconds(1), null, T0, RENDERER).when())
                .isEqualTo(Publication.When.NOW);
        assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void approveWithExpiryBeforeGoingLiveThenInvalidUnpublishAt() {
        Article a = draft();
        submit(a);
        assertThatThrownBy(() -> a.approve(EDITOR, 0, null, T0.plusSeconds(60), T0.plusSeconds(30), T0, RENDERER))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(a.status()).isEqualTo(ArticleStatus.IN_REVIEW);
    }

    @Test
    void approveByTheAuthorThenForbidden() {
        Article a = draft();
        submit(a);
        assertThatThrownBy(() -> a.approve(WRITER, 0, null, null, null, T0, RENDERER))
                .isInstanceOf(ForbiddenException.class);
        assertThat(a.status()).isEqualTo(ArticleStatus.IN_REVIEW);
    }

    @Test
    void approveByAnEditorWhoChangedTheTextThenForbidden() {
        Article a = live(draft());
        a.edit(EDITOR, "Harbour reopens at dawn", "s", "b", List.of(), T0);
        submit(a);
        assertThatThrownBy(() -> a.approve(EDITOR, 0, null, null, null, T0, RENDERER))
                .isInstanceOf(ForbiddenException.class);
        a.approve("editor-2", 0, null, null, null, T0, RENDERER);
        assertThat(a.liveTitle()).isEqualTo("Harbour reopens at dawn");
    }

    @Test
    void decideOnAStaleVersionThenConflictWithTheCurrentVersion() {
        Article a = draft();
        submit(a);
        assertThatThrownBy(() -> a.requestChanges(EDITOR, 7, "note", T0))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(IllegalArticleMove.class)
                .satisfies(e -> assertThat(((ConflictException) e).currentVersion()).isZero());
    }

    @Test
    void rejectTheRevisionOfALiveArticleThenTheEditableCopyGoesBackToTheLiveText() {
        Article a = live(draft());
        editByWriter(a);
        submit(a);
        a.reject(EDITOR, 0, "keep the old one", T0);
        assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(a.pendingRevision()).isNull();
        assertThat(a.title()).isEqualTo("Harbour reopens");
        assertThat(a.textChangedBy()).isEmpty();
    }

    @Test
    void editALiveArticleThenTheLiveCopyStaysAndARevisionIsStarted() {
        Article a = live(draft());
        editByWriter(a);
        assertThat(a.liveTitle()).isEqualTo("Harbour reopens");
        assertThat(a.title()).isEqualTo("Harbour reopens, ferries run");
        assertThat(a.history()).extracting(HistoryEntry::action).contains("REVISION_STARTED");
    }

    @Test
    void markReviewOverdueTwiceThenOnlyOnce() {
        Article a = draft();
        submit(a);
        assertThat(a.markReviewOverdue(T0)).isTrue();
        assertThat(a.reviewOverdue()).isTrue();
        assertThat(a.markReviewOverdue(T0)).isFalse();
    }

    @Test
    void markReviewOverdueWithoutAnOpenReviewThenNothing() {
        Article a = draft();
        assertThat(a.markReviewOverdue(T0)).isFalse();
        assertThat(a.reviewOverdue()).isFalse();
    }

    @Test
    void changeExpiryOfAScheduledArticleBeforeItGoesLiveThenInvalid() {
        Article a = Reached.SCHEDULED.article();
        assertThatThrownBy(() -> a.changeExpiry(EDITOR, T0.plus(Duration.ofHours(12)), T0))
                .isInstanceOf(InvalidRequestException.class);
        a.changeExpiry(EDITOR, T0.plus(Duration.ofDays(3)), T0);
        assertThat(a.unpublishAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void unpublishThenTimesClearedAndLiveCopyKeptForTheRecord() {
        Article a = live(draft());
        a.changeExpiry(EDITOR, T0.plus(Duration.ofDays(1)), T0);
        a.unpublish(EDITOR, "legal", T0.plusSeconds(5));
        assertThat(a.unpublishAt()).isNull();
        assertThat(a.unpublishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(a.liveTitle()).isEqualTo("Harbour reopens");
    }

    @Test
    void commentSettingsChangeInAnyStateIncludingFinalOnes() {
        for (Reached reached : Reached.values()) {
            Article a = reached.article();
            a.changeCommentSettings(EDITOR, false, CommentPremoderation.ALL, T0);
            assertThat(a.commentsOpen()).isFalse();
            assertThat(a.premoderation()).isEqualTo(CommentPremoderation.ALL);
            assertThat(a.status()).isEqualTo(reached.state.status());
        }
    }

    @Test
    void moveToTheSameSectionThenNothingChanges() {
        Article a = draft();
        assertThat(a.moveTo(EDITOR, "news", T0)).isFalse();
        assertThat(a.moveTo(EDITOR, "sport", T0)).isTrue();
        assertThat(a.section()).isEqualTo("sport");
    }

    @Test
    void slugOfFoldsAccentsAndPunctuation() {
        assertThat(ArticleSlugs.slugOf("Čaj & Kaffee: 100% Öl!")).isEqualTo("caj-kaffee-100-ol");
        assertThat(ArticleSlugs.slugOf("!!!")).isEqualTo("article");
        assertThat(ArticleSlugs.slugOf("a".repeat(90))).hasSize(80);
    }

    // --- moves ---------------------------------------------------------------------------------

    private static void apply(Article a, ArticleMove move) {
        switch (move) {
            case EDIT -> a.edit(WRITER, "Edited", "s", "b", List.of(), T0);
            case SUBMIT -> submit(a);
            case WITHDRAW -> a.withdraw(WRITER, T0);
            case APPROVE_NOW -> a.approve(EDITOR, 0, null, null, null, T0, RENDERER);
            case APPROVE_SCHEDULED -> a.approve(EDITOR, 0, null, T0.plus(Duration.ofDays(1)), null, T0, RENDERER);
            case REQUEST_CHANGES -> a.requestChanges(EDITOR, 0, "note", T0);
            case REJECT -> a.reject(EDITOR, 0, "note", T0);
            case PUBLISH_SCHEDULED -> a.publishScheduled(T0.plus(Duration.ofDays(1)), RENDERER);
            case UNPUBLISH -> a.unpublish(EDITOR, null, T0);
            case EXPIRE -> a.expire(T0);
            case CHANGE_EXPIRY -> a.changeExpiry(EDITOR, T0.plus(Duration.ofDays(10)), T0);
        }
    }

    private static Article draft() {
        return new Article("harbour-reopens", "Harbour reopens", "The ferries run again.", "The *harbour* is open.",
                List.of("harbour"), WRITER, "news", T0);
    }

    private static void submit(Article a) {
        a.submit(WRITER, T0, T0.plus(Duration.ofHours(4)));
    }

    private static Article live(Article a) {
        submit(a);
        a.approve(EDITOR, 0, null, null, null, T0, RENDERER);
        return a;
    }

    private static void editByWriter(Article a) {
        a.edit(WRITER, "Harbour reopens, ferries run", "The ferries run again.", "The *harbour* is open.",
                List.of("harbour"), T0);
    }
}
