package dev.copydesk.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends letters over SMTP, one message per recipient so nobody sees another's address. It only
 * reports what went wrong; {@link MailAttempts} records it and the engine retries.
 */
@Component
class Postbox {

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> sender;

    Postbox(MailSettings settings, ObjectProvider<JavaMailSender> sender) {
        this.settings = settings;
        this.sender = sender;
    }

    /** Sends one letter; null when the server took it, else what went wrong (never the recipient's address). */
    String send(Letter letter) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return "No mail server is configured (spring.mail.host)";
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(letter.to());
            helper.setSubject(letter.subject());
            helper.setText(letter.text(), letter.html());
            if (letter.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
            }
            mail.send(message);
            return null;
        } catch (MessagingException | MailException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return e.getClass().getSimpleName() + ": " + describe(cause);
        }
    }

    private static String describe(Throwable cause) {
        // The server's or the socket's message, without any address it may quote.
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("[^\\s<>]+@[^\\s<>]+", "<address>");
    }
}
