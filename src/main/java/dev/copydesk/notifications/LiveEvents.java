package dev.copydesk.notifications;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams: Server-Sent Events to staff and readers, each filtered by its audience. Events
 * reach subscribers after their transaction committed, in journal order, on one sending thread of
 * its own, so a slow client never holds up the request that caused the event. A reconnecting client
 * sends {@code Last-Event-ID} and is first replayed what it missed, within the journal's bounds.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final EventJournal journal;
    private final LiveEventSettings settings;
    private final ObjectMapper json;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "copydesk-live-events");
        thread.setDaemon(true);
        return thread;
    });

    LiveEvents(EventJournal journal, LiveEventSettings settings, ObjectMapper json) {
        this.journal = journal;
        this.settings = settings;
        this.json = json;
    }

    /**
     * A new stream for {@code audience}; with {@code lastEventId} it starts with the events after
     * that one. Throws {@link StreamsExhaustedException} when {@code max-subscribers} are connected.
     */
    public SseEmitter subscribe(EventAudience audience, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(settings.subscriberTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, audience, lastEventId == null ? Long.MIN_VALUE : lastEventId);
        synchronized (subscribers) {
            if (subscribers.size() >= settings.maxSubscribers()) {
                throw new StreamsExhaustedException();
            }
            subscribers.add(subscriber);
        }
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        List<PublishedEvent> missed = lastEventId == null ? List.of() : journal.after(lastEventId);
        subscriber.finishReplay(missed);
        return emitter;
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

    @PreDestroy
    void close() {
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter.complete();
        }
        sender.shutdownNow();
    }

    /** All {@code max-subscribers} streams are in use (503). */
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
        private final List<PublishedEvent> held = new ArrayList<>();
        private long lastSent;
        private boolean replaying = true;

        Subscriber(SseEmitter emitter, EventAudience audience, long lastSent) {
            this.emitter = emitter;
            this.audience = audience;
            this.lastSent = lastSent;
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
            subscribers.remove(this);
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }
}
