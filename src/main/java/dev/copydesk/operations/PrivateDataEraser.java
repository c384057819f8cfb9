package dev.copydesk.operations;

import java.time.Instant;

/**
 * Erases personal data that has outlived its retention period. A module that stores such data
 * (comments: author email, client address hash) implements this as a Spring bean; the
 * {@link PrivateDataRetention} job calls every implementation on a schedule.
 *
 * <p>Implementations must be idempotent and safe to run on several nodes at once (each node runs
 * the job): erase with one set-based {@code UPDATE ... WHERE created_at < :cutoff AND email IS NOT
 * NULL}, not by loading rows, and keep what the newsroom still needs (the comment itself, its
 * status and history).
 */
public interface PrivateDataEraser {

    /** What is erased, for logs and the {@code copydesk.retention.erased} counter, e.g. {@code comment-private-data}. */
    String dataName();

    /**
     * Erases the private data of records created before {@code cutoff}.
     *
     * @return how many records were changed
     */
    long eraseCreatedBefore(Instant cutoff);
}
