package dev.copydesk.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.copydesk.support.PostgresTest;
import dev.copydesk.support.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14, "concurrency": 16 moderators and 4 editors deciding at once on PostgreSQL with the
 * default pool (20 connections), the service in its own JVM and a webhook receiver on 127.0.0.1.
 * No request gets a 503 while the database is up; every decision's event reaches the receiver
 * exactly once (by event id); every delivery row ends DELIVERED. The decision latencies are
 * printed (p50/p95) for docs/benchmarks.md; the target lives there, not in this test.
 */
@PostgresTest
class ConcurrentDecisionsTests {

    private static final int MODERATORS = 16;
    private static final int COMMENTS_EACH = 4;
    private static final int EDITORS = 4;
    private static final int ARTICLES_EACH = 2;

    @TempDir
    Path work;

    @Test
    void sixteenModeratorsAndFourEditorsAtOnceLoseNoEventAndGetNo503() throws Exception {
        String database = PostgresTestDatabase.newDatabaseUrl("decisions");
        List<String> args = List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--copydesk.outbound.allow-private-addresses=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000");
        try (EventReceiver receiver = new EventReceiver();
                ServiceProcess service = ServiceProcess.start(work.resolve("data"), "512m", List.of(), args,
                        work.resolve("service.log"))) {
            Desk desk = new Desk(service.port);
            desk.staff("desk.writer", "WRITER");
            for (int i = 0; i < MODERATORS; i++) {
                desk.staff("desk.moderator" + i, "MODERATOR");
            }
            for (int i = 0; i < EDITORS; i++) {
                desk.staff("desk.editor" + i, "EDITOR");
            }
            desk.liftFloodLimit();
            String webhook = desk.webhook(receiver.url(), List.of("comment.approved", "article.approved"));
            String slug = desk.publishedArticle("desk.writer", "desk.editor0",
                    "Spoilers: more romance ahead for two detectives").get("slug").asText();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.count() == 1);

            List<List<String>> comments = new ArrayList<>();
            for (int m = 0; m < MODERATORS; m++) {
                List<String> own = new ArrayList<>();
                for (int i = 0; i < COMMENTS_EACH; i++) {
                    own.add(desk.heldComment(slug, m * COMMENTS_EACH + i));
                }
                comments.add(own);
            }
            List<List<JsonNode>> articles = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                List<JsonNode> own = new ArrayList<>();
                for (int i = 0; i < ARTICLES_EACH; i++) {
                    own.add(desk.submittedArticle("desk.writer", "Review " + e + "-" + i));
                }
                articles.add(own);
            }

            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService staff = Executors.newFixedThreadPool(MODERATORS + EDITORS);
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < MODERATORS; m++) {
                String moderator = "desk.moderator" + m;
                List<String> own = comments.get(m);
                done.add(staff.submit(() -> {
                    start.await();
                    for (String id : own) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> answer = desk.approve(moderator, id);
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                        if (answer.statusCode() != 200) {
                            failures.add("comment " + id + ": " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (int e = 0; e < EDITORS; e++) {
                String editor = "desk.editor" + e;
                List<JsonNode> own = articles.get(e);
                done.add(staff.submit(() -> {
                    start.await();
                    for (JsonNode article : own) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> answer = desk.send("POST", "/api/articles/" + article.get("id").asText()
                                + "/decision", editor, Map.of("decision", "APPROVE", "note", "ok",
                                "version", article.get("version").asLong()));
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                        if (answer.statusCode() != 200) {
                            failures.add("article " + article.get("id").asText() + ": " + answer.statusCode() + " "
                                    + answer.body());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            staff.shutdown();
            assertThat(failures).as("no 503 (or any other failure) while the database is up").isEmpty();

            int decisions = MODERATORS * COMMENTS_EACH + EDITORS * ARTICLES_EACH;
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.count() >= decisions + 1);
            Map<String, Set<String>> approvals = receiver.eventIdsBy("comment.approved", "commentId");
            assertThat(approvals).hasSize(MODERATORS * COMMENTS_EACH)
                    .allSatisfy((id, events) -> assertThat(events).hasSize(1));
            assertThat(receiver.eventIdsBy("article.approved", "articleId")).hasSize(EDITORS * ARTICLES_EACH + 1)
                    .allSatisfy((id, events) -> assertThat(events).hasSize(1));
            assertThat(receiver.count()).as("each event delivered once").isEqualTo(decisions + 1);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(desk.call("GET", "/api/admin/webhooks/" + webhook + "/deliveries", "admin", null, 200))
                            .hasSize(decisions + 1)
                            .allSatisfy(d -> assertThat(d.get("status").asText()).isEqualTo("DELIVERED")));

            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("[measure] %d decisions by %d moderators and %d editors at once (PostgreSQL, pool 20): "
                            + "p50 %d ms, p95 %d ms, max %d ms%n", sorted.size(), MODERATORS, EDITORS,
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                    sorted.get(sorted.size() - 1));
        }
    }
}
