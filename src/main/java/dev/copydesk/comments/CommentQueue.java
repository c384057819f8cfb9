package dev.copydesk.comments;

import java.util.Locale;

/** The two moderation queues: held new comments, and approved comments that readers reported. */
public enum CommentQueue {
    PENDING,
    REPORTED;

    /** The name used in the API ({@code pending}, {@code reported}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
