package dev.copydesk.notifications;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import dev.copydesk.shared.outbound.OutboundAddressPolicy.RefusedAddressException;
import dev.copydesk.shared.outbound.OutboundHttp;

/**
 * One delivery attempt: re-checks the receiver's address (DNS may have changed since registration)
 * and POSTs the stored body, signed with a fresh timestamp, to exactly the address that was checked
 * ({@link OutboundHttp}), and records the outcome in a transaction of
 * its own so a failed attempt stays recorded when the engine rolls its job back to retry it.
 */
@Service
public class WebhookAttempts {

    private static final Logger log = LoggerFactory.getLogger(WebhookAttempts.class);

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final OutboundHttp http;
    private final WebhookSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    WebhookAttempts(WebhookDeliveries deliveries, WebhookEndpoints endpoints, OutboundHttp http,
            WebhookSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        // Never follows redirects: a 30x to an internal address would walk around the address check.
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Attempts the delivery once. Returns normally when it is done (delivered, given up, or gone);
     * throws {@link WebhookAttemptFailed} when the engine should retry it later.
     */
    public void attempt(String deliveryId) {
        Optional<Target> target = ownTransaction.execute(status -> deliveries.findById(deliveryId)
                .filter(d -> !d.finished())
                .flatMap(d -> endpoints.findById(d.endpointId())
                        .map(e -> new Target(e.url(), e.secret(), d.eventId(), d.eventType(), d.payload(),
                                d.record().attempts()))));
        if (target.isEmpty()) {
            return;
        }
        Target t = target.get();
        String error;
        try {
            error = post(t);
        } catch (RefusedAddressException refused) {
            record(deliveryId, "Receiver refused: the URL " + refused.getMessage(), true);
            return;
        }
        if (error == null) {
            ownTransaction.executeWithoutResult(status -> deliveries.findById(deliveryId)
                    .ifPresent(d -> d.delivered(Instant.now(clock))));
            return;
        }
        boolean giveUp = t.attemptsSoFar() + 1 >= settings.maxAttempts();
        record(deliveryId, error, giveUp);
        if (!giveUp) {
            throw new WebhookAttemptFailed(error);
        }
        log.warn("Webhook delivery {} of event {} failed for good after {} attempts: {}", deliveryId,
                t.eventId(), t.attemptsSoFar() + 1, error);
    }

    /**
     * The engine's retry cycle for a delivery's next attempt (ISO 8601 repeat), growing with the
     * attempts already made: {@code R<max-attempts>/<delay>}.
     */
    public String retryCycle(String deliveryId) {
        int attempts = ownTransaction.execute(status -> deliveries.findById(deliveryId)
                .map(d -> d.record().attempts()).orElse(1));
        return Backoff.retryCycle(settings.maxAttempts(), settings.firstRetryDelay(), settings.maxRetryDelay(),
                attempts);
    }

    private void record(String deliveryId, String error, boolean giveUp) {
        ownTransaction.executeWithoutResult(status -> deliveries.findById(deliveryId)
                .ifPresent(d -> d.failed(error, giveUp)));
    }

    /** Sends one attempt; null when the receiver answered 2xx, else what went wrong. */
    private String post(Target t) throws RefusedAddressException {
        long timestamp = Instant.now(clock).getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "Copydesk-Webhooks/1");
        headers.put(WebhookSignature.EVENT_ID_HEADER, t.eventId());
        headers.put(WebhookSignature.EVENT_TYPE_HEADER, t.eventType());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(t.secret(), timestamp, t.payload()));
        try {
            OutboundHttp.Response response = http.post(t.url(), headers, t.payload().getBytes(StandardCharsets.UTF_8),
                    settings.connectTimeout(), settings.readTimeout(), 0);
            int status = response.status();
            return status >= 200 && status < 300 ? null : "Receiver answered HTTP " + status;
        } catch (SocketTimeoutException e) {
            return "Receiver timed out (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "Receiver unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return "Invalid receiver URL";
        }
    }

    private record Target(String url, String secret, String eventId, String eventType, String payload,
            int attemptsSoFar) {
    }

    /** An attempt failed and should be retried by the engine. */
    public static class WebhookAttemptFailed extends RuntimeException {
        public WebhookAttemptFailed(String message) {
            super(message);
        }
    }
}
