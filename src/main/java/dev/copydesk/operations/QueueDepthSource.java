package dev.copydesk.operations;

import java.util.Map;

/**
 * A module's work queues and how many items wait in each (moderation: {@code pending},
 * {@code reported}). Implement it as a Spring bean; the values are read every
 * {@code copydesk.metrics.refresh-interval} on a background thread and published as the gauge
 * {@code copydesk.queue.depth{queue=...}}, so a Prometheus scrape never runs a query.
 *
 * <p>Keep the count cheap (an indexed {@code count(*)} on a status column) and the queue names
 * stable: they become metric labels.
 */
public interface QueueDepthSource {

    /** Items waiting, by queue name. */
    Map<String, Long> queueDepths();
}
