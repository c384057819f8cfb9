package dev.copydesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to send a stored mail, recorded in a transaction of its own so a failed attempt stays
 * recorded when the engine rolls its job back to retry it. After {@code copydesk.mail.max-attempts}
 * the mail is FAILED and stays in the delivery log, where an ADMIN can send it again.
 */
@Service
public class MailAttempts {

    private static final Logger log = LoggerFactory.getLogger(MailAttempts.class);

    private final MailDeliveries deliveries;
    private final Postbox postbox;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    MailAttempts(MailDeliveries deliveries, Postbox postbox, MailSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.postbox = postbox;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends the mail once. Returns normally when it is done (sent, given up, or gone); throws
     * {@link MailAttemptFailed} when the engine should try again later.
     */
    public void attempt(String deliveryId) {
        Optional<Pending> pending = ownTransaction.execute(status -> deliveries.findById(deliveryId)
                .filter(d -> !d.record().finished())
                .map(d -> new Pending(d.letter(), d.record().attempts())));
        if (pending.isEmpty()) {
            return;
        }
        String error = postbox.send(pending.get().letter());
        if (error == null) {
            ownTransaction.executeWithoutResult(status -> deliveries.findById(deliveryId)
                    .ifPresent(d -> d.record().delivered(Instant.now(clock))));
            return;
        }
        boolean giveUp = pending.get().attemptsSoFar() + 1 >= settings.maxAttempts();
        ownTransaction.executeWithoutResult(status -> deliveries.findById(deliveryId)
                .ifPresent(d -> d.record().failed(error, giveUp)));
        if (!giveUp) {
            throw new MailAttemptFailed(error);
        }
        log.warn("Mail delivery {} failed for good after {} attempts: {}", deliveryId,
                pending.get().attemptsSoFar() + 1, error);
    }

    /** The engine's retry cycle for a mail's next attempt, growing with the attempts already made. */
    public String retryCycle(String deliveryId) {
        int attempts = ownTransaction.execute(status -> deliveries.findById(deliveryId)
                .map(d -> d.record().attempts()).orElse(1));
        return Backoff.retryCycle(settings.maxAttempts(), settings.firstRetryDelay(), settings.maxRetryDelay(),
                attempts);
    }

    private record Pending(Letter letter, int attemptsSoFar) {
    }

    /** An attempt failed and should be retried by the engine. */
    public static class MailAttemptFailed extends RuntimeException {
        public MailAttemptFailed(String message) {
            super(message);
        }
    }
}
