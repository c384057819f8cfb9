package dev.copydesk.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled job that erases personal data older than {@code copydesk.retention.comment-private-data}
 * by calling every {@link PrivateDataEraser}. One failing eraser does not stop the others; it is
 * logged and tried again at the next run.
 */
@Component
public class PrivateDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PrivateDataRetention.class);

    private final List<PrivateDataEraser> erasers;
    private final RetentionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    PrivateDataRetention(List<PrivateDataEraser> erasers, RetentionProperties properties, Clock clock,
            MeterRegistry meters) {
        this.erasers = List.copyOf(erasers);
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(cron = "${copydesk.retention.erase-cron:0 17 3 * * *}")
    void scheduledRun() {
        eraseExpired();
    }

    /**
     * Runs every eraser once with the cutoff {@code now - retention}.
     *
     * @return records changed per data name; a failed eraser is reported as {@code -1}
     */
    public Map<String, Long> eraseExpired() {
        Instant cutoff = clock.instant().minus(properties.commentPrivateData());
        Map<String, Long> erased = new LinkedHashMap<>();
        for (PrivateDataEraser eraser : erasers) {
            try {
                long count = eraser.eraseCreatedBefore(cutoff);
                erased.put(eraser.dataName(), count);
                meters.counter(WorkflowMetrics.RETENTION_ERASED, "data", eraser.dataName()).increment(count);
                if (count > 0) {
                    log.info("Erased {} of {} records created before {}", eraser.dataName(), count, cutoff);
                }
            } catch (RuntimeException e) {
                erased.put(eraser.dataName(), -1L);
                meters.counter(WorkflowMetrics.RETENTION_FAILURES, "data", eraser.dataName()).increment();
                log.warn("Erasing {} failed; it is tried again at the next run", eraser.dataName(), e);
            }
        }
        return erased;
    }
}
