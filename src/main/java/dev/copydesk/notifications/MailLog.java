package dev.copydesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.NotFoundException;

/**
 * The mail delivery log as administrators read it: the latest mails with their attempts, a failed
 * one sent again on request, and the log pruned after {@code copydesk.mail.delivery-log-retention}.
 * Recipients are shown masked ({@code f***@example.org}): enough to answer "did the writer get it",
 * not a list of readers' addresses.
 */
@Service
@Transactional(readOnly = true)
public class MailLog {

    /** The most recent mails served at once. */
    static final int PAGE = 200;

    private static final Logger log = LoggerFactory.getLogger(MailLog.class);

    private final MailDeliveries deliveries;
    private final DeliveryScheduler scheduler;
    private final MailSettings settings;
    private final Clock clock;

    MailLog(MailDeliveries deliveries, DeliveryScheduler scheduler, MailSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** The latest mails, newest first, optionally only those in one status. */
    public List<MailDetails> latest(DeliveryStatus status) {
        List<MailDelivery> found = status == null
                ? deliveries.findAllByOrderByCreatedAtDesc(Limit.of(PAGE))
                : deliveries.findByRecordStatusOrderByCreatedAtDesc(status, Limit.of(PAGE));
        return found.stream().map(MailLog::details).toList();
    }

    /** Sends a FAILED mail again with a fresh round of attempts; 409 for one that is not FAILED. */
    @Transactional
    public MailDetails retry(String id) {
        MailDelivery delivery = Ids.isWellFormed(id) ? deliveries.findById(id).orElse(null) : null;
        if (delivery == null) {
            throw new NotFoundException("Mail delivery", id);
        }
        if (delivery.record().status() != DeliveryStatus.FAILED) {
            throw new ConflictException("Only a FAILED mail can be sent again",
                    delivery.record().status().name());
        }
        delivery.record().retried();
        scheduler.scheduleMail(delivery.id());
        return details(delivery);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    @Transactional
    public void prune() {
        int removed = deliveries.pruneFinishedBefore(Instant.now(clock).minus(settings.deliveryLogRetention()),
                List.of(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED));
        if (removed > 0) {
            log.debug("Pruned {} mails from the delivery log", removed);
        }
    }

    static String mask(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static MailDetails details(MailDelivery d) {
        return new MailDetails(d.id(), d.kind(), d.eventId(), mask(d.recipient()), d.subject(), d.record().status(),
                d.record().attempts(), d.record().lastError(), d.createdAt(), d.record().deliveredAt());
    }

    /** One mail as administrators see it; {@code kind} is the event type or {@code moderator.digest}. */
    public record MailDetails(String id, String kind, @Nullable String eventId, String recipient, String subject,
            DeliveryStatus status, int attempts, @Nullable String lastError, Instant createdAt,
            @Nullable Instant deliveredAt) {
    }
}
