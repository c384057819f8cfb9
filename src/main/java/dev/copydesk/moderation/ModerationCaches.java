package dev.copydesk.moderation;

import org.springframework.boot.autoconfigure.cache.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.copydesk.shared.Caches;

/** The moderation module's caches (Spring Cache over Caffeine, see {@link Caches}). */
@Configuration(proxyBeanMethods = false)
class ModerationCaches {

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> moderationSettingsCache() {
        // a change on another node arrives within RELOAD_AFTER; this node evicts after commit
        return Caches.expiringAfterWrite(ModerationSettingsStore.CACHE, ModerationSettingsStore.RELOAD_AFTER, 1);
    }
}
