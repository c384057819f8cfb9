package dev.copydesk.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CopydeskEvent event) {
        if (!event.changesPublicView()) {
            return;
        }
        String slug = event.articleSlug();
        if (slug == null) {
            clear();
        } else {
            evict(slug);
        }
    }

    /** Evicts an article's entries now, or after the current transaction commits when there is one. */
    public void evictAfterCommit(String slug) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict(slug);
                }
            });
        } else {
            evict(slug);
        }
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
