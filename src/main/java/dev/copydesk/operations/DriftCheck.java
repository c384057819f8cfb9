package dev.copydesk.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link DriftSource} every {@code copydesk.drift.check-interval} (default 5 min) on a
 * background thread and on demand, keeps the last report for the health detail and the admin
 * endpoint, and publishes one gauge {@code copydesk.drift{kind=...}} per kind. When the database is
 * unreachable the last report stays.
 */
@Component
public class DriftCheck {

    private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);
    static final String METRIC = "copydesk.drift";

    private final List<DriftSource> sources;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private volatile DriftReport last;

    DriftCheck(List<DriftSource> sources, MeterRegistry registry, Clock clock) {
        this.sources = List.copyOf(sources);
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${copydesk.drift.check-interval:PT5M}",
            initialDelayString = "${copydesk.drift.check-interval:PT5M}")
    void scheduledRun() {
        try {
            DriftReport report = run();
            if (report.total() > 0) {
                log.warn("Drift between our tables and the process engine: {} (docs/operations.md, \"Drift\")",
                        report.kinds());
            }
        } catch (DataAccessException e) {
            log.warn("Drift check skipped: {}", e.getMessage());
        }
    }

    /** Checks now, publishes and answers the result. */
    public synchronized DriftReport run() {
        Map<String, Long> kinds = new TreeMap<>();
        for (DriftSource source : sources) {
            kinds.putAll(source.drift());
        }
        kinds.forEach((kind, n) -> gauges.computeIfAbsent(kind, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(METRIC, value, AtomicLong::get).tag("kind", k)
                    .description("Rows out of step with the process engine, by kind (docs/operations.md)")
                    .register(registry);
            return value;
        }).set(n));
        DriftReport report = new DriftReport(clock.instant(), kinds,
                kinds.values().stream().mapToLong(Long::longValue).sum());
        last = report;
        return report;
    }

    /** The last report, or {@code null} before the first check. */
    public DriftReport last() {
        return last;
    }

    /** One check: when, how many of each kind, and their sum. */
    public record DriftReport(Instant checkedAt, Map<String, Long> kinds, long total) {
    }
}
