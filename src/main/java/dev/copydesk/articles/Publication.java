package dev.copydesk.articles;

import java.time.Instant;
import java.util.Objects;

/**
 * What an approval decided about going live, as the aggregate decided it: {@link When#NOW} (the
 * article is live already when the workflow hears of it) or {@link When#LATER} at {@code publishAt};
 * {@code unpublishAt} is when it goes down by itself ({@code null}: never). The workflow follows
 * this decision; it never works it out again from the times.
 */
public record Publication(When when, Instant publishAt, Instant unpublishAt) {

    /** When the approved revision goes live. */
    public enum When {
        /** Live at the approval. */
        NOW,
        /** Scheduled: a timer publishes it at {@code publishAt}. */
        LATER
    }

    public Publication {
        Objects.requireNonNull(when);
        if ((when == When.LATER) != (publishAt != null)) {
            throw new IllegalArgumentException("publishAt is set exactly when the publication is LATER");
        }
    }

    static Publication now(Instant unpublishAt) {
        return new Publication(When.NOW, null, unpublishAt);
    }

    static Publication scheduled(Instant publishAt, Instant unpublishAt) {
        return new Publication(When.LATER, publishAt, unpublishAt);
    }

    public boolean later() {
        return when == When.LATER;
    }
}
