package dev.copydesk.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queue-depth gauges: open and overdue user tasks per process and task, and the depth of every
 * {@link QueueDepthSource}'s queues. The numbers are counted on a background thread every
 * {@code copydesk.metrics.refresh-interval} (default 10 s) and cached, so a scrape costs nothing
 * and the database sees a few counts per node and interval, whatever the scrape rate.
 *
 * <p>Tasks are counted through the engine's API ({@link OpenTasks}, implemented in {@code process}).
 * A task is overdue when its due date ({@code camunda:dueDate} in the BPMN, the SLA) is in the past.
 * When the database is unreachable the last values stay published.
 */
@Component
class WorkflowGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(WorkflowGauges.class);

    private final OpenTasks tasks;
    private final Clock clock;
    private final List<QueueDepthSource> queues;
    private MultiGauge open;
    private MultiGauge overdue;
    private MultiGauge depth;

    WorkflowGauges(OpenTasks tasks, Clock clock, List<QueueDepthSource> queues) {
        this.tasks = tasks;
        this.clock = clock;
        this.queues = List.copyOf(queues);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        open = MultiGauge.builder(WorkflowMetrics.TASKS_OPEN)
                .description("Open user tasks, by process definition key and task definition key")
                .register(registry);
        overdue = MultiGauge.builder(WorkflowMetrics.TASKS_OVERDUE)
                .description("Open user tasks past their due date, by process and task")
                .register(registry);
        depth = MultiGauge.builder(WorkflowMetrics.QUEUE_DEPTH)
                .description("Items waiting, by queue")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${copydesk.metrics.refresh-interval:PT10S}",
            initialDelayString = "${copydesk.metrics.refresh-interval:PT10S}")
    void scheduledRefresh() {
        refresh();
    }

    /** Counts again now; the scheduler calls it, and tests call it to avoid waiting. */
    void refresh() {
        if (open == null) {
            return;
        }
        try {
            refreshTasks();
        } catch (RuntimeException e) {
            log.debug("Could not count open tasks; keeping the last values: {}", e.toString());
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (QueueDepthSource source : queues) {
            try {
                source.queueDepths().forEach((queue, count) -> rows.add(MultiGauge.Row.of(Tags.of("queue", queue), count)));
            } catch (RuntimeException e) {
                log.debug("Could not read queue depths from {}; keeping the last values", source.getClass().getSimpleName(), e);
                return;
            }
        }
        depth.register(rows, true);
    }

    private void refreshTasks() {
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        for (OpenTasks.TaskCount count : tasks.count(clock.instant())) {
            Tags tags = Tags.of("process", count.process(), "task", count.task());
            openRows.add(MultiGauge.Row.of(tags, count.open()));
            overdueRows.add(MultiGauge.Row.of(tags, count.overdue()));
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
