package dev.copydesk.moderation.process;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.copydesk.moderation.ModerationSettingsStore;

import dev.copydesk.shared.process.ExposedToProcesses;

/**
 * The queue SLA, read by the process's boundary timer ({@code ${commentQueueSla.duration()}}) and by
 * the delegates that compute a queued comment's {@code dueAt}, so both agree.
 */
@Component("commentQueueSla")
@ExposedToProcesses
public class CommentQueueSla {

    private final ModerationSettingsStore settings;
    private final Clock clock;

    CommentQueueSla(ModerationSettingsStore settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The ISO-8601 duration, for the timer. */
    public String duration() {
        return settings.current().queueSlaDuration().toString();
    }

    Instant dueFromNow() {
        return clock.instant().plus(settings.current().queueSlaDuration());
    }
}
