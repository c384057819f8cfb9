package dev.copydesk.notifications;

import java.util.Optional;

/**
 * What notifications need from the comments module: the commenter to tell when their comment, or a
 * reply to it, is approved, only if they asked for it when commenting. The comments module (or the
 * application wiring) provides one bean implementing this; without one, commenters get no mail.
 */
public interface CommentSubscribers {

    /**
     * The author of {@code commentId} when they asked to be notified about it; empty when they did
     * not, or the comment is unknown.
     */
    Optional<Subscriber> subscriberOf(String commentId);

    /** A commenter who asked for mail; {@code authorName} is the public name they commented under. */
    record Subscriber(String email, String authorName) {
    }
}
