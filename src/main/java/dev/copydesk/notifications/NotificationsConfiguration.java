package dev.copydesk.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The dispatch thread and the resubmission of events not yet handed on. One thread keeps the
 * journal's sequence in the order events are streamed on this node; it is a Spring-managed pool, so
 * it stops with the context (events still queued in memory stay in {@code event_publication} and
 * are resubmitted at the next start).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class NotificationsConfiguration {

    static final String DISPATCH_EXECUTOR = "notificationDispatchExecutor";
    static final String LIVE_EVENTS_EXECUTOR = "liveEventsExecutor";

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    @Bean(DISPATCH_EXECUTOR)
    ThreadPoolTaskExecutor notificationDispatchExecutor(EventSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(settings.dispatchQueueCapacity());
        executor.setThreadNamePrefix("copydesk-events-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }

    /**
     * The one thread that writes committed events and heartbeats to the open streams, in order. It
     * stops with the context after {@link LiveEvents} has closed the streams; what is queued then is
     * dropped (a reconnecting client catches up from the journal with Last-Event-ID).
     */
    @Bean(LIVE_EVENTS_EXECUTOR)
    ThreadPoolTaskExecutor liveEventsExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("copydesk-live-events-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(2);
        return executor;
    }

    /**
     * {@code copydesk_events_outstanding}: events stored with their change but still not handed on
     * after {@code copydesk.events.resubmit-after}. Above 0 for long means the dispatch keeps failing
     * (the log says why); the events wait, they are not lost.
     */
    @Bean
    Gauge outstandingEventsGauge(MeterRegistry registry, JdbcTemplate jdbc, EventSettings settings, Clock clock) {
        return Gauge.builder("copydesk.events.outstanding", () -> jdbc.queryForObject(
                        "select count(*) from event_publication where completion_date is null and publication_date < ?",
                        Long.class, Timestamp.from(Instant.now(clock).minus(settings.resubmitAfter()))))
                .description("Events stored with their change but not handed on within copydesk.events.resubmit-after")
                .register(registry);
    }

    @Bean
    Resubmission eventResubmission(IncompleteEventPublications incomplete, EventSettings settings) {
        return new Resubmission(incomplete, settings);
    }

    /** Every {@code copydesk.events.resubmit-interval}: hands on again what was stored and not completed. */
    static class Resubmission {

        private final IncompleteEventPublications incomplete;
        private final EventSettings settings;

        Resubmission(IncompleteEventPublications incomplete, EventSettings settings) {
            this.incomplete = incomplete;
            this.settings = settings;
        }

        @Scheduled(fixedDelayString = "${copydesk.events.resubmit-interval:PT1M}",
                initialDelayString = "${copydesk.events.resubmit-interval:PT1M}")
        void resubmit() {
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(settings.resubmitAfter());
            } catch (RuntimeException e) {
                log.warn("Events not yet handed on could not be resubmitted now: {}", e.toString());
            }
        }
    }
}
