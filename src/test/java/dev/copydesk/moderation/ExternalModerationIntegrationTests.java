package dev.copydesk.moderation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentIntake;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.comments.IntakeAnswer;
import dev.copydesk.comments.NewComment;
import dev.copydesk.moderation.process.CommentModerationProcess;
import dev.copydesk.notifications.NotificationsIntegrationTest;
import dev.copydesk.support.ArticleFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The external moderation endpoint in the real comment-moderation process, against a real endpoint
 * on 127.0.0.1. It runs in the notification tests' context, whose outbound policy allows loopback
 * (the default policy refuses it: {@link ExternalModerationAddressIntegrationTests}). A failure or a
 * slow answer holds the comment, never approves it, and reads the same to moderators. With an endpoint
 * set, the reader is answered before it is asked (PENDING, no reasons yet) and screening runs as the
 * instance's job at {@code Event_ReaderAnswered}; the tests run those jobs as the job executor would.
 */
@NotificationsIntegrationTest
class ExternalModerationIntegrationTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired DataSource dataSource;
    @LocalServerPort int port;
    @Autowired CommentIntake intake;
    @Autowired CommentDesk comments;
    @Autowired ModerationDecisions decisions;
    @Autowired ModerationSettingsStore settings;
    @Autowired ArticleFixtures articles;

    PublishedArticle article;
    HttpServer external;
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch hangUntil = new CountDownLatch(1);
    final AtomicInteger hanging = new AtomicInteger();
    final AtomicInteger asked = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        BpmnAwareTests.init(engine);
        article = articles.publishedArticle("External moderation " + UUID.randomUUID());
        external = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        external.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{\"verdict\":\"ALLOW\"}");
        });
        // a service that takes every call and answers only when the test lets it
        external.createContext("/hang", exchange -> {
            hanging.incrementAndGet();
            try {
                hangUntil.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hanging.decrementAndGet();
            }
            respond(exchange, 200, "{\"verdict\":\"ALLOW\"}");
        });
        external.createContext("/broken", exchange -> respond(exchange, 500, "oops"));
        external.createContext("/reject", exchange -> respond(exchange, 200, "{\"verdict\":\"REJECT\"}"));
        external.createContext("/allow", exchange -> respond(exchange, 200, "{\"verdict\":\"ALLOW\"}"));
        external.createContext("/counting", exchange -> {
            asked.incrementAndGet();
            respond(exchange, 200, "{\"verdict\":\"ALLOW\"}");
        });
        external.setExecutor(Executors.newCachedThreadPool());
        external.start();
    }

    @AfterEach
    void tearDown() {
        settings.replace(ModerationSettings.defaults(), "test");
        release.countDown();
        hangUntil.countDown();
        external.stop(0);
    }

    @Test
    void externalModerationFailureOrSlownessHoldsTheCommentNeverApprovesIt() {
        String author = trustedAuthor();

        useExternal("/slow", 300);
        IntakeAnswer slow = postAndScreen(author, "Loved it, slow answer");
        useExternal("/broken", 300);
        IntakeAnswer broken = postAndScreen(author, "Loved it, broken answer");
        useExternal("/reject", 5_000);
        IntakeAnswer rejected = postAndScreen(author, "Loved it, rejected answer");
        useExternal("/allow", 5_000);
        IntakeAnswer allowed = postAndScreen(author, "Loved it, allowed answer");

        assertThat(slow.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(broken.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(broken.reasons()).containsExactly("EXTERNAL");
        // Issue 12: a timeout and an HTTP 500 read the same, so the flag reveals nothing about the target.
        for (IntakeAnswer held : new IntakeAnswer[] {slow, broken}) {
            assertThat(comments.find(held.id()).orElseThrow().reasons()).singleElement()
                    .satisfies(r -> assertThat(r.detail()).isEqualTo(ExternalModeration.UNREACHABLE));
        }
        assertThat(rejected.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(allowed.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CommentModerationProcess.PROCESS_ID)
                .processInstanceBusinessKey(slow.id()).singleResult())
                .isWaitingAt(CommentModerationProcess.TASK_MODERATE_COMMENT);
    }

    /** The DMN table (rule 2, banned word) rejects on the local facts: the service is not asked. */
    @Test
    void aCommentTheTableRejectsOnLocalFactsIsNotSentOut() {
        String author = trustedAuthor();
        useExternal("/counting", 5_000);

        IntakeAnswer banned = postAndScreen(author, "You absolute wanker");

        assertThat(banned.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(banned.reasons()).containsExactly("BANNED_WORD");
        assertThat(asked).as("calls to the moderation service").hasValue(0);
    }

    /** A local fact the table only holds on (a suspect word) still goes out: the answer can change the outcome. */
    @Test
    void aCommentTheTableOnlyHoldsOnLocalFactsIsSentOut() {
        String author = trustedAuthor();
        useExternal("/counting", 5_000);

        IntakeAnswer suspect = postAndScreen(author, "What a stupid referee");

        assertThat(suspect.reasons()).contains("SUSPECT_WORD");
        assertThat(asked).as("calls to the moderation service").hasValue(1);
    }

    @Test
    void withoutAnEndpointScreeningRunsInTheReadersTransactionAndLeavesNoJob() {
        IntakeAnswer first = post("reader-" + UUID.randomUUID() + "@example.org", "A first comment, screened at once");

        assertThat(first.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(first.reasons()).containsExactly("FIRST_COMMENT");
        assertThat(comments.find(first.id()).orElseThrow().queue()).isEqualTo(dev.copydesk.comments.CommentQueue.PENDING);
        assertThat(instance(first)).isWaitingAt(CommentModerationProcess.TASK_MODERATE_COMMENT);
        assertThat(management.createJobQuery().processInstanceId(instance(first).getId())
                .activityId(CommentModerationProcess.EVENT_READER_ANSWERED).count()).isZero();
    }

    @Test
    void withAnEndpointTheReaderIsAnsweredFirstAndTheJobScreensTheComment() {
        String author = trustedAuthor();
        useExternal("/allow", 5_000);

        IntakeAnswer answer = post(author, "Loved it, answered before screening");

        // stored and committed, not yet screened: no reasons, not in a queue, not visible
        assertThat(answer.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(answer.reasons()).isEmpty();
        assertThat(comments.find(answer.id()).orElseThrow().queue()).isNull();
        assertThat(instance(answer)).isWaitingAt(CommentModerationProcess.EVENT_READER_ANSWERED);

        management.executeJob(screeningJob(answer).getId());

        assertThat(comments.find(answer.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(instance(answer)).isNull();
    }

    /**
     * Issue 14: a moderation service that takes every call and does not answer. Ten screening jobs hang
     * in it at once (the job executor's largest pool, {@code camunda.bpm.job-execution.max-pool-size}),
     * each holding its job's transaction; meanwhile readers post over HTTP and every one is answered 202
     * while the service still hangs, and the pool never runs dry. When the service answers, each of those
     * comments is decided by the process (ALLOW from a trusted author: approved).
     */
    @Test
    void aHangingServiceHoldsNeitherReadersNorThePoolAndTheCommentsAreDecidedWhenItAnswers() throws Exception {
        String author = trustedAuthor();
        useExternal("/hang", 10_000);
        int jobThreads = 10;
        List<String> first = postOverHttp(author, "before", jobThreads, 4);
        ExecutorService jobExecutor = Executors.newFixedThreadPool(jobThreads);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (String id : first) {
                String job = screeningJob(id).getId();
                jobs.add(jobExecutor.submit(() -> management.executeJob(job)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> hanging.get() == jobThreads);

            long start = System.nanoTime();
            List<String> during = postOverHttp(author, "during", 24, 8);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(hanging.get()).as("the service still hangs after the readers were answered").isEqualTo(jobThreads);
            assertThat(during).hasSize(24);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                    .as("connections held by the hanging jobs").isLessThan(pool.getMaximumPoolSize());
            assertThat(tookMillis).as("24 comments while the service hangs").isLessThan(8_000);

            hangUntil.countDown();
            for (Future<?> job : jobs) {
                job.get(30, TimeUnit.SECONDS);
            }
            for (String id : first) {
                var decided = comments.find(id).orElseThrow();
                assertThat(decided.status()).as("%s %s", id, decided.reasons()).isEqualTo(CommentStatus.APPROVED);
            }
            for (String id : during) {
                management.executeJob(screeningJob(id).getId());
                var decided = comments.find(id).orElseThrow();
                assertThat(decided.status()).as("%s %s", id, decided.reasons()).isEqualTo(CommentStatus.APPROVED);
            }
        } finally {
            hangUntil.countDown();
            jobExecutor.shutdownNow();
        }
    }

    /** {@code count} comments posted over HTTP by {@code clients} readers at once; every answer must be 202 PENDING. */
    private List<String> postOverHttp(String email, String tag, int count, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = json.writeValueAsString(java.util.Map.of("authorName", "Reader", "authorEmail", email,
                        "body", "Loved it, says reader number " + i + " " + tag + " the hang"));
                answers.add(readers.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/api/public/articles/" + article.slug() + "/comments"))
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    JsonNode answer = json.readTree(response.body());
                    assertThat(answer.get("status").asText()).isEqualTo("PENDING");
                    return answer.get("id").asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get(30, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            readers.shutdownNow();
        }
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance instance(IntakeAnswer answer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CommentModerationProcess.PROCESS_ID)
                .processInstanceBusinessKey(answer.id()).singleResult();
    }

    private Job screeningJob(IntakeAnswer answer) {
        return screeningJob(answer.id());
    }

    private Job screeningJob(String commentId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(CommentModerationProcess.PROCESS_ID)
                .processInstanceBusinessKey(commentId).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance)
                .activityId(CommentModerationProcess.EVENT_READER_ANSWERED).singleResult();
    }

    /** Posts through intake (the reader's transaction), then runs the screening job the answer left. */
    private IntakeAnswer postAndScreen(String email, String body) {
        IntakeAnswer answer = post(email, body);
        assertThat(answer.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(answer.reasons()).isEmpty();
        management.executeJob(screeningJob(answer).getId());
        var stored = comments.find(answer.id()).orElseThrow();
        return new IntakeAnswer(answer.id(), stored.status(), stored.reasons().stream().map(r -> r.code()).toList());
    }

    private void useExternal(String path, int timeoutMillis) {
        ModerationSettings d = ModerationSettings.defaults();
        settings.replace(new ModerationSettings(d.bannedWords(), d.suspectWords(), d.maxLinks(), d.premoderation(),
                d.trustAfterApproved(), d.flagThreshold(), 100, d.queueSla(), d.rules(), d.shoutingMinLetters(),
                new ModerationSettings.External("http://127.0.0.1:" + external.getAddress().getPort() + path,
                        timeoutMillis)), "test");
    }

    private IntakeAnswer post(String email, String body) {
        return intake.submit(article.slug(), new NewComment("Reader", email, body, null, false),
                "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250), null);
    }

    /** An author with one approved comment: trusted under the default settings. */
    private String trustedAuthor() {
        String email = "reader-" + UUID.randomUUID() + "@example.org";
        IntakeAnswer first = post(email, "My very first comment " + UUID.randomUUID());
        decisions.decide(first.id(), Decision.APPROVE, null, "moderator-0");
        return email;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
