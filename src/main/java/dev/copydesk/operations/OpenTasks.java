package dev.copydesk.operations;

import java.time.Instant;
import java.util.List;

/** Open user tasks, as the workflow engine knows them, for the task gauges. */
public interface OpenTasks {

    /** Every (process, task) with at least one open task, and how many of them are past their due date. */
    List<TaskCount> count(Instant now);

    record TaskCount(String process, String task, long open, long overdue) {
    }
}
