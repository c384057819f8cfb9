package dev.copydesk.articles;

/**
 * Where an article stands: its {@link ArticleStatus} and, for a {@link ArticleStatus#PUBLISHED}
 * article, the state of its pending revision ({@code null}: none).
 */
record ArticleState(ArticleStatus status, PendingRevision pending) {

    static ArticleState of(ArticleStatus status) {
        return new ArticleState(status, null);
    }

    static ArticleState live(PendingRevision pending) {
        return new ArticleState(ArticleStatus.PUBLISHED, pending);
    }

    /** True while a revision (first or pending) waits for an editor's decision. */
    boolean inReview() {
        return status == ArticleStatus.IN_REVIEW
                || (status == ArticleStatus.PUBLISHED && pending == PendingRevision.IN_REVIEW);
    }

    @Override
    public String toString() {
        return pending == null ? status.name() : status + " (pending revision " + pending + ")";
    }
}
