package dev.copydesk.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.events.*}: the live stream. A reconnecting client is replayed at most
 * {@code replayLimit} events and none older than {@code replayWindow}; the journal keeps no more.
 */
@ConfigurationProperties("copydesk.events")
record LiveEventSettings(
        @DefaultValue("1000") int replayLimit,
        @DefaultValue("PT24H") Duration replayWindow,
        @DefaultValue("PT15S") Duration heartbeatInterval,
        @DefaultValue("1000") int maxSubscribers,
        @DefaultValue("PT30M") Duration subscriberTimeout) {
}
