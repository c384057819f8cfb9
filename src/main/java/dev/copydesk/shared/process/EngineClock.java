package dev.copydesk.shared.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of Copydesk: the workflow engine's. Domain timestamps (published at, decided at)
 * and timers then agree, also in tests that move the engine clock to fire a timer.
 */
@Configuration(proxyBeanMethods = false)
class EngineClock {

    @Bean
    Clock clock() {
        return new Clock() {
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
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }
}
