package dev.copydesk.notifications;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;

/** The comment module's side of {@link CommentSubscribers}, played by the test: who asked for mail. */
@TestComponent
public class TestCommentSubscribers implements CommentSubscribers {

    private final Map<String, Subscriber> byComment = new ConcurrentHashMap<>();

    void commented(String commentId, String email, String authorName) {
        byComment.put(commentId, new Subscriber(email, authorName));
    }

    @Override
    public Optional<Subscriber> subscriberOf(String commentId) {
        return Optional.ofNullable(byComment.get(commentId));
    }
}
