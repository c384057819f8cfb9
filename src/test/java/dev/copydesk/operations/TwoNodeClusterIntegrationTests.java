package dev.copydesk.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.copydesk.shared.process.ExposedToProcesses;
import dev.copydesk.support.CopydeskNode;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.PostgresTest;
import dev.copydesk.support.PostgresTestDatabase;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.TestProcesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Copydesk nodes on one PostgreSQL database, each with its own HTTP port, engine name and job
 * executor: a Camunda homogeneous cluster as in production. Shows what is shared through the
 * database and what is per node (see docs/operations.md, "Scale out").
 */
@PostgresTest
class TwoNodeClusterIntegrationTests {

    /** How long a node trusts a verified password; short here so the cross-node bound can be shown. */
    static final Duration CREDENTIAL_CACHE_TTL = Duration.ofSeconds(3);
    /** How long a node serves a public read from memory; short here so the cross-node bound can be shown. */
    static final Duration PUBLIC_CACHE_TTL = Duration.ofSeconds(3);
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = StaffFixtures.ADMIN_PASSWORD;

    /** Which node ran the step after the timer, per business key: shared by both nodes (one JVM). */
    static final Map<String, List<String>> TIMER_RUNS = new ConcurrentHashMap<>();

    static CopydeskNode nodeA;
    static CopydeskNode nodeB;

    @BeforeAll
    static void startCluster() {
        // a test before this one in the JVM may have stopped the engine's JVM-wide clock
        new dev.copydesk.shared.process.EngineClock().resume();
        String database = PostgresTestDatabase.newDatabaseUrl("cluster");
        Map<String, Object> common = Map.of("copydesk.security.credential-cache-ttl", CREDENTIAL_CACHE_TTL.toString(),
                "copydesk.public-cache.ttl", PUBLIC_CACHE_TTL.toString(),
                // 127.0.0.1 is a trusted proxy, so a test can speak for other client addresses
                "server.forward-headers-strategy", "native");
        // Started one after the other, as a rolling deployment would: the first creates the tables.
        nodeA = CopydeskNode.start("nodeA", database, common, ctx -> ctx.getBeanFactory()
                .registerSingleton("timerRuns", new TimerRuns("nodeA")));
        nodeB = CopydeskNode.start("nodeB", database, common, ctx -> ctx.getBeanFactory()
                .registerSingleton("timerRuns", new TimerRuns("nodeB")));
    }

    @AfterAll
    static void stopCluster() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void accountCreatedOnNodeALogsInOnNodeB() {
        String username = "cluster-" + System.nanoTime();
        HttpResponse<String> created = HttpCalls.postJson(nodeA.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD, """
                {"username":"%s","displayName":"Cluster Writer","email":"cw@example.org",
                 "password":"written-on-node-a","roles":["WRITER"]}""".formatted(username));
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<String> me = HttpCalls.get(nodeB.url("/api/me"), username, "written-on-node-a");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + username + "\"");
    }

    @Test
    void processStartedOnNodeAIsSeenAndCompletedOnNodeB() {
        TestProcesses.deploy(nodeA.bean(RepositoryService.class), "cluster-review-probe",
                TestProcesses.userTask("cluster-review-probe", null, "EDITOR", null));
        ProcessInstance started = nodeA.bean(RuntimeService.class)
                .startProcessInstanceByKey("cluster-review-probe", "article-on-a");

        TaskService tasksOnB = nodeB.bean(TaskService.class);
        Task task = tasksOnB.createTaskQuery().processInstanceBusinessKey("article-on-a").singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getProcessInstanceId()).isEqualTo(started.getId());
        tasksOnB.complete(task.getId());

        assertThat(nodeA.bean(HistoryService.class).createHistoricProcessInstanceQuery()
                .processInstanceId(started.getId()).finished().count()).isEqualTo(1);
    }

    @Test
    void eachNodeScrapesTheSameQueueDepthsFromTheSharedDatabase() {
        TestProcesses.deploy(nodeA.bean(RepositoryService.class), "cluster-gauge-probe",
                TestProcesses.userTask("cluster-gauge-probe", "ops", null, null));
        nodeA.bean(RuntimeService.class).startProcessInstanceByKey("cluster-gauge-probe");
        nodeB.bean(RuntimeService.class).startProcessInstanceByKey("cluster-gauge-probe");
        String line = "copydesk_workflow_tasks_open{application=\"copydesk\",process=\"cluster-gauge-probe\",task=\"Task_Probe\"} 2.0";
        for (CopydeskNode node : List.of(nodeA, nodeB)) {
            node.bean(WorkflowGauges.class).refresh();
            assertThat(HttpCalls.get(node.url("/actuator/prometheus")).statusCode()).isEqualTo(401);
            HttpResponse<String> scrape = HttpCalls.get(node.url("/actuator/prometheus"), ADMIN, ADMIN_PASSWORD);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains(line);
        }
    }

    @Test
    void eachTimerFiresExactlyOnceAcrossBothNodes() {
        int instances = 12;
        TestProcesses.deploy(nodeA.bean(RepositoryService.class), "cluster-timer-probe",
                TestProcesses.timerThenExpression("cluster-timer-probe", "PT1S", "${timerRuns.record(execution)}"));
        IntStream.range(0, instances).forEach(i -> (i % 2 == 0 ? nodeA : nodeB).bean(RuntimeService.class)
                .startProcessInstanceByKey("cluster-timer-probe", "timer-" + i));

        HistoryService history = nodeB.bean(HistoryService.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> history
                .createHistoricProcessInstanceQuery().processDefinitionKey("cluster-timer-probe").finished().count()
                == instances);

        assertThat(TIMER_RUNS).hasSize(instances);
        assertThat(TIMER_RUNS.values()).allSatisfy(runs -> assertThat(runs).hasSize(1));
        assertThat(nodeA.bean(org.camunda.bpm.engine.ManagementService.class).createJobQuery()
                .processDefinitionKey("cluster-timer-probe").count()).isZero();
    }

    @Test
    void loginFailuresOnNodeACountOnNodeBToo() {
        String username = "throttled-" + System.nanoTime();
        assertThat(HttpCalls.postJson(nodeA.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD, """
                {"username":"%s","displayName":"Throttled","email":"t@example.org",
                 "password":"the-right-password","roles":["EDITOR"]}""".formatted(username)).statusCode())
                .isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(HttpCalls.get(nodeA.url("/api/me"), username, "guess-" + i).statusCode()).isEqualTo(401);
        }
        // the fifth guess on the other node uses up the allowance both nodes share
        assertThat(HttpCalls.get(nodeB.url("/api/me"), username, "guess-4").statusCode()).isEqualTo(401);

        HttpResponse<String> onB = HttpCalls.get(nodeB.url("/api/me"), username, "the-right-password");
        assertThat(onB.statusCode()).as("max-failed-logins holds for the cluster, not per node").isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After")).isPresent();
        assertThat(HttpCalls.get(nodeA.url("/api/me"), username, "the-right-password").statusCode()).isEqualTo(429);
    }

    @Test
    void loginFailuresOfOneUsernameDoNotThrottleAnotherOnEitherNode() {
        String username = "unthrottled-" + System.nanoTime();
        assertThat(HttpCalls.postJson(nodeA.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD, """
                {"username":"%s","displayName":"Unthrottled","email":"u@example.org",
                 "password":"the-right-password","roles":["EDITOR"]}""".formatted(username)).statusCode())
                .isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(HttpCalls.get(nodeA.url("/api/me"), username + "-typo", "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(HttpCalls.get(nodeB.url("/api/me"), username, "the-right-password").statusCode()).isEqualTo(200);
        assertThat(HttpCalls.get(nodeA.url("/api/me"), username, "the-right-password").statusCode()).isEqualTo(200);
    }

    @Test
    void commentsFromOneAuthorOnBothNodesShareOneFloodLimit() throws Exception {
        String writer = account("WRITER");
        String editor = account("EDITOR");
        String id = submittedArticle(nodeA, writer, "Flooded on two nodes");
        String slug = JSON.readTree(decideReview(nodeA, editor, id, "{\"decision\":\"APPROVE\"}").body()).get("slug").asText();
        String email = "flood-" + System.nanoTime() + "@example.org";
        String other = "calm-" + System.nanoTime() + "@example.org";
        // the default limit is five a minute; alternate the nodes
        for (int i = 0; i < 5; i++) {
            assertThat(comment(i % 2 == 0 ? nodeA : nodeB, slug, email, "Comment number " + i).statusCode())
                    .isEqualTo(202);
        }

        for (CopydeskNode node : List.of(nodeA, nodeB)) {
            HttpResponse<String> sixth = comment(node, slug, email, "Comment number six on " + node.name());
            assertThat(sixth.statusCode()).as("sixth comment on %s", node.name()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(comment(nodeB, slug, other, "Another author is not throttled").statusCode()).isEqualTo(202);
    }

    /** A comment from an address of its own (through the trusted local proxy), so only the author's count is shared. */
    private static HttpResponse<String> comment(CopydeskNode node, String slug, String email, String body) {
        String address = "198.51.100." + (1 + Math.floorMod(body.hashCode() + email.hashCode(), 250));
        return HttpCalls.send("POST", node.url("/api/public/articles/" + slug + "/comments"), null, "application/json",
                """
                {"authorName":"Reader","authorEmail":"%s","body":"%s"}""".formatted(email, body),
                "X-Forwarded-For", address);
    }

    @Test
    void accountDisabledOnNodeAIsRefusedOnNodeBWithinTheCredentialCacheTtl() {
        String username = "leaver-" + System.nanoTime();
        HttpResponse<String> created = HttpCalls.postJson(nodeA.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD, """
                {"username":"%s","displayName":"Leaver","email":"l@example.org",
                 "password":"until-friday-only","roles":["WRITER"]}""".formatted(username));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        // Node B verifies the password once and remembers it.
        assertThat(HttpCalls.get(nodeB.url("/api/me"), username, "until-friday-only").statusCode()).isEqualTo(200);

        assertThat(HttpCalls.patchJson(nodeA.url("/api/admin/accounts/" + id), ADMIN, ADMIN_PASSWORD,
                "{\"enabled\":false}").statusCode()).isEqualTo(200);
        long disabledAt = System.nanoTime();

        assertThat(HttpCalls.get(nodeA.url("/api/me"), username, "until-friday-only").statusCode()).isEqualTo(401);
        await().atMost(CREDENTIAL_CACHE_TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                HttpCalls.get(nodeB.url("/api/me"), username, "until-friday-only").statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - disabledAt)).isLessThan(CREDENTIAL_CACHE_TTL.plusSeconds(2));
    }

    @Test
    void commentApprovedOnNodeAReachesNodeBsCachedThreadWithinThePublicCacheTtl() throws Exception {
        String writer = account("WRITER");
        String editor = account("EDITOR");
        String moderator = account("MODERATOR");
        String id = submittedArticle(nodeA, writer, "Cached on two nodes");
        String slug = JSON.readTree(decideReview(nodeA, editor, id, "{\"decision\":\"APPROVE\"}").body()).get("slug").asText();
        HttpResponse<String> posted = HttpCalls.postJson(nodeB.url("/api/public/articles/" + slug + "/comments"), null,
                null, """
                {"authorName":"Reader","authorEmail":"cached-%d@example.org","body":"First comment, held."}"""
                        .formatted(System.nanoTime()));
        String commentId = JSON.readTree(posted.body()).get("id").asText();
        String thread = "/api/public/articles/" + slug + "/comments";
        // node B caches the empty thread
        assertThat(JSON.readTree(HttpCalls.get(nodeB.url(thread)).body()).get("items")).isEmpty();

        assertThat(HttpCalls.postJson(nodeA.url("/api/moderation/comments/" + commentId + "/decision"), moderator,
                STAFF_PASSWORD, "{\"decision\":\"APPROVE\"}").statusCode()).isEqualTo(200);
        long approvedAt = System.nanoTime();

        // the node that approved shows it at once; the other within its cache's time to live
        assertThat(JSON.readTree(HttpCalls.get(nodeA.url(thread)).body()).get("items")).hasSize(1);
        await().atMost(PUBLIC_CACHE_TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                JSON.readTree(HttpCalls.get(nodeB.url(thread)).body()).get("items").size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - approvedAt)).isLessThan(PUBLIC_CACHE_TTL.plusSeconds(2));
    }

    @Test
    void reviewDecidedOnNodeAIsSeenOnNodeB() throws Exception {
        String writer = account("WRITER");
        String editor = account("EDITOR");
        String id = submittedArticle(nodeA, writer, "Decided on A");
        assertThat(HttpCalls.get(nodeB.url("/api/reviews"), editor, STAFF_PASSWORD).body()).contains(id);

        HttpResponse<String> decided = decideReview(nodeA, editor, id, "{\"decision\":\"APPROVE\",\"note\":\"ship it\"}");
        assertThat(decided.statusCode()).isEqualTo(200);

        JsonNode onB = JSON.readTree(HttpCalls.get(nodeB.url("/api/articles/" + id), editor, STAFF_PASSWORD).body());
        assertThat(onB.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(HttpCalls.get(nodeB.url("/api/reviews"), editor, STAFF_PASSWORD).body()).doesNotContain(id);
        assertThat(HttpCalls.get(nodeB.url("/api/public/articles/" + onB.get("slug").asText())).statusCode()).isEqualTo(200);
        // a second decision on node B is refused: the review is gone for both nodes
        assertThat(decideReview(nodeB, editor, id, "{\"decision\":\"APPROVE\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void scheduledPublicationFiresExactlyOnceAcrossBothNodes() throws Exception {
        String writer = account("WRITER");
        String editor = account("EDITOR");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CopydeskNode node = i % 2 == 0 ? nodeA : nodeB;
            String id = submittedArticle(node, writer, "Scheduled " + i);
            String publishAt = java.time.Instant.now().plusSeconds(2).toString();
            HttpResponse<String> scheduled = decideReview(node, editor, id, "{\"decision\":\"APPROVE\",\"publishAt\":\"%s\"}".formatted(publishAt));
            assertThat(scheduled.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(scheduled.body()).get("status").asText()).isEqualTo("SCHEDULED");
            ids.add(id);
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> JSON.readTree(
                    HttpCalls.get(nodeB.url("/api/articles/" + id), editor, STAFF_PASSWORD).body())
                    .get("status").asText().equals("PUBLISHED"));
        }
        // a duplicate firing would show within the job executor's next polls: every history must keep
        // exactly one publication for 1.5 s (Awaitility's "during" fails at the first poll that sees two)
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (String id : ids) {
                        assertThat(publications(nodeA, editor, id)).as("publications of %s", id).isEqualTo(1);
                    }
                });
        assertThat(nodeA.bean(org.camunda.bpm.engine.ManagementService.class).createJobQuery()
                .processDefinitionKey("article-publication").activityId("Timer_PublishAt").count())
                .as("no publish timer left behind").isZero();
    }

    private static long publications(CopydeskNode node, String editor, String id) throws Exception {
        JsonNode history = JSON.readTree(HttpCalls.get(node.url("/api/articles/" + id + "/history"), editor,
                STAFF_PASSWORD).body());
        long published = 0;
        for (JsonNode entry : history) {
            if ("PUBLISHED".equals(entry.get("toStatus").asText()) && "SCHEDULED".equals(entry.get("fromStatus").asText())) {
                published++;
            }
        }
        return published;
    }

    @Test
    void twoModeratorsDecidingOneCommentOnTheTwoNodesGetOneDecisionAndOne409() throws Exception {
        String writer = account("WRITER");
        String editor = account("EDITOR");
        String id = submittedArticle(nodeA, writer, "Comments on two nodes");
        HttpResponse<String> approved = decideReview(nodeA, editor, id, "{\"decision\":\"APPROVE\"}");
        String slug = JSON.readTree(approved.body()).get("slug").asText();
        String moderatorOnA = account("MODERATOR");
        String moderatorOnB = account("MODERATOR");
        for (int round = 0; round < 3; round++) {
            HttpResponse<String> posted = HttpCalls.postJson(nodeB.url("/api/public/articles/" + slug + "/comments"),
                    null, null, """
                    {"authorName":"Reader %1$d","authorEmail":"reader-%1$d-%2$d@example.org","body":"First comment, held."}"""
                            .formatted(round, System.nanoTime()));
            assertThat(posted.statusCode()).isEqualTo(202);
            JsonNode answer = JSON.readTree(posted.body());
            assertThat(answer.get("status").asText()).isEqualTo("PENDING");
            String commentId = answer.get("id").asText();

            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.Future<Integer> onA = pool.submit(() -> {
                go.await();
                return HttpCalls.postJson(nodeA.url("/api/moderation/comments/" + commentId + "/decision"), moderatorOnA,
                        STAFF_PASSWORD, "{\"decision\":\"APPROVE\"}").statusCode();
            });
            java.util.concurrent.Future<Integer> onB = pool.submit(() -> {
                go.await();
                return HttpCalls.postJson(nodeB.url("/api/moderation/comments/" + commentId + "/decision"), moderatorOnB,
                        STAFF_PASSWORD, "{\"decision\":\"REJECT\",\"reason\":\"SPAM\"}").statusCode();
            });
            go.countDown();
            List<Integer> statuses = List.of(onA.get(), onB.get());
            pool.shutdown();
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);

            JsonNode history = JSON.readTree(HttpCalls.get(nodeA.url("/api/moderation/comments/" + commentId + "/history"),
                    moderatorOnA, STAFF_PASSWORD).body());
            long decisions = 0;
            for (JsonNode entry : history.path("entries").isMissingNode() ? history : history.get("entries")) {
                String action = entry.path("action").asText();
                if (action.equals("APPROVED") || action.equals("REJECTED")) {
                    decisions++;
                }
            }
            assertThat(decisions).as("one decision recorded in round %d", round).isEqualTo(1);
        }
    }

    static final String STAFF_PASSWORD = "cluster-staff-password";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String account(String role) {
        String username = role.toLowerCase() + "-" + System.nanoTime();
        assertThat(HttpCalls.postJson(nodeA.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD, """
                {"username":"%s","displayName":"%s","email":"%s@example.org","password":"%s","roles":["%s"]}"""
                .formatted(username, username, username, STAFF_PASSWORD, role)).statusCode()).isEqualTo(201);
        return username;
    }

    /** An editor's review decision on {@code node}, for the article version the editor just read there. */
    private static HttpResponse<String> decideReview(CopydeskNode node, String editor, String id, String decision)
            throws Exception {
        long version = JSON.readTree(HttpCalls.get(node.url("/api/articles/" + id), editor, STAFF_PASSWORD).body())
                .get("version").asLong();
        return HttpCalls.postJson(node.url("/api/articles/" + id + "/decision"), editor, STAFF_PASSWORD,
                decision.replaceFirst("^\\{", "{\"version\":" + version + ","));
    }

    private static String submittedArticle(CopydeskNode node, String writer, String title) throws Exception {
        HttpResponse<String> created = HttpCalls.postJson(node.url("/api/articles"), writer, STAFF_PASSWORD, """
                {"title":"%s %d","summary":"On two nodes","body":"Body","tags":["cluster"]}""".formatted(title, System.nanoTime()));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(HttpCalls.postJson(node.url("/api/articles/" + id + "/submit"), writer, STAFF_PASSWORD, "")
                .statusCode()).isEqualTo(200);
        return id;
    }

    /** The service task after the timer: records which node ran it. Processes may name it. */
    @ExposedToProcesses
    public static final class TimerRuns {
        private final String node;

        TimerRuns(String node) {
            this.node = node;
        }

        public void record(DelegateExecution execution) {
            TIMER_RUNS.computeIfAbsent(execution.getProcessBusinessKey(), k -> new CopyOnWriteArrayList<>()).add(node);
        }
    }
}
