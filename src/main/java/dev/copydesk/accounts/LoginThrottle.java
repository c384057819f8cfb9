package dev.copydesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code copydesk.security.max-failed-logins} failures for one
 * username within the window, further attempts for that username are refused (429) until the oldest
 * failure leaves the window. Refused attempts never reach the password hash, so a locked username
 * costs the server nothing. The counters are per node; see docs/operations.md.
 */
@Component
class LoginThrottle {

    private final SecurityProperties properties;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(properties.failedLoginWindow().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** How long this username must wait, or {@link Duration#ZERO} when it may try now. */
    Duration waitFor(String username) {
        Deque<Instant> recent = failures.getIfPresent(key(username));
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < properties.maxFailedLogins()) {
                return Duration.ZERO;
            }
            return Duration.between(now, recent.peekFirst().plus(properties.failedLoginWindow()));
        }
    }

    void failed(String username) {
        Deque<Instant> recent = failures.get(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            recent.addLast(now);
        }
    }

    void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(properties.failedLoginWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
