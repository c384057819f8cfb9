package dev.copydesk.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A short-lived cache of what anonymous readers ask for most (an article, the first page of its
 * thread), keyed by the article's slug and a variant (cursor, limit). {@link PublicReadCaches} makes
 * them and evicts an article's entries on this node as soon as a transaction that changed the
 * article or its comments commits; other nodes see the change within the time to live.
 *
 * <p>A reader's load can race a writer's commit: the load may have read the old row just before the
 * commit and store it just after the eviction. Each slug therefore has a version, bumped before
 * every eviction; a load stores its value, then drops it again if the version moved meanwhile. So a
 * stale value never outlives the eviction that was meant to remove it.
 */
public final class PublicReadCache<V> {

    private static final int STRIPES = 1024;

    private final Cache<Key, V> entries;
    private final AtomicLongArray versions = new AtomicLongArray(STRIPES);
    private final boolean enabled;

    PublicReadCache(Duration ttl, long maximumBytes, ToIntFunction<V> bytes) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .maximumWeight(maximumBytes)
                .<Key, V>weigher((key, value) -> 64 + 2 * (key.slug().length() + key.variant().length())
                        + bytes.applyAsInt(value))
                .build();
    }

    /** The cached value for this article and variant, or what {@code load} says (and then cached). */
    public V get(String slug, String variant, Supplier<V> load) {
        if (!enabled) {
            return load.get();
        }
        Key key = new Key(slug, variant);
        V cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        int stripe = stripe(slug);
        long before = versions.get(stripe);
        V loaded = load.get();
        entries.put(key, loaded);
        if (versions.get(stripe) != before) {
            entries.invalidate(key);
        }
        return loaded;
    }

    void evict(String slug) {
        versions.incrementAndGet(stripe(slug));
        entries.asMap().keySet().removeIf(k -> k.slug().equals(slug));
    }

    void clear() {
        for (int i = 0; i < STRIPES; i++) {
            versions.incrementAndGet(i);
        }
        entries.invalidateAll();
    }

    private static int stripe(String slug) {
        return slug.hashCode() & (STRIPES - 1);
    }

    private record Key(String slug, String variant) {
    }
}
