package dev.copydesk.comments;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.copydesk.shared.ConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The comment aggregate on its own (no Spring, no engine): each state a comment can be in, each
 * move, allowed or refused with {@link ConflictException}. The comment carries no engine id: it
 * enters a queue with a time and a due time only.
 */
class CommentTests {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Instant DUE = T0.plusSeconds(3600);

    /** Where a comment can stand, each reached by real moves from a fresh one. */
    enum Reached {
        FRESH, HELD, APPROVED, REPORTED, REJECTED;

        Comment comment() {
            Comment c = fresh();
            switch (this) {
                case FRESH -> { }
                case HELD -> c.hold(T0, DUE);
                case APPROVED -> c.approve("screening", null, T0);
                case REPORTED -> { c.approve("screening", null, T0); c.flagged(); c.report(T0, DUE); }
                case REJECTED -> c.reject("screening", "spam", T0);
            }
            return c;
        }
    }

    enum Move {
        SCREENED(c -> c.screened(List.of(new CommentReason("FIRST_COMMENT", "first")))),
        APPROVE(c -> c.approve("mod-1", "fine", T0.plusSeconds(60))),
        REJECT(c -> c.reject("mod-1", "rude", T0.plusSeconds(60))),
        HOLD(c -> c.hold(T0, DUE)),
        REPORT(c -> c.report(T0, DUE));

        final Consumer<Comment> apply;

        Move(Consumer<Comment> apply) {
            this.apply = apply;
        }
    }

    /** The table the aggregate must follow: which moves each state allows. */
    static boolean allowed(Reached from, Move move) {
        return switch (from) {
            case FRESH -> move != Move.REPORT;
            case HELD, REPORTED -> move == Move.APPROVE || move == Move.REJECT;
            case APPROVED -> move == Move.REPORT;
            case REJECTED -> false;
        };
    }

    static Stream<Arguments> everyStateAndMove() {
        return Stream.of(Reached.values()).flatMap(r -> Stream.of(Move.values()).map(m -> Arguments.of(r, m)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStateAndMove")
    void everyMoveIsAllowedOrRefusedAsTheTableSays(Reached from, Move move) {
        Comment c = from.comment();
        CommentStatus status = c.status();
        CommentQueue queue = c.queue();
        if (allowed(from, move)) {
            move.apply.accept(c);
        } else {
            assertThatThrownBy(() -> move.apply.accept(c)).isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((ConflictException) e).currentStatus()).isEqualTo(status.name()));
            assertThat(c.status()).isEqualTo(status);
            assertThat(c.queue()).isEqualTo(queue);
        }
    }

    @Test
    void holdThenQueuedPendingInvisibleAndDueWithoutAnyEngineId() {
        Comment c = Reached.HELD.comment();
        assertThat(c.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(c.queue()).isEqualTo(CommentQueue.PENDING);
        assertThat(c.queuedAt()).isEqualTo(T0);
        assertThat(c.dueAt()).isEqualTo(DUE);
        assertThat(c.visible()).isFalse();
        assertThat(c.awaitingScreening()).isFalse();
    }

    @Test
    void approveAHeldCommentThenVisibleAndOutOfTheQueue() {
        Comment c = Reached.HELD.comment();
        c.approve("mod-1", "fine", T0.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(c.visible()).isTrue();
        assertThat(c.queue()).isNull();
        assertThat(c.queuedAt()).isNull();
        assertThat(c.decidedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void approveAReportedCommentThenFlagsClearedAndVisibleAgain() {
        Comment c = Reached.REPORTED.comment();
        assertThat(c.visible()).isFalse();
        c.approve("mod-1", null, T0);
        assertThat(c.visible()).isTrue();
        assertThat(c.flagCount()).isZero();
        assertThat(c.queue()).isNull();
    }

    @Test
    void rejectAReportedCommentThenHiddenForGood() {
        Comment c = Reached.REPORTED.comment();
        c.reject("mod-1", "rude", T0);
        assertThat(c.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(c.visible()).isFalse();
        assertThat(c.queue()).isNull();
    }

    @Test
    void markOverdueOnlyWhileQueued() {
        for (Reached r : Reached.values()) {
            Comment c = r.comment();
            boolean queued = r == Reached.HELD || r == Reached.REPORTED;
            assertThat(c.markOverdue()).as(r.name()).isEqualTo(queued);
            assertThat(c.overdue()).as(r.name()).isEqualTo(queued);
        }
    }

    @Test
    void reportableOnlyWhenApprovedVisibleUnqueuedAndFlaggedEnough() {
        Comment approved = Reached.APPROVED.comment();
        approved.flagged();
        assertThat(approved.reportable(2)).isFalse();
        approved.flagged();
        assertThat(approved.reportable(2)).isTrue();
        Comment held = Reached.HELD.comment();
        held.flagged();
        held.flagged();
        assertThat(held.reportable(2)).isFalse();
    }

    @Test
    void screenedOnlyOnce() {
        Comment c = fresh();
        c.screened(List.of());
        assertThat(c.reasons()).isEmpty();
        assertThat(c.awaitingScreening()).isTrue();
        c.hold(T0, DUE);
        assertThatThrownBy(() -> c.screened(List.of())).isInstanceOf(ConflictException.class);
    }

    private static Comment fresh() {
        return new Comment("c-1", "a-1", "harbour-reopens", "news", null, "Reader", "reader@example.org", "key-1",
                "client-1", "Lovely harbour.", "hash-1", false, T0);
    }
}
