package dev.copydesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateDataRetentionTests {

    static final Instant NOW = Instant.parse("2026-06-01T03:17:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RetentionProperties properties = new RetentionProperties(Duration.ofDays(90), "0 17 3 * * *");

    @Test
    void everyEraserIsCalledWithTheCutoffNowMinusRetention() {
        RecordingEraser comments = new RecordingEraser("comment-private-data", 7);
        RecordingEraser flags = new RecordingEraser("flag-client-hashes", 0);
        PrivateDataRetention retention = new PrivateDataRetention(List.of(comments, flags), properties,
                Clock.fixed(NOW, ZoneOffset.UTC), meters);

        Map<String, Long> erased = retention.eraseExpired();

        assertThat(erased).containsExactly(Map.entry("comment-private-data", 7L), Map.entry("flag-client-hashes", 0L));
        assertThat(comments.cutoffs).containsExactly(Instant.parse("2026-03-03T03:17:00Z"));
        assertThat(flags.cutoffs).containsExactly(Instant.parse("2026-03-03T03:17:00Z"));
        assertThat(meters.get(WorkflowMetrics.RETENTION_ERASED).tag("data", "comment-private-data").counter().count())
                .isEqualTo(7.0);
    }

    @Test
    void aFailingEraserDoesNotStopTheOthersAndIsCounted() {
        PrivateDataEraser broken = new PrivateDataEraser() {
            @Override
            public String dataName() {
                return "broken";
            }

            @Override
            public long eraseCreatedBefore(Instant cutoff) {
                throw new IllegalStateException("database gone");
            }
        };
        RecordingEraser comments = new RecordingEraser("comment-private-data", 3);
        PrivateDataRetention retention = new PrivateDataRetention(List.of(broken, comments), properties,
                Clock.fixed(NOW, ZoneOffset.UTC), meters);

        assertThat(retention.eraseExpired()).containsEntry("broken", -1L).containsEntry("comment-private-data", 3L);
        assertThat(meters.get(WorkflowMetrics.RETENTION_FAILURES).tag("data", "broken").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void withoutErasersTheJobDoesNothing() {
        PrivateDataRetention retention = new PrivateDataRetention(List.of(), properties,
                Clock.fixed(NOW, ZoneOffset.UTC), meters);
        assertThat(retention.eraseExpired()).isEmpty();
    }

    static final class RecordingEraser implements PrivateDataEraser {
        final String name;
        final long count;
        final List<Instant> cutoffs = new ArrayList<>();

        RecordingEraser(String name, long count) {
            this.name = name;
            this.count = count;
        }

        @Override
        public String dataName() {
            return name;
        }

        @Override
        public long eraseCreatedBefore(Instant cutoff) {
            cutoffs.add(cutoff);
            return count;
        }
    }
}
