package dev.copydesk.comments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.moderation.ModerationSettings;
import dev.copydesk.moderation.ModerationSettingsStore;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rough intake measurement, not part of the suite (the name does not end in Tests): run it with
 * {@code mvn test -Dtest=IntakeBenchmark}. Each comment runs the whole process (screening rules, the
 * DMN table, the gateway) in one transaction through the service API; 80 % are approved, 10 % held,
 * 10 % rejected. The database is the test profile's in-memory H2, so expect lower numbers on a file.
 */
@CopydeskIntegrationTest
class IntakeBenchmark {

    static final int THREADS = 4;
    static final int WARM_UP = 600;
    static final int MEASURED = 4000;

    @Autowired CommentIntake intake;
    @Autowired ArticleFixtures articles;
    @Autowired ModerationSettingsStore settings;

    @Test
    void intakeThroughputAndLatency() throws Exception {
        ModerationSettings d = ModerationSettings.defaults();
        settings.replace(new ModerationSettings(d.bannedWords(), d.suspectWords(), d.maxLinks(), false, 0,
                d.flagThreshold(), 100_000, d.queueSla(), d.rules(), d.shoutingMinLetters(), null), "benchmark");
        PublishedArticle article = articles.publishedArticle("Benchmark " + UUID.randomUUID());
        run(article, WARM_UP);
        long started = System.nanoTime();
        long[] latencies = run(article, MEASURED);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("INTAKE %d comments, %d threads: %.0f comments/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                MEASURED, THREADS, MEASURED / seconds, latencies[MEASURED / 2] / 1e6,
                latencies[(int) (MEASURED * 0.99)] / 1e6, latencies[MEASURED - 1] / 1e6);
        settings.replace(ModerationSettings.defaults(), "benchmark");
        assertThat(latencies).hasSize(MEASURED);
    }

    private long[] run(PublishedArticle article, int count) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String body = switch (i % 10) {
                        case 0 -> "What a m0r0n, honestly " + i;
                        case 1 -> "F U C K the writers " + i;
                        default -> "Loved the slow burn between the two detectives, comment " + i;
                    };
                    long start = System.nanoTime();
                    intake.submit(article.slug(), new NewComment("Reader " + i, "reader-" + i + "-" + UUID.randomUUID()
                            + "@example.org", body, null, false), "10.0." + (i % 250) + "." + (i % 199), null);
                    latencies[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return latencies;
    }
}
