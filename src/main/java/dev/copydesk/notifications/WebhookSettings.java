package dev.copydesk.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.webhooks.*}: the HTTP client's timeouts and the retry schedule (attempt n waits
 * {@code firstRetryDelay * 4^(n-1)}, capped at {@code maxRetryDelay}). Which receiver addresses are
 * allowed is the one outbound policy's business ({@code copydesk.outbound.*}, which takes the older
 * {@code copydesk.webhooks.allow-private-addresses} as its default).
 */
@ConfigurationProperties("copydesk.webhooks")
public record WebhookSettings(
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT10S") Duration firstRetryDelay,
        @DefaultValue("PT1H") Duration maxRetryDelay) {

    public WebhookSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("copydesk.webhooks.max-attempts must be at least 1");
        }
    }

    /** How long to wait before the next attempt, after {@code attemptsSoFar} failed ones. */
    public Duration delayAfter(int attemptsSoFar) {
        return Backoff.delayAfter(firstRetryDelay, maxRetryDelay, attemptsSoFar);
    }
}
