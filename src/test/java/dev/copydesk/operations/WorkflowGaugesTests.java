package dev.copydesk.operations;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue depths from {@link QueueDepthSource}s; the task counts are covered on H2 and PostgreSQL. */
class WorkflowGaugesTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicReference<Map<String, Long>> depths = new AtomicReference<>();
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    final QueueDepthSource moderation = () -> {
        if (failure.get() != null) {
            throw failure.get();
        }
        return depths.get();
    };
    final WorkflowGauges gauges = new WorkflowGauges(now -> List.of(), Clock.systemUTC(), List.of(moderation));

    @Test
    void eachQueueBecomesOneSeriesAndVanishedQueuesAreDropped() {
        gauges.bindTo(meters);
        depths.set(ordered("pending", 3L, "reported", 1L));
        gauges.refresh();
        assertThat(depth("pending")).isEqualTo(3.0);
        assertThat(depth("reported")).isEqualTo(1.0);

        depths.set(Map.of("pending", 2L));
        gauges.refresh();
        assertThat(depth("pending")).isEqualTo(2.0);
        assertThat(meters.find(WorkflowMetrics.QUEUE_DEPTH).tag("queue", "reported").gauge()).isNull();
    }

    @Test
    void whenASourceFailsTheLastValuesStay() {
        gauges.bindTo(meters);
        depths.set(Map.of("pending", 5L));
        gauges.refresh();
        failure.set(new IllegalStateException("database away"));
        gauges.refresh();
        assertThat(depth("pending")).isEqualTo(5.0);
    }

    private double depth(String queue) {
        return meters.get(WorkflowMetrics.QUEUE_DEPTH).tag("queue", queue).gauge().value();
    }

    private static Map<String, Long> ordered(String k1, Long v1, String k2, Long v2) {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
