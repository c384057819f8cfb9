package dev.copydesk.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.retention.*}: how long personal data is kept, and when the erase job runs.
 *
 * @param commentPrivateData how long a comment's author email and client address hash are kept
 *        after the comment was written (ISO-8601, default {@code P90D})
 * @param eraseCron when the erase job runs on each node (Spring cron, default daily at 03:17)
 */
@ConfigurationProperties("copydesk.retention")
public record RetentionProperties(
        @DefaultValue("P90D") Duration commentPrivateData,
        @DefaultValue("0 17 3 * * *") String eraseCron) {
}
