package dev.copydesk.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.events.*}: the live stream. A reconnecting client is replayed at most
 * {@code replayLimit} events and none older than {@code replayWindow}; the journal keeps no more.
 * Public (reader) and staff streams have budgets of their own, so readers can never take the
 * streams staff need, and each client has a cap within its budget.
 *
 * @param maxPublicSubscribers       open public streams per node; beyond, 503
 * @param maxPublicStreamsPerClient  open public streams per client address (IPv6: per /64); beyond, 429
 * @param maxStaffSubscribers        open staff streams per node, apart from the public ones; beyond, 503
 * @param maxStaffStreamsPerAccount  open staff streams per staff account; beyond, 429
 */
@ConfigurationProperties("copydesk.events")
record LiveEventSettings(
        @DefaultValue("1000") int replayLimit,
        @DefaultValue("PT24H") Duration replayWindow,
        @DefaultValue("PT15S") Duration heartbeatInterval,
        @DefaultValue("1000") int maxPublicSubscribers,
        @DefaultValue("4") int maxPublicStreamsPerClient,
        @DefaultValue("200") int maxStaffSubscribers,
        @DefaultValue("8") int maxStaffStreamsPerAccount,
        @DefaultValue("PT30M") Duration subscriberTimeout) {

    LiveEventSettings {
        if (maxPublicSubscribers < 0 || maxPublicStreamsPerClient < 0 || maxStaffSubscribers < 0
                || maxStaffStreamsPerAccount < 0) {
            throw new IllegalArgumentException("copydesk.events stream limits must not be negative");
        }
    }
}
