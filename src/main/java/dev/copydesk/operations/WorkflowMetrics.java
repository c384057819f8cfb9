package dev.copydesk.operations;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The metric names Copydesk publishes, and the calls modules use to record workflow facts. Names
 * are Micrometer's dotted form; Prometheus shows them with underscores and unit suffixes
 * ({@code copydesk.screening.outcomes} becomes {@code copydesk_screening_outcomes_total}).
 *
 * <p>Labels must come from small fixed sets (outcome, reason code, process and step ids), never
 * from ids, emails or free text.
 */
@Component
public class WorkflowMetrics {

    /** Counter: comments screened, by {@code outcome} (APPROVED, PENDING, REJECTED) and {@code reason} code. */
    public static final String SCREENING_OUTCOMES = "copydesk.screening.outcomes";
    /** Timer: how long a workflow step took, by {@code process} and {@code step} (BPMN ids). */
    public static final String STEP_DURATION = "copydesk.workflow.step.duration";
    /** Gauge: open user tasks, by {@code process} (definition key) and {@code task} (task definition key). */
    public static final String TASKS_OPEN = "copydesk.workflow.tasks.open";
    /** Gauge: open user tasks past their due date, by {@code process} and {@code task}. */
    public static final String TASKS_OVERDUE = "copydesk.workflow.tasks.overdue";
    /** Gauge: items waiting, by {@code queue}, from every {@link QueueDepthSource}. */
    public static final String QUEUE_DEPTH = "copydesk.queue.depth";
    /** Counter: records whose private data the retention job erased, by {@code data}. */
    public static final String RETENTION_ERASED = "copydesk.retention.erased";
    /** Counter: failed runs of a retention eraser, by {@code data}. */
    public static final String RETENTION_FAILURES = "copydesk.retention.failures";

    /** Label value for a screening that matched no rule. */
    public static final String NO_REASON = "NONE";

    private final MeterRegistry meters;

    WorkflowMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Counts one screening result. Call it once per reason the screening gave (so a comment held
     * for two reasons counts under both), or once with {@link #NO_REASON} when none applied.
     */
    public void screeningOutcome(String outcome, String reason) {
        Counter.builder(SCREENING_OUTCOMES)
                .description("Comments screened, by outcome and reason code")
                .tags("outcome", outcome, "reason", reason == null ? NO_REASON : reason)
                .register(meters)
                .increment();
    }

    /**
     * Records how long a step took: from submission to decision for a review, from arrival to
     * decision for a held comment. {@code step} is the BPMN element id ({@code Task_ReviewArticle}).
     */
    public void stepDuration(String process, String step, Duration duration) {
        Timer.builder(STEP_DURATION)
                .description("Time a workflow step took, by process and step")
                .tags("process", process, "step", step)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(meters)
                .record(duration.isNegative() ? Duration.ZERO : duration);
    }
}
