package dev.copydesk.articles;

import dev.copydesk.shared.ConflictException;

/**
 * A move the article's state machine ({@link ArticleTransitions}) does not allow from where the
 * article stands: 409 with {@code currentStatus}, as every conflict.
 */
public class IllegalArticleMove extends ConflictException {

    private final transient ArticleState from;
    private final transient ArticleMove move;

    IllegalArticleMove(ArticleState from, ArticleMove move, String why) {
        super("The article is " + from.status() + ": " + why, from.status().name());
        this.from = from;
        this.move = move;
    }

    ArticleState from() {
        return from;
    }

    ArticleMove move() {
        return move;
    }
}
