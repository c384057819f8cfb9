package dev.copydesk.shared;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event other modules (notifications, webhooks, the live stream) react to. Modules publish
 * them with Spring's {@code ApplicationEventPublisher} inside the transaction that caused them;
 * listeners that leave the process act only after that transaction commits.
 */
public interface CopydeskEvent {

    /** The contract's event type, for example {@code article.published} or {@code comment.held}. */
    String type();

    Instant occurredAt();

    /** The JSON payload served to webhooks and the live stream: ids and small values, never secrets or emails. */
    Map<String, Object> data();

    /** The slug of the article this event is about, or {@code null} when it is about no one article. */
    default String articleSlug() {
        return null;
    }

    /** Whether what the public reads about that article (or anything, without one) may have changed. */
    default boolean changesPublicView() {
        return true;
    }
}
