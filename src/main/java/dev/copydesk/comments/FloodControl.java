package dev.copydesk.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import dev.copydesk.shared.TooManyRequestsException;

/**
 * At most {@code commentsPerMinute} comments in any 60 seconds from one author (key) or one client
 * (address hash). Checked and counted before anything is stored; a refused comment is not counted.
 * The counters live in memory, per node (see docs/moderation.md).
 */
@Component
class FloodControl {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Cache<String, Deque<Instant>> recent = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(WINDOW.toSeconds() * 2, TimeUnit.SECONDS)
            .build();

    FloodControl(Clock clock) {
        this.clock = clock;
    }

    /** Counts one comment for both keys, or throws 429 with the time until one is allowed again. */
    void admit(String authorKey, String clientHash, int perMinute) {
        Instant now = clock.instant();
        Deque<Instant> byAuthor = recent.get("a:" + authorKey, k -> new ArrayDeque<>());
        Deque<Instant> byClient = recent.get("c:" + clientHash, k -> new ArrayDeque<>());
        // Lock both windows in a fixed order so two requests cannot both slip under the limit.
        Deque<Instant> first = System.identityHashCode(byAuthor) <= System.identityHashCode(byClient) ? byAuthor : byClient;
        Deque<Instant> second = first == byAuthor ? byClient : byAuthor;
        synchronized (first) {
            synchronized (second) {
                Duration wait = max(waitFor(byAuthor, now, perMinute), waitFor(byClient, now, perMinute));
                if (!wait.isZero()) {
                    throw new TooManyRequestsException(
                            "Too many comments in a minute from this author or address; try again later", wait);
                }
                byAuthor.addLast(now);
                if (byClient != byAuthor) {
                    byClient.addLast(now);
                }
            }
        }
    }

    private static Duration waitFor(Deque<Instant> window, Instant now, int perMinute) {
        Instant horizon = now.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
            window.removeFirst();
        }
        if (window.size() < perMinute) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, window.peekFirst().plus(WINDOW));
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
