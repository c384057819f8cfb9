package dev.copydesk.articles;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.copydesk.articles.ArticleMove.*;
import static dev.copydesk.articles.ArticleStatus.CHANGES_REQUESTED;
import static dev.copydesk.articles.ArticleStatus.DRAFT;
import static dev.copydesk.articles.ArticleStatus.IN_REVIEW;
import static dev.copydesk.articles.ArticleStatus.REJECTED;
import static dev.copydesk.articles.ArticleStatus.SCHEDULED;
import static dev.copydesk.articles.ArticleStatus.UNPUBLISHED;

/**
 * The article's one state machine: {@link ArticleStatus} × {@link PendingRevision} → move → next
 * state. Anything not in the table is an {@link IllegalArticleMove}. Moving the article to another
 * section, its comment settings and marking a review overdue change no state and are not here.
 */
final class ArticleTransitions {

    private static final Map<ArticleState, Map<ArticleMove, ArticleState>> TABLE = new LinkedHashMap<>();

    static {
        ArticleState draft = ArticleState.of(DRAFT);
        ArticleState inReview = ArticleState.of(IN_REVIEW);
        ArticleState changesRequested = ArticleState.of(CHANGES_REQUESTED);
        ArticleState scheduled = ArticleState.of(SCHEDULED);
        ArticleState live = ArticleState.live(null);
        ArticleState liveDraft = ArticleState.live(PendingRevision.DRAFT);
        ArticleState liveInReview = ArticleState.live(PendingRevision.IN_REVIEW);
        ArticleState liveChangesRequested = ArticleState.live(PendingRevision.CHANGES_REQUESTED);
        ArticleState down = ArticleState.of(UNPUBLISHED);

        from(draft).on(EDIT, draft).on(SUBMIT, inReview);
        from(changesRequested).on(EDIT, changesRequested).on(SUBMIT, inReview);
        from(inReview).on(WITHDRAW, draft).on(APPROVE_NOW, live).on(APPROVE_SCHEDULED, scheduled)
                .on(REQUEST_CHANGES, changesRequested).on(REJECT, ArticleState.of(REJECTED));
        from(scheduled).on(PUBLISH_SCHEDULED, live).on(UNPUBLISH, down).on(CHANGE_EXPIRY, scheduled);
        from(live).on(EDIT, liveDraft).on(UNPUBLISH, down).on(EXPIRE, down).on(CHANGE_EXPIRY, live);
        from(liveDraft).on(EDIT, liveDraft).on(SUBMIT, liveInReview)
                .on(UNPUBLISH, down).on(EXPIRE, down).on(CHANGE_EXPIRY, liveDraft);
        from(liveInReview).on(WITHDRAW, liveDraft).on(APPROVE_NOW, live)
                .on(REQUEST_CHANGES, liveChangesRequested).on(REJECT, live)
                .on(UNPUBLISH, down).on(EXPIRE, down).on(CHANGE_EXPIRY, liveInReview);
        from(liveChangesRequested).on(EDIT, liveChangesRequested).on(SUBMIT, liveInReview)
                .on(UNPUBLISH, down).on(EXPIRE, down).on(CHANGE_EXPIRY, liveChangesRequested);
        // REJECTED and UNPUBLISHED are final: no row.
    }

    private ArticleTransitions() {
    }

    /** The state {@code move} leads to from {@code from}, or {@link IllegalArticleMove}. */
    static ArticleState next(ArticleState from, ArticleMove move) {
        ArticleState to = TABLE.getOrDefault(from, Map.of()).get(move);
        if (to == null) {
            throw new IllegalArticleMove(from, move, refusal(from, move));
        }
        return to;
    }

    static boolean allows(ArticleState from, ArticleMove move) {
        return TABLE.getOrDefault(from, Map.of()).containsKey(move);
    }

    /** The whole table, for tests and documentation. */
    static Map<ArticleState, Map<ArticleMove, ArticleState>> table() {
        return Collections.unmodifiableMap(TABLE);
    }

    /** Why a move is refused, in the words the API has always answered with. */
    private static String refusal(ArticleState from, ArticleMove move) {
        boolean live = from.status() == ArticleStatus.PUBLISHED;
        return switch (move) {
            case EDIT -> live && from.pending() == PendingRevision.IN_REVIEW
                    ? "its pending revision is in review; withdraw it first to edit"
                    : "it can be edited only as a draft, after changes were requested, or while published";
            case SUBMIT -> live
                    ? from.pending() == null
                            ? "it is live and has no pending changes; edit it first"
                            : "its pending revision is already in review"
                    : "only a draft or an article with requested changes can be submitted";
            case WITHDRAW -> "only an article in review can be withdrawn";
            case APPROVE_NOW, APPROVE_SCHEDULED -> "only an article in review can be approved";
            case REQUEST_CHANGES -> "only an article in review can be sent back";
            case REJECT -> "only an article in review can be rejected";
            case PUBLISH_SCHEDULED -> "only a scheduled article can be published by its schedule";
            case UNPUBLISH -> "only a published or scheduled article can be unpublished";
            case EXPIRE -> "only a published article can expire";
            case CHANGE_EXPIRY -> "an expiry time can be set only on a published or scheduled article";
        };
    }

    private static Row from(ArticleState state) {
        return new Row(TABLE.computeIfAbsent(state, s -> new EnumMap<>(ArticleMove.class)));
    }

    private record Row(Map<ArticleMove, ArticleState> moves) {
        Row on(ArticleMove move, ArticleState to) {
            moves.put(move, to);
            return this;
        }
    }
}
