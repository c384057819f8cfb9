package dev.copydesk.moderation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.moderation.*}.
 *
 * @param queueTotalCacheTtl how long the {@code total} of a queue may be served from memory (counting a
 *                           million rows on every page would cost more than the page itself); 0 turns it off
 */
@ConfigurationProperties("copydesk.moderation")
public record ModerationProperties(@DefaultValue("PT2S") Duration queueTotalCacheTtl) {
}
