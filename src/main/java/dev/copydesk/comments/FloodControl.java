package dev.copydesk.comments;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.copydesk.shared.RateLimits;
import dev.copydesk.shared.TooManyRequestsException;

/**
 * At most {@code commentsPerMinute} comments a minute from one author (key) and from one client
 * (address hash): a burst of that many, then one every {@code 60 s / commentsPerMinute}. Checked
 * before anything is stored, in one short transaction for both keys, so a refused comment counts
 * for neither. The counts are shared by every node ({@link RateLimits}; see docs/moderation.md).
 */
@Component
class FloodControl {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimits limits;

    FloodControl(RateLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts one comment for both keys, or throws 429 with the time until one is allowed again (and
     * counts nothing: the transaction of both takes is rolled back).
     */
    void admit(String authorKey, String clientHash, int perMinute) {
        limits.inOneTransaction(() -> {
            Duration wait = limits.take("comment-author:" + authorKey, perMinute, WINDOW);
            if (wait.isZero()) {
                wait = limits.take("comment-client:" + clientHash, perMinute, WINDOW);
            }
            if (!wait.isZero()) {
                throw new TooManyRequestsException(
                        "Too many comments in a minute from this author or address; try again later", wait);
            }
        });
    }
}
