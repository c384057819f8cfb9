package dev.copydesk.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins recently for this username from this client address, or from this client
 * address altogether; answered with 429 and Retry-After.
 */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins from this address; try again later");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
