package dev.copydesk.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** Reads what arrived at the test SMTP server: per recipient, with a deadline instead of sleeps. */
final class Mailbox {

    private final GreenMail server = TestMailServer.server();

    void empty() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }

    List<MimeMessage> to(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                found.add(message);
            }
        }
        return found;
    }

    /** Waits (at most 10 s) until {@code count} mails reached {@code address}, and returns them. */
    List<MimeMessage> await(String address, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> found = to(address);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = to(address);
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " mail(s) to " + address + " but got " + found.size());
        }
        return found;
    }

    /** The content of every part of a message with the given MIME type (recursing into multiparts). */
    static List<String> parts(Part part, String mimeType) throws Exception {
        List<String> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                found.addAll(parts(body, mimeType));
            }
        } else if (part.isMimeType(mimeType)) {
            found.add(part.getContent().toString());
        }
        return found;
    }
}
