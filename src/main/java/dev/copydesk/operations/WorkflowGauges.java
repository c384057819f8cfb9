package dev.copydesk.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queue-depth gauges: open and overdue user tasks per process and task, and the depth of every
 * {@link QueueDepthSource}'s queues. The numbers are counted on a background thread every
 * {@code copydesk.metrics.refresh-interval} (default 10 s) and cached, so a scrape costs nothing
 * and the database sees one grouped query per node and interval, whatever the scrape rate.
 *
 * <p>Tasks are counted with one grouped SQL query on the engine's runtime tables rather than one
 * {@code TaskQuery.count()} per task kind: it needs no list of process keys and is a single round
 * trip. A task is overdue when it has a due date ({@code camunda:dueDate} in the BPMN) in the past.
 * When the database is unreachable the last values stay published.
 */
@Component
class WorkflowGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(WorkflowGauges.class);

    static final String OPEN_TASKS_SQL = """
            select d.KEY_ as process_key, t.TASK_DEF_KEY_ as task_key, count(*) as open_tasks,
                   sum(case when t.DUE_DATE_ is not null and t.DUE_DATE_ < ? then 1 else 0 end) as overdue_tasks
            from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
            group by d.KEY_, t.TASK_DEF_KEY_""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final List<QueueDepthSource> queues;
    private MultiGauge open;
    private MultiGauge overdue;
    private MultiGauge depth;

    WorkflowGauges(JdbcTemplate jdbc, Clock clock, List<QueueDepthSource> queues) {
        this.jdbc = jdbc;
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
        } catch (DataAccessException e) {
            log.debug("Could not count open tasks; keeping the last values: {}", e.getMostSpecificCause().toString());
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
        jdbc.query(OPEN_TASKS_SQL, rs -> {
            Tags tags = Tags.of("process", String.valueOf(rs.getString("process_key")),
                    "task", String.valueOf(rs.getString("task_key")));
            openRows.add(MultiGauge.Row.of(tags, rs.getLong("open_tasks")));
            overdueRows.add(MultiGauge.Row.of(tags, rs.getLong("overdue_tasks")));
        }, Timestamp.from(clock.instant()));
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
