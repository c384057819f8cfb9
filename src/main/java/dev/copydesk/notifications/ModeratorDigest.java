package dev.copydesk.notifications;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;

/**
 * Moderators hear about overdue queue items in one digest per interval, not one mail per comment:
 * {@code comment.queue_overdue} events are collected, and every {@code moderator-digest-interval}
 * the collected items go out as one mail to each moderator.
 */
@Component
class ModeratorDigest {

    private static final Logger log = LoggerFactory.getLogger(ModeratorDigest.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DigestItems items;
    private final AccountDirectory directory;
    private final MailQueue queue;
    private final MailSettings settings;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    ModeratorDigest(DigestItems items, AccountDirectory directory, MailQueue queue, MailSettings settings,
            ObjectMapper json, PlatformTransactionManager transactions) {
        this.items = items;
        this.directory = directory;
        this.queue = queue;
        this.settings = settings;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Keeps an overdue item for the next digest, in the caller's transaction (the one journaling the event). */
    void collect(PublishedEvent event) {
        if (items.existsByEventId(event.id())) {
            return;
        }
        try {
            items.save(new DigestItem(event.id(), event.occurredAt(), json.writeValueAsString(event.data())));
        } catch (JsonProcessingException e) {
            log.warn("Overdue item {} could not be stored for the digest", event.id());
        }
    }

    /**
     * Queues what was collected as one mail to each moderator, in the transaction that takes the
     * items, so a digest is never lost between the two; returns how many items went out.
     */
    @Scheduled(fixedDelayString = "${copydesk.mail.moderator-digest-interval:PT15M}",
            initialDelayString = "${copydesk.mail.moderator-digest-interval:PT15M}")
    public int send() {
        if (!settings.enabled()) {
            return 0;
        }
        Integer sent = transaction.execute(status -> {
            List<DigestItem> all = items.findAllByOrderByIdAsc();
            if (all.isEmpty()) {
                return 0;
            }
            items.deleteAllInBatch(all);
            List<PublishedEvent> taken = all.stream().map(this::toEvent).toList();
            for (StaffMember moderator : directory.staffWithRole(Role.MODERATOR)) {
                if (moderator.email() != null) {
                    queue.queue(null, MailDelivery.DIGEST,
                            Letters.moderatorDigest(moderator.email(), moderator.displayName(), taken));
                }
            }
            return taken.size();
        });
        return sent == null ? 0 : sent;
    }

    private PublishedEvent toEvent(DigestItem item) {
        try {
            return new PublishedEvent(0, item.eventId(), EventTypes.COMMENT_QUEUE_OVERDUE, item.occurredAt(),
                    json.readValue(item.data(), MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Digest item holds invalid JSON", e);
        }
    }
}
