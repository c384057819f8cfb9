package dev.copydesk.notifications;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.mail.*}: mail is off unless enabled; the SMTP server itself is Spring's
 * {@code spring.mail.*}.
 *
 * @param from the sender address of every mail
 * @param publicUrl where readers reach Copydesk; unsubscribe links start with it
 * @param moderatorDigestInterval how often overdue queue items are collected into one digest per moderator
 * @param maxAttempts how many times one mail is tried before it is marked FAILED (an ADMIN can retry it)
 * @param firstRetryDelay the wait after the first failed attempt; each next wait is four times longer
 * @param maxRetryDelay the longest wait between two attempts
 * @param deliveryLogRetention how long the delivery log keeps a mail (with its recipient) after it was created
 */
@ConfigurationProperties("copydesk.mail")
record MailSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("copydesk@localhost") String from,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("PT15M") Duration moderatorDigestInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetryDelay,
        @DefaultValue("PT1H") Duration maxRetryDelay,
        @DefaultValue("P30D") Duration deliveryLogRetention) {

    MailSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("copydesk.mail.max-attempts must be at least 1");
        }
    }
}
