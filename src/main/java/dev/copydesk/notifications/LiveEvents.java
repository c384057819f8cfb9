package dev.copydesk.notifications;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.shared.ClientAddressKey;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.TooManyRequestsException;

/**
 * The live streams: Server-Sent Events to staff and readers, each filtered by its audience. Events
 * reach subscribers after their transaction committed, in journal order, on one sending thread of
 * its own, so a slow client never holds up the request that caused the event. A reconnecting client
 * sends {@code Last-Event-ID} and is first replayed what it missed, within the journal's bounds.
 * <p>
 * Streams are held in two budgets, public and staff, so anonymous readers can never take the
 * streams staff need; within its budget a client address (public) or a staff account may hold only
 * a few streams at once. A public stream is only opened for an article that is live.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final EventJournal journal;
    private final LiveEventSettings settings;
    private final ObjectMapper json;
    private final PublishedArticles articles;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Open streams per budget and per client of it; changed only under the lock of {@link #subscribers}. */
    private final Map<Budget, Integer> perBudget = new HashMap<>();
    private final Map<String, Integer> perClient = new HashMap<>();
    /** One Spring-managed thread (NotificationsConfiguration): sends in order, stops with the context. */
    private final TaskExecutor sender;

    LiveEvents(EventJournal journal, LiveEventSettings settings, ObjectMapper json, PublishedArticles articles,
            @Qualifier(NotificationsConfiguration.LIVE_EVENTS_EXECUTOR) TaskExecutor sender) {
        this.sender = sender;
        this.journal = journal;
        this.settings = settings;
        this.json = json;
        this.articles = articles;
    }

    /** The two budgets of streams: readers' and staff's. */
    enum Budget { PUBLIC, STAFF }

    /**
     * A staff stream filtered by {@code member}'s roles; with {@code lastEventId} it starts with the
     * events after that one. 429 beyond {@code max-staff-streams-per-account} for this account, 503
     * ({@link StreamsExhaustedException}) beyond {@code max-staff-subscribers}.
     */
    public SseEmitter subscribeStaff(StaffMember member, Long lastEventId) {
        return subscribe(EventAudience.staff(member), lastEventId, Budget.STAFF, "staff:" + member.id());
    }

    /**
     * A reader's stream of one live article. 404 when no live article has this slug, 429 beyond
     * {@code max-public-streams-per-client} for this client address, 503 beyond
     * {@code max-public-subscribers}.
     */
    public SseEmitter subscribePublic(String slug, String clientAddress, Long lastEventId) {
        if (articles.findBySlug(slug).isEmpty()) {
            throw new NotFoundException("Article", slug);
        }
        return subscribe(EventAudience.publicArticle(slug), lastEventId, Budget.PUBLIC,
                "public:" + ClientAddressKey.of(clientAddress));
    }

    SseEmitter subscribe(EventAudience audience, Long lastEventId, Budget budget, String client) {
        SseEmitter emitter = new SseEmitter(settings.subscriberTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, audience, lastEventId == null ? Long.MIN_VALUE : lastEventId,
                budget, client);
        synchronized (subscribers) {
            boolean staff = budget == Budget.STAFF;
            if (perClient.getOrDefault(client, 0) >= (staff ? settings.maxStaffStreamsPerAccount()
                    : settings.maxPublicStreamsPerClient())) {
                throw new TooManyRequestsException(staff ? "Too many live streams are open for this account"
                        : "Too many live streams are open from this address", Duration.ofSeconds(30));
            }
            if (perBudget.getOrDefault(budget, 0) >= (staff ? settings.maxStaffSubscribers()
                    : settings.maxPublicSubscribers())) {
                throw new StreamsExhaustedException();
            }
            subscribers.add(subscriber);
            perBudget.merge(budget, 1, Integer::sum);
            perClient.merge(client, 1, Integer::sum);
        }
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> {
            remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> remove(subscriber));
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        } catch (IOException e) {
            remove(subscriber);
        }
        List<PublishedEvent> missed = lastEventId == null ? List.of() : journal.after(lastEventId);
        subscriber.finishReplay(missed);
        return emitter;
    }

    /** Forgets a stream once, however many of completion, timeout, error and a failed send report it. */
    private void remove(Subscriber subscriber) {
        synchronized (subscribers) {
            if (subscribers.remove(subscriber)) {
                perBudget.merge(subscriber.budget, -1, Integer::sum);
                perClient.computeIfPresent(subscriber.client, (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** Sends a committed event to every subscriber that may see it, in order, off the caller's thread. */
    void publish(PublishedEvent event) {
        sender.execute(() -> {
            for (Subscriber subscriber : subscribers) {
                subscriber.offer(event);
            }
        });
    }

    /** A comment line to every stream now and then, so proxies keep idle connections open. */
    @Scheduled(fixedDelayString = "${copydesk.events.heartbeat-interval:PT15S}",
            initialDelayString = "${copydesk.events.heartbeat-interval:PT15S}")
    public void heartbeat() {
        sender.execute(() -> {
            for (Subscriber subscriber : subscribers) {
                subscriber.heartbeat();
            }
        });
    }

    /** How many streams are open now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** How many streams of {@code budget} are open now. */
    int subscriberCount(Budget budget) {
        synchronized (subscribers) {
            return perBudget.getOrDefault(budget, 0);
        }
    }

    @PreDestroy
    void close() {
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter.complete();
        }
    }

    /** All streams of a budget ({@code max-public-subscribers} or {@code max-staff-subscribers}) are in use (503). */
    public static class StreamsExhaustedException extends RuntimeException {
        StreamsExhaustedException() {
            super("Too many live streams are open; try again later");
        }
    }

    /**
     * One open stream. Until its replay is sent, live events are held back, then sent after the
     * replay with duplicates dropped, so a reconnecting client sees every event once and in order.
     */
    private final class Subscriber {

        private final SseEmitter emitter;
        private final EventAudience audience;
        private final Budget budget;
        private final String client;
        private final List<PublishedEvent> held = new ArrayList<>();
        private long lastSent;
        private boolean replaying = true;

        Subscriber(SseEmitter emitter, EventAudience audience, long lastSent, Budget budget, String client) {
            this.emitter = emitter;
            this.audience = audience;
            this.lastSent = lastSent;
            this.budget = budget;
            this.client = client;
        }

        synchronized void finishReplay(List<PublishedEvent> missed) {
            missed.forEach(this::deliver);
            held.forEach(this::deliver);
            held.clear();
            replaying = false;
        }

        synchronized void offer(PublishedEvent event) {
            if (replaying) {
                held.add(event);
            } else {
                deliver(event);
            }
        }

        synchronized void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                drop(e);
            }
        }

        private void deliver(PublishedEvent event) {
            if (event.seq() <= lastSent) {
                return;
            }
            lastSent = event.seq();
            Optional<Map<String, Object>> view = audience.view(event);
            if (view.isEmpty()) {
                return;
            }
            try {
                emitter.send(SseEmitter.event()
                        .id(Long.toString(event.seq()))
                        .name(event.type())
                        .data(json.writeValueAsString(event.envelope(view.get())), MediaType.APPLICATION_JSON));
            } catch (JsonProcessingException e) {
                log.warn("Event {} could not be serialised for the live stream", event.id());
            } catch (IOException | IllegalStateException e) {
                drop(e);
            }
        }

        private void drop(Exception e) {
            remove(this);
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }
}
