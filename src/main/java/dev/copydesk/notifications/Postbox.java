package dev.copydesk.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends letters over SMTP, one message per recipient so nobody sees another's address. A failure
 * is logged and dropped: mail is a courtesy, never a reason to fail or repeat an editorial decision.
 */
@Component
class Postbox {

    private static final Logger log = LoggerFactory.getLogger(Postbox.class);

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> sender;

    Postbox(MailSettings settings, ObjectProvider<JavaMailSender> sender) {
        this.settings = settings;
        this.sender = sender;
    }

    boolean send(Letter letter) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("Mail is enabled but no mail server is configured (spring.mail.host); '{}' not sent",
                    letter.subject());
            return false;
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
            return true;
        } catch (MessagingException | MailException e) {
            log.warn("Mail '{}' to a recipient at {} was not sent: {}", letter.subject(), domainOf(letter.to()),
                    e.getMessage());
            return false;
        }
    }

    private static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "?" : address.substring(at + 1);
    }
}
