package dev.copydesk.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicReadCacheTests {

    final AtomicInteger loads = new AtomicInteger();

    PublicReadCache<String> cache(Duration ttl) {
        return new PublicReadCache<>(ttl, 1_000_000, String::length);
    }

    String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void aSecondReadIsServedFromMemory() {
        PublicReadCache<String> cache = cache(Duration.ofMinutes(1));

        assertThat(cache.get("two-detectives", "", () -> load("v1"))).isEqualTo("v1");
        assertThat(cache.get("two-detectives", "", () -> load("v2"))).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void evictingAnArticleDropsAllItsVariantsAndNoOtherArticle() {
        PublicReadCache<String> cache = cache(Duration.ofMinutes(1));
        cache.get("a", "page-1", () -> load("a1"));
        cache.get("a", "page-2", () -> load("a2"));
        cache.get("b", "page-1", () -> load("b1"));

        cache.evict("a");

        assertThat(cache.get("a", "page-1", () -> load("a1 new"))).isEqualTo("a1 new");
        assertThat(cache.get("a", "page-2", () -> load("a2 new"))).isEqualTo("a2 new");
        assertThat(cache.get("b", "page-1", () -> load("b1 new"))).isEqualTo("b1");
    }

    @Test
    void aLoadThatRacedAnEvictionIsServedOnceButNotKept() {
        PublicReadCache<String> cache = cache(Duration.ofMinutes(1));

        // the load read the old row; a writer commits and evicts before the load stores its value
        String raced = cache.get("a", "", () -> {
            cache.evict("a");
            return load("stale");
        });

        assertThat(raced).isEqualTo("stale");
        assertThat(cache.get("a", "", () -> load("fresh"))).isEqualTo("fresh");
    }

    @Test
    void clearingDropsEverything() {
        PublicReadCache<String> cache = cache(Duration.ofMinutes(1));
        cache.get("a", "", () -> load("a"));

        cache.clear();

        assertThat(cache.get("a", "", () -> load("a again"))).isEqualTo("a again");
    }

    @Test
    void aZeroTimeToLiveTurnsCachingOff() {
        PublicReadCache<String> cache = cache(Duration.ZERO);

        cache.get("a", "", () -> load("v1"));

        assertThat(cache.get("a", "", () -> load("v2"))).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }
}
