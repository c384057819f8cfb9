package dev.copydesk.shared.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of Copydesk, a {@link Clock} bean: our code reads it, and the workflow engine follows
 * it. Domain timestamps (published at, decided at) and timers then agree. It runs on the system
 * clock (UTC) until a test stops it ({@link #stopAt}, {@link #advance}); moving it moves the engine's
 * clock too, and {@link #resume} gives both back to the system clock.
 *
 * <p>Camunda 7 keeps its time in the JVM-wide static {@code ClockUtil}, which this class alone sets
 * (an architecture rule keeps it so): moving one context's clock moves the engines of every context
 * in the same JVM, but the other contexts' {@code Clock} beans stay on system time. Tests that move
 * time therefore resume it when they finish.
 */
@Component("clock")
public class EngineClock extends Clock {

    private volatile Instant stoppedAt;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Copydesk keeps time in UTC");
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        // milliseconds, as the engine keeps time (java.util.Date), so our timestamps and its agree exactly
        return stopped != null ? stopped : Instant.ofEpochMilli(System.currentTimeMillis());
    }

    /** Stops time at {@code at} for our code and the engine (tests: fire a timer, age a queue). */
    public void stopAt(Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        stoppedAt = millis;
        ClockUtil.setCurrentTime(Date.from(millis));
    }

    /** Moves time on by {@code duration} from now and stops it there. */
    public void advance(Duration duration) {
        stopAt(instant().plus(duration));
    }

    /** Back to the system clock, for our code and the engine. */
    public void resume() {
        stoppedAt = null;
        ClockUtil.reset();
    }
}
