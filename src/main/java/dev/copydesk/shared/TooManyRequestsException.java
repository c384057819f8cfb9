package dev.copydesk.shared;

import java.time.Duration;

/** A rate limit was hit (429); {@code retryAfter} goes into the Retry-After header. */
public class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
