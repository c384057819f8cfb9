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

import dev.copydesk.shared.ClientAddressKey;

/**
 * Slows down password guessing without handing an attacker the power to lock the owner out.
 * Failures are counted per (username, client address): after {@code max-failed-logins} of them
 * within {@code failed-login-window}, that username is refused (429) <em>from that address</em>
 * until the oldest failure leaves the window; the same username from any other address is not
 * affected. Independently, one client address may fail at most {@code max-failed-logins-per-address}
 * times in the window across all usernames, which stops one address from spraying many names.
 * IPv6 clients are counted per /64, the block one subscriber usually holds. A successful login
 * clears only its own (username, address) count, never the address's count, so an attacker cannot
 * reset the per-address cap by logging in to an account of their own. Refused attempts never reach
 * the password hash, so a throttled client costs the server nothing. The counters are in memory
 * and per node; see docs/security.md and docs/operations.md.
 */
@Component
class LoginThrottle {

    private final SecurityProperties properties;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> byUsernameAndAddress;
    private final Cache<String, Deque<Instant>> byAddress;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.byUsernameAndAddress = counters(properties);
        this.byAddress = counters(properties);
    }

    private static Cache<String, Deque<Instant>> counters(SecurityProperties properties) {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(properties.failedLoginWindow().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * How long this username must wait before trying again from {@code clientAddress}, or
     * {@link Duration#ZERO} when it may try now.
     */
    Duration waitFor(String username, String clientAddress) {
        String address = addressKey(clientAddress);
        Duration pair = waitFor(byUsernameAndAddress.getIfPresent(pairKey(username, address)),
                properties.maxFailedLogins());
        Duration spray = waitFor(byAddress.getIfPresent(address), properties.maxFailedLoginsPerAddress());
        return pair.compareTo(spray) >= 0 ? pair : spray;
    }

    void failed(String username, String clientAddress) {
        String address = addressKey(clientAddress);
        record(byUsernameAndAddress.get(pairKey(username, address), k -> new ArrayDeque<>()));
        record(byAddress.get(address, k -> new ArrayDeque<>()));
    }

    void succeeded(String username, String clientAddress) {
        byUsernameAndAddress.invalidate(pairKey(username, addressKey(clientAddress)));
    }

    private Duration waitFor(Deque<Instant> recent, int max) {
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < max) {
                return Duration.ZERO;
            }
            // The attempt that would be allowed again once enough failures have left the window.
            Instant oldestThatCounts = recent.stream().skip(recent.size() - max).findFirst().orElseThrow();
            return Duration.between(now, oldestThatCounts.plus(properties.failedLoginWindow()));
        }
    }

    private void record(Deque<Instant> recent) {
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            recent.addLast(now);
            // Never more than a cap's worth: a busy attacker must not grow a counter without bound.
            int keep = Math.max(properties.maxFailedLogins(), properties.maxFailedLoginsPerAddress());
            while (recent.size() > keep) {
                recent.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(properties.failedLoginWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }

    private static String pairKey(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "\n" + address;
    }

    /** The client address as counted: IPv4 as it is, IPv6 by its /64 prefix. */
    static String addressKey(String clientAddress) {
        return ClientAddressKey.of(clientAddress);
    }
}
