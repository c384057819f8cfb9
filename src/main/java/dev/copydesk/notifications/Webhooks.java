package dev.copydesk.notifications;

import org.springframework.lang.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.outbound.OutboundAddressPolicy;

/**
 * The webhooks API: administrators register receivers; committed events become one stored
 * delivery per subscribed endpoint, handed to the engine's job executor.
 */
@Service
@Transactional(readOnly = true)
public class Webhooks {

    /** The most recent deliveries served for one endpoint. */
    static final int DELIVERY_PAGE = 200;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final OutboundAddressPolicy addresses;
    private final DeliveryScheduler scheduler;
    private final ObjectMapper json;
    private final Clock clock;

    Webhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, OutboundAddressPolicy addresses,
            DeliveryScheduler scheduler, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
    }

    /** Registers a receiver; 400 for a refused address or an unknown event type. */
    @Transactional
    public WebhookDetails register(NewWebhook request) {
        addresses.refusalAtSave(request.url()).ifPresent(reason -> {
            throw new InvalidRequestException("url", "The URL " + reason);
        });
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < request.events().size(); i++) {
            String type = request.events().get(i);
            if (type == null || !EventTypes.isKnown(type)) {
                throw new InvalidRequestException("events[" + i + "]", "must be one of " + EventTypes.ALL);
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            throw new InvalidRequestException("events", "must name at least one event type");
        }
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(request.url(), request.secret(), types,
                Instant.now(clock)));
        return details(endpoint);
    }

    public List<WebhookDetails> all() {
        return endpoints.findAllByOrderByCreatedAtAsc().stream().map(Webhooks::details).toList();
    }

    /** Removes a receiver and its delivery record; queued attempts for it then do nothing. */
    @Transactional
    public void remove(String id) {
        WebhookEndpoint endpoint = find(id);
        deliveries.deleteByEndpointId(endpoint.id());
        endpoints.delete(endpoint);
    }

    /** The latest deliveries to one receiver, newest first. */
    public List<DeliveryDetails> deliveries(String endpointId) {
        WebhookEndpoint endpoint = find(endpointId);
        return deliveries.findByEndpointIdOrderByCreatedAtDesc(endpoint.id(), Limit.of(DELIVERY_PAGE)).stream()
                .map(d -> new DeliveryDetails(d.id(), d.eventType(), d.eventId(), d.record().status(),
                        d.record().attempts(), d.record().lastError(), d.createdAt(), d.record().deliveredAt()))
                .toList();
    }

    /**
     * Stores one delivery per active endpoint subscribed to the event and schedules them, in the
     * transaction that journals the event. An endpoint that has this event already (a resubmission
     * whose journal entry was pruned meanwhile) gets no second delivery.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(PublishedEvent event) {
        List<WebhookEndpoint> subscribed = endpoints.findActiveSubscribedTo(event.type());
        if (subscribed.isEmpty()) {
            return 0;
        }
        String payload;
        try {
            payload = json.writeValueAsString(event.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " is not serialisable", e);
        }
        for (WebhookEndpoint endpoint : subscribed) {
            if (deliveries.existsByEndpointIdAndEventId(endpoint.id(), event.id())) {
                continue;
            }
            WebhookDelivery delivery = deliveries.save(new WebhookDelivery(endpoint.id(), event.id(), event.type(),
                    payload, Instant.now(clock)));
            scheduler.schedule(delivery.id());
        }
        return subscribed.size();
    }

    private WebhookEndpoint find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("Webhook", id);
        }
        return endpoints.findById(id).orElseThrow(() -> new NotFoundException("Webhook", id));
    }

    private static WebhookDetails details(WebhookEndpoint e) {
        return new WebhookDetails(e.id(), e.url(), List.copyOf(e.events()), e.active(), e.createdAt());
    }

    /** A receiver to register. */
    public record NewWebhook(String url, String secret, List<String> events) {
    }

    /** A registered receiver as administrators see it; never its secret. */
    public record WebhookDetails(String id, String url, List<String> events, boolean active, Instant createdAt) {
    }

    /** One delivery and its attempts; {@code event} is the event type. */
    public record DeliveryDetails(String id, String event, String eventId, DeliveryStatus status, int attempts,
            @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {
    }
}
