package dev.copydesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.CopydeskEvent;
import dev.copydesk.shared.Ids;

/**
 * The bounded journal of committed events: the last {@code replayLimit} events of the last
 * {@code replayWindow}. It gives every event its id and sequence number and serves replays.
 */
@Component
class EventJournal {

    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JournalEntries entries;
    private final ObjectMapper json;
    private final LiveEventSettings settings;
    private final Clock clock;

    EventJournal(JournalEntries entries, ObjectMapper json, LiveEventSettings settings, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a committed event in a transaction of its own (the causing one has committed already). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public PublishedEvent append(CopydeskEvent event) {
        Map<String, Object> data = event.data() == null ? Map.of() : event.data();
        Instant occurredAt = event.occurredAt() == null ? Instant.now(clock) : event.occurredAt();
        JournalEntry entry = entries.saveAndFlush(new JournalEntry(Ids.newId(), event.type(), occurredAt,
                Instant.now(clock), write(data)));
        // Read the data back through JSON so every channel serves exactly what a replay would.
        return toEvent(entry);
    }

    /** The events after {@code lastSeen} a reconnecting client missed, within the replay bounds, oldest first. */
    @Transactional(readOnly = true)
    public List<PublishedEvent> after(long lastSeen) {
        long floor = Math.max(lastSeen, entries.lastSeq() - settings.replayLimit());
        return entries.findAfter(floor, Instant.now(clock).minus(settings.replayWindow()),
                        Limit.of(settings.replayLimit()))
                .stream().map(this::toEvent).toList();
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    @Transactional
    public void prune() {
        long upTo = entries.lastSeq() - settings.replayLimit();
        int removed = entries.prune(Instant.now(clock).minus(settings.replayWindow()), upTo);
        if (removed > 0) {
            log.debug("Pruned {} journal entries beyond the replay bounds", removed);
        }
    }

    private PublishedEvent toEvent(JournalEntry entry) {
        return new PublishedEvent(entry.seq(), entry.eventId(), entry.type(), entry.occurredAt(), read(entry.data()));
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable as JSON", e);
        }
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journal entry holds invalid JSON", e);
        }
    }
}
