package dev.copydesk.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.autoconfigure.cache.CacheManagerCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction, backed by Caffeine (Boot's {@link CaffeineCacheManager}). A module
 * declares each of its caches with {@link #expiringAfterWrite}, so every cache has its own time to
 * live and size, and evicts through {@link org.springframework.cache.Cache#evict} after commit.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class Caches {

    /** A customizer that adds the cache {@code name}: at most {@code maximumSize} entries, each for {@code ttl}. */
    public static CacheManagerCustomizer<CaffeineCacheManager> expiringAfterWrite(String name, Duration ttl,
            long maximumSize) {
        return manager -> manager.registerCustomCache(name,
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build());
    }
}
