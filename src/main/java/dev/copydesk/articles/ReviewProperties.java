package dev.copydesk.articles;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Article review settings ({@code copydesk.review.*}).
 *
 * @param sla how long a review may stay undecided before it is marked overdue and editors are told
 *            ({@code copydesk.review.sla}, ISO-8601 or Spring duration, default 24 hours)
 */
@ConfigurationProperties("copydesk.review")
public record ReviewProperties(@DefaultValue("PT24H") Duration sla) {
}
