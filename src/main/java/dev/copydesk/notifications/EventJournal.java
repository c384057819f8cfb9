package dev.copydesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Journals an event in the caller's transaction and gives it its sequence number; empty when the
     * event was journaled before (a resubmission after a crash), so nothing is sent twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PublishedEvent> record(CommittedEvent event) {
        if (entries.existsByEventId(event.id())) {
            return Optional.empty();
        }
        JournalEntry entry = entries.saveAndFlush(new JournalEntry(event.id(), event.type(), event.occurredAt(),
                Instant.now(clock), event.data()));
        // Read the data back through JSON so every channel serves exactly what a replay would.
        return Optional.of(toEvent(entry));
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

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journal entry holds invalid JSON", e);
        }
    }
}
