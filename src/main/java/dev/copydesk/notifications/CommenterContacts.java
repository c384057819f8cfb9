package dev.copydesk.notifications;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk;

/**
 * {@link CommentSubscribers} answered by the comments module's API: the commenter's address only
 * when they asked for mail on intake, with the public name they commented under.
 */
@Component
class CommenterContacts implements CommentSubscribers {

    private final CommentDesk comments;

    CommenterContacts(CommentDesk comments) {
        this.comments = comments;
    }

    @Override
    public Optional<Subscriber> subscriberOf(String commentId) {
        return comments.notificationAddress(commentId).map(email -> new Subscriber(email,
                comments.parents(List.of(commentId)).values().stream().findFirst()
                        .map(CommentDesk.ParentComment::authorName).orElse("reader")));
    }
}
