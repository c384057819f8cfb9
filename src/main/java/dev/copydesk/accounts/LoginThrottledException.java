package dev.copydesk.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this username recently; answered with 429 and Retry-After. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins for this username; try again later");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
