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

import dev.copydesk.sections.Sections;
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
    private final Sections sections;
    private final ObjectMapper json;
    private final Clock clock;

    Webhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, OutboundAddressPolicy addresses,
            DeliveryScheduler scheduler, Sections sections, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.sections = sections;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registers a receiver; 400 naming every wrong field: a refused address, an unknown event type, a
     * section that does not exist. No sections (or {@code null}) means the whole newsroom.
     */
    @Transactional
    public WebhookDetails register(NewWebhook request) {
        InvalidRequestException.Collector wrong = new InvalidRequestException.Collector();
        addresses.refusalAtSave(request.url()).ifPresent(reason -> wrong.add("url", "The URL " + reason));
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < request.events().size(); i++) {
            String type = request.events().get(i);
            if (type == null || !EventTypes.isKnown(type)) {
                wrong.add("events[" + i + "]", "must be one of " + EventTypes.ALL);
            } else {
                types.add(type);
            }
        }
        if (request.events().isEmpty()) {
            wrong.add("events", "must name at least one event type");
        }
        Set<String> desks = new LinkedHashSet<>();
        List<String> named = request.sections() == null ? List.of() : request.sections();
        for (int i = 0; i < named.size(); i++) {
            String slug = named.get(i);
            if (slug == null || sections.find(slug.trim()).isEmpty()) {
                wrong.add("sections[" + i + "]", "names no section: " + slug);
            } else {
                desks.add(slug.trim());
            }
        }
        wrong.throwIfAny();
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(request.url(), request.secret(), types, desks,
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
     * Stores one delivery per active endpoint subscribed to the event and covering its section
     * (endpoints limited to sections get only their sections' events) and schedules them, in the
     * transaction that journals the event. An endpoint that has this event already (a resubmission
     * whose journal entry was pruned meanwhile) gets no second delivery.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(PublishedEvent event) {
        String section = event.text("section");
        List<WebhookEndpoint> subscribed = endpoints.findActiveSubscribedTo(event.type()).stream()
                .filter(endpoint -> endpoint.covers(section)).toList();
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
        return new WebhookDetails(e.id(), e.url(), List.copyOf(e.events()), List.copyOf(e.sections()), e.active(),
                e.createdAt());
    }

    /** A receiver to register; {@code sections} empty or {@code null} for the whole newsroom. */
    public record NewWebhook(String url, String secret, List<String> events, @Nullable List<String> sections) {
    }

    /**
     * A registered receiver as administrators see it; never its secret. {@code sections} empty: every
     * section's events.
     */
    public record WebhookDetails(String id, String url, List<String> events, List<String> sections, boolean active,
            Instant createdAt) {
    }

    /** One delivery and its attempts; {@code event} is the event type. */
    public record DeliveryDetails(String id, String event, String eventId, DeliveryStatus status, int attempts,
            @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {
    }
}
