package dev.copydesk.shared.process;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Clock bean leads and the engine's clock follows: a test moves one bean, not Camunda's ClockUtil. */
class EngineClockTests {

    private final EngineClock clock = new EngineClock();

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void stoppingTheClockStopsTheEnginesClockAtTheSameInstant() {
        Instant at = Instant.parse("2030-01-01T08:00:00.123456Z");

        clock.stopAt(at);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T08:00:00.123Z"));
        assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void advancingMovesBothFromWhereTheyStood() {
        clock.stopAt(Instant.parse("2030-01-01T08:00:00Z"));

        clock.advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
        assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
    }

    @Test
    void resumingGivesBothBackToTheSystemClock() {
        clock.stopAt(Instant.parse("2030-01-01T08:00:00Z"));

        clock.resume();

        Instant now = Instant.now();
        assertThat(Duration.between(clock.instant(), now).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void timeStandsStillWhileStopped() {
        clock.stopAt(Instant.parse("2030-01-01T08:00:00Z"));

        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2030-01-01T08:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2030-01-01T08:00:00Z").toEpochMilli());
    }
}
