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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

import dev.copydesk.notifications.process.MailDeliveryProcess;

/**
 * Reads what arrived at the test SMTP server, per recipient. The job executor is off in tests, so
 * while waiting it runs the due {@code mail-delivery} jobs itself, as the executor would.
 */
final class Mailbox {

    private final GreenMail server = TestMailServer.server();
    private final ManagementService management;

    Mailbox(ManagementService management) {
        this.management = management;
    }

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

    /** Waits (at most 30 s: a test's event may mail every editor of the shared context) until {@code count} mails reached {@code address}, and returns them. */
    List<MimeMessage> await(String address, int count) throws Exception {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        sendQueuedMail();
                        return to(address).size() >= count;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected " + count + " mail(s) to " + address + " but got "
                    + to(address).size());
        }
        return to(address);
    }

    /** Runs every due mail job once; a failing attempt stays for the engine's retry, as in production. */
    int sendQueuedMail() {
        List<Job> due = management.createJobQuery().processDefinitionKey(MailDeliveryProcess.KEY).executable().list();
        for (Job job : due) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException failedAttempt) {
                // recorded on the delivery and retried later
            }
        }
        return due.size();
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
