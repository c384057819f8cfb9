package dev.copydesk.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code copydesk.moderation.*}. Empty since the queue total is an exact counter
 * ({@link QueueCounts}): the former {@code queue-total-cache-ttl} is no longer read.
 */
@ConfigurationProperties("copydesk.moderation")
public record ModerationProperties() {
}
