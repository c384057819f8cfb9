package dev.copydesk.articles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The article's times on the public side: when it is to go live ({@code publishAt}, while
 * scheduled), when it first went live, when it is to go down by itself, and when it went down.
 */
@Embeddable
class Schedule {

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "unpublish_at")
    private Instant unpublishAt;

    @Column(name = "unpublished_at")
    private Instant unpublishedAt;

    protected Schedule() {
    }

    /** Nothing planned, never live (Hibernate loads an all-null embeddable as {@code null}; this stands in). */
    static Schedule none() {
        return new Schedule();
    }

    void scheduleFor(Instant publishAt) {
        this.publishAt = publishAt;
    }

    /** Went live at {@code now}: the first time sets {@code publishedAt}; any plan to publish is done. */
    void wentLive(Instant now) {
        if (publishedAt == null) {
            publishedAt = now;
        }
        publishAt = null;
    }

    void expireAt(Instant unpublishAt) {
        this.unpublishAt = unpublishAt;
    }

    void wentDown(Instant now) {
        publishAt = null;
        unpublishAt = null;
        unpublishedAt = now;
    }

    /** The earliest an expiry may be: when a scheduled article goes live, else now. */
    Instant goesLiveNoEarlierThan(Instant now) {
        return publishAt != null && publishAt.isAfter(now) ? publishAt : now;
    }

    Instant publishAt() {
        return publishAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant unpublishAt() {
        return unpublishAt;
    }

    Instant unpublishedAt() {
        return unpublishedAt;
    }
}
