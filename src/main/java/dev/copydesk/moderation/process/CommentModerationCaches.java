package dev.copydesk.moderation.process;

import java.time.Duration;

import org.springframework.boot.autoconfigure.cache.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.copydesk.shared.Caches;

/** The comment-moderation process's cache (Spring Cache over Caffeine, see {@link Caches}). */
@Configuration(proxyBeanMethods = false)
class CommentModerationCaches {

    /** The id of the newest comment-moderation definition: read once a minute rather than per comment. */
    static final String LATEST_DEFINITION = "comment-moderation-latest-definition";
    static final Duration LATEST_DEFINITION_TTL = Duration.ofMinutes(1);

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> latestDefinitionCache() {
        // a version deployed at run time is picked up within a minute
        return Caches.expiringAfterWrite(LATEST_DEFINITION, LATEST_DEFINITION_TTL, 1);
    }
}
