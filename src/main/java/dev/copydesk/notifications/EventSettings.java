package dev.copydesk.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.events.*}: how committed events are handed on (docs/operations.md).
 *
 * @param dispatchQueueCapacity events waiting in memory for the dispatch thread; beyond it an event
 *                              waits in {@code event_publication} for the next resubmission
 * @param resubmitInterval how often publications not yet completed are looked for
 * @param resubmitAfter how old a publication must be to be resubmitted (younger ones are in flight)
 */
@ConfigurationProperties("copydesk.events")
record EventSettings(
        @DefaultValue("10000") int dispatchQueueCapacity,
        @DefaultValue("PT1M") Duration resubmitInterval,
        @DefaultValue("PT1M") Duration resubmitAfter) {
}
