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
 */
@ConfigurationProperties("copydesk.mail")
record MailSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("copydesk@localhost") String from,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("PT15M") Duration moderatorDigestInterval) {
}
