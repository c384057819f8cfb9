package dev.copydesk.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A short-lived cache of what anonymous readers ask for most (an article, the pages of its thread),
 * keyed by the article's slug and a variant (cursor, limit). {@link PublicReadCaches} makes them and
 * evicts an article's entries on this node as soon as a transaction that changed the article or its
 * comments commits; other nodes see the change within the time to live.
 *
 * <p>Each slug has a version (striped), and every entry remembers the version it was loaded under;
 * evicting an article bumps its version, so all its entries stop counting at once without a scan
 * (they age out by time and size). A load that raced a writer's commit (it read the old row just
 * before the commit) was stored under the version from before the eviction, so it is never served.
 */
public final class PublicReadCache<V> {

    private static final int STRIPES = 1024;

    private final Cache<Key, Entry<V>> entries;
    private final AtomicLongArray versions = new AtomicLongArray(STRIPES);
    private final boolean enabled;

    PublicReadCache(Duration ttl, long maximumBytes, ToIntFunction<V> bytes) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .maximumWeight(maximumBytes)
                .<Key, Entry<V>>weigher((key, entry) -> 64 + 2 * (key.slug().length() + key.variant().length())
                        + bytes.applyAsInt(entry.value()))
                .build();
    }

    /** The cached value for this article and variant, or what {@code load} says (and then cached). */
    public V get(String slug, String variant, Supplier<V> load) {
        if (!enabled) {
            return load.get();
        }
        Key key = new Key(slug, variant);
        int stripe = stripe(slug);
        long version = versions.get(stripe);
        Entry<V> cached = entries.getIfPresent(key);
        if (cached != null && cached.version() == version) {
            return cached.value();
        }
        V loaded = load.get();
        entries.put(key, new Entry<>(loaded, version));
        return loaded;
    }

    void evict(String slug) {
        versions.incrementAndGet(stripe(slug));
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

    private record Entry<V>(V value, long version) {
    }
}
