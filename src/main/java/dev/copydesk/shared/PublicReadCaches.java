package dev.copydesk.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Makes the {@link PublicReadCache}s and keeps them honest: every {@link CopydeskEvent} about an
 * article that {@linkplain CopydeskEvent#changesPublicView() may change what the public reads} evicts that article's entries once its transaction has committed; an event about no
 * article in particular clears them all. Time to live: {@code copydesk.public-cache.ttl}
 * ({@code PT0S} turns caching off).
 */
@Component
public class PublicReadCaches {

    private final Settings settings;
    private final List<PublicReadCache<?>> caches = new CopyOnWriteArrayList<>();

    PublicReadCaches(Settings settings) {
        this.settings = settings;
    }

    /** A new cache; {@code bytes} estimates a value's size, so the cache holds at most {@code maximum-size}. */
    public <V> PublicReadCache<V> create(ToIntFunction<V> bytes) {
        PublicReadCache<V> cache = new PublicReadCache<>(settings.ttl(), settings.maximumSize().toBytes(), bytes);
        caches.add(cache);
        return cache;
    }

    // A plain listener that acts after commit: cache eviction need not be recorded by the event
    // publication registry (a lost eviction is healed by the TTL).
    @EventListener
    void on(CopydeskEvent event) {
        if (!event.changesPublicView()) {
            return;
        }
        String slug = event.articleSlug();
        AfterCommit.run(slug == null ? this::clear : () -> evict(slug));
    }

    /** Evicts an article's entries now, or after the current transaction commits when there is one. */
    public void evictAfterCommit(String slug) {
        AfterCommit.run(() -> evict(slug));
    }

    public void clear() {
        caches.forEach(PublicReadCache::clear);
    }

    private void evict(String slug) {
        caches.forEach(cache -> cache.evict(slug));
    }

    /**
     * {@code copydesk.public-cache.*}.
     *
     * @param ttl         how long a public read may be served from memory; bounds how late another
     *                    node shows a change (this node evicts at once)
     * @param maximumSize memory per cache (estimated from the text it holds)
     */
    @ConfigurationProperties("copydesk.public-cache")
    public record Settings(@DefaultValue("PT5S") Duration ttl, @DefaultValue("32MB") DataSize maximumSize) {
    }
}
