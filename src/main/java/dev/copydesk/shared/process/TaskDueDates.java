package dev.copydesk.shared.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Due dates for user tasks, so Tasklist, Cockpit and the overdue gauge see the SLA our own tables
 * know: {@code camunda:dueDate="${taskDueDates.after(reviewSla)}"}. The same ISO-8601 duration feeds
 * the task's SLA timer, so the due date and the timer agree.
 */
@Component("taskDueDates")
@ExposedToProcesses
public class TaskDueDates {

    private final Clock clock;

    TaskDueDates(Clock clock) {
        this.clock = clock;
    }

    /** Now plus an ISO-8601 duration such as {@code PT48H}. */
    public Date after(String isoDuration) {
        return Date.from(clock.instant().plus(Duration.parse(isoDuration)));
    }
}
