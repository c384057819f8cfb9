package dev.copydesk.notifications;

import java.time.Duration;

/** The retry schedule of outbound deliveries: attempt n waits {@code first * 4^(n-1)}, capped at {@code max}. */
final class Backoff {

    private Backoff() {
    }

    static Duration delayAfter(Duration first, Duration max, int attemptsSoFar) {
        Duration delay = first;
        for (int i = 1; i < attemptsSoFar && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(4);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The engine's retry cycle for the next attempt (ISO 8601 repeat): {@code R<max-attempts>/<delay>}. */
    static String retryCycle(int maxAttempts, Duration first, Duration max, int attemptsSoFar) {
        return "R" + maxAttempts + "/" + delayAfter(first, max, Math.max(1, attemptsSoFar));
    }
}
