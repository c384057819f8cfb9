package dev.copydesk.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.operations.DriftCheck;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.newEmail;
import static dev.copydesk.support.CommentClient.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The moderators' and administrators' side over HTTP: queue, decisions (incl. a race), bulk, bans, history, settings. */
@CopydeskIntegrationTest
class ModerationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired dev.copydesk.shared.process.EngineClock engineClock;
    @Autowired StaffFixtures staff;
    @Autowired ArticleFixtures articles;
    @Autowired CommentDesk comments;
    @Autowired QueueCounts queueCounts;
    @Autowired ModerationDecisions queueDecisions;
    @Autowired ModerationSettingsStore settings;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired DriftCheck drift;
    @Autowired MeterRegistry meters;
    @Autowired org.springframework.boot.actuate.health.HealthContributorRegistry healthContributors;
    @Autowired org.springframework.boot.actuate.health.HealthEndpointGroups healthGroups;

    CommentClient client;
    PublishedArticle article;
    Staff moderator;

    @BeforeEach
    void setUp() {
        client = new CommentClient(mvc);
        article = articles.publishedArticle("Spoilers: more romance ahead " + UUID.randomUUID());
        moderator = staff.create(Role.MODERATOR);
    }

    @AfterEach
    void tearDown() {
        engineClock.resume();
        settings.replace(ModerationSettings.defaults(), "test");
    }

    @Test
    void queueItemCarriesReasonsParentAuthorRecordAndDueTime() throws Exception {
        String email = newEmail();
        String parent = client.approvedComment(article.slug(), newEmail(), "The parent comment", null, moderator.login());
        String rejected = client.comment(article.slug(), email, "fuck off");
        String held = client.comment(article.slug(), email, "What a m0r0n, see http://a.example.com http://b.example.com http://c.example.com", parent);

        MvcResult result = mvc.perform(get("/api/moderation/queue").param("queue", "pending").param("limit", "200")
                        .with(moderator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber())
                .andReturn();
        List<Object> items = JsonPath.read(result.getResponse().getContentAsString(), "$.items[?(@.commentId == '" + held + "')]");
        assertThat(items).hasSize(1);
        String item = "$.items[?(@.commentId == '" + held + "')]";
        mvc.perform(get("/api/moderation/queue").param("limit", "200").with(moderator.login()))
                .andExpect(jsonPath(item + ".articleSlug").value(article.slug()))
                .andExpect(jsonPath(item + ".articleTitle").value(article.title()))
                .andExpect(jsonPath(item + ".authorEmail").value(email))
                .andExpect(jsonPath(item + ".parent.id").value(parent))
                .andExpect(jsonPath(item + ".parent.body").value("The parent comment"))
                .andExpect(jsonPath(item + ".reasons[*].code").value(containsInAnyOrder("SUSPECT_WORD", "TOO_MANY_LINKS", "FIRST_COMMENT")))
                .andExpect(jsonPath(item + ".reasons[?(@.code == 'SUSPECT_WORD')].detail").value(hasItem("moron; `m0r0n` reads as moron")))
                .andExpect(jsonPath(item + ".reasons[?(@.code == 'TOO_MANY_LINKS')].detail").value(hasItem(startsWith("3 links"))))
                .andExpect(jsonPath(item + ".author.rejected").value(hasItem(1)))
                .andExpect(jsonPath(item + ".author.pending").value(hasItem(1)))
                .andExpect(jsonPath(item + ".author.approved").value(hasItem(0)))
                .andExpect(jsonPath(item + ".dueAt").isNotEmpty())
                .andExpect(jsonPath(item + ".overdue").value(hasItem(false)));
        assertThat(comments.find(rejected).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void queueTotalStaysExactUnderConcurrentHoldsAndDecisions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> held = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                held.add(pool.submit(() -> client.comment(article.slug(), newEmail(), "Held at once " + n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : held) {
                ids.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            List<Future<?>> decided = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = ids.get(i);
                Decision decision = i % 2 == 0 ? Decision.APPROVE : Decision.REJECT;
                decided.add(pool.submit(() -> queueDecisions.decide(id, decision, null, "moderator-0")));
            }
            for (Future<?> f : decided) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(queueCounts.size(CommentQueue.PENDING)).isEqualTo(comments.queueSize(CommentQueue.PENDING));
        String body = mvc.perform(get("/api/moderation/queue").param("limit", "2").with(moderator.login()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.total")).longValue())
                .isEqualTo(comments.queueSize(CommentQueue.PENDING)).isGreaterThanOrEqualTo(12);
    }

    @Test
    void driftCheckReportsAQueuedCommentAndAnArticleInReviewWhoseProcessesWereDeleted() throws Exception {
        java.util.Map<String, Long> before = drift.run().kinds();
        String held = client.comment(article.slug(), newEmail(), "Held, then its process is deleted");
        assertThat(comments.find(held).orElseThrow().queue()).isEqualTo(CommentQueue.PENDING);
        Staff writer = staff.create(Role.WRITER);
        String inReview = articles.inReview(writer, "Drift " + UUID.randomUUID()).id();
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(held)
                .singleResult().getId(), "drift test");
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(inReview)
                .singleResult().getId(), "drift test");

        String body = mvc.perform(post("/api/admin/drift").with(staff.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String kind : List.of("comment-queued-without-task", "article-in-review-without-task")) {
            long was = before.getOrDefault(kind, 0L);
            assertThat(((Number) JsonPath.read(body, "$.kinds['" + kind + "']")).longValue()).as(kind).isEqualTo(was + 1);
            assertThat(meters.get("copydesk.drift").tag("kind", kind).gauge().value()).as(kind).isEqualTo(was + 1.0);
        }
        mvc.perform(get("/api/admin/drift").with(moderator.login())).andExpect(status().isForbidden());
        assertThat(drift.last().total()).isGreaterThanOrEqualTo(2);
        // a health detail, but not in the readiness group: drift does not take the node out of rotation
        var indicator = (org.springframework.boot.actuate.health.HealthIndicator) healthContributors.getContributor("drift");
        assertThat(indicator.health().getDetails().get("kinds")).isEqualTo(drift.last().kinds());
        assertThat(healthGroups.get("readiness").isMember("drift")).isFalse();
    }

    @Test
    void queueIsOldestFirstWithAKeysetCursorAndATotal() throws Exception {
        long before = comments.queueSize(CommentQueue.PENDING);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.comment(article.slug(), newEmail(), "Held number " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/moderation/queue").param("limit", "3").with(moderator.login());
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String body = mvc.perform(request).andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value((int) before + 5))
                    .andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].commentId"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);

        assertThat(seen).containsSubsequence(ids).doesNotHaveDuplicates();
        mvc.perform(get("/api/moderation/queue").param("queue", "other").with(moderator.login()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("queue"));
    }

    @Test
    void decisionOnAnAlreadyDecidedCommentIsConflict() throws Exception {
        String id = client.comment(article.slug(), newEmail(), "Decide me once");

        mvc.perform(post("/api/moderation/comments/{id}/decision", id).with(moderator.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\",\"reason\":\"OFF_TOPIC\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(post("/api/moderation/comments/{id}/decision", id).with(moderator.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("REJECTED"));
        mvc.perform(post("/api/moderation/comments/{id}/decision", UUID.randomUUID()).with(moderator.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/moderation/comments/{id}/decision", id).with(moderator.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void twoModeratorsRacingOnOneCommentGetOne200AndOne409AndNothingHalfMoved() throws Exception {
        Staff other = staff.create(Role.MODERATOR);
        for (int round = 0; round < 3; round++) {
            String id = client.comment(article.slug(), newEmail(), "Race me " + round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> approve = () -> {
                    start.await();
                    return client.decide(id, "APPROVE", null, moderator.login()).getResponse().getStatus();
                };
                Callable<Integer> reject = () -> {
                    start.await();
                    return client.decide(id, "REJECT", "SPAM", other.login()).getResponse().getStatus();
                };
                Future<Integer> a = pool.submit(approve);
                Future<Integer> b = pool.submit(reject);
                start.countDown();
                List<Integer> statuses = List.of(a.get(), b.get());

                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                CommentStatus expected = a.get() == 200 ? CommentStatus.APPROVED : CommentStatus.REJECTED;
                assertThat(comments.find(id).orElseThrow().status()).isEqualTo(expected);
                assertThat(comments.find(id).orElseThrow().queue()).isNull();
                assertThat(comments.history(id).entries()).extracting(e -> e.action())
                        .containsExactly("SCREENED", expected == CommentStatus.APPROVED ? "APPROVED" : "REJECTED");
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void bulkDecisionReportsEachCommentIncludingAlreadyDecidedAndUnknown() throws Exception {
        String a = client.comment(article.slug(), newEmail(), "Bulk one");
        String b = client.comment(article.slug(), newEmail(), "Bulk two");
        String decided = client.comment(article.slug(), newEmail(), "Bulk decided");
        client.decide(decided, "APPROVE", null, moderator.login());
        String unknown = UUID.randomUUID().toString();

        mvc.perform(post("/api/moderation/decisions").with(moderator.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commentIds\":[\"" + a + "\",\"" + decided + "\",\"" + b + "\",\"" + unknown
                                + "\"],\"decision\":\"REJECT\",\"reason\":\"SPAM\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(2))
                .andExpect(jsonPath("$.failed").value(2))
                .andExpect(jsonPath("$.results[0].outcome").value("DECIDED"))
                .andExpect(jsonPath("$.results[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.results[1].outcome").value("CONFLICT"))
                .andExpect(jsonPath("$.results[1].status").value("APPROVED"))
                .andExpect(jsonPath("$.results[2].outcome").value("DECIDED"))
                .andExpect(jsonPath("$.results[3].outcome").value("NOT_FOUND"));
        assertThat(comments.find(b).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void banWithRejectPendingRejectsHeldCommentsAndFutureOnesUntilLifted() throws Exception {
        String email = newEmail();
        String pending = client.comment(article.slug(), email, "Held before the ban");

        String ban = mvc.perform(post("/api/moderation/bans").with(moderator.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authorEmail\":\"" + email.toUpperCase() + "\",\"reason\":\"spam\",\"rejectPending\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ban.active").value(true))
                .andExpect(jsonPath("$.rejectedCommentIds[0]").value(pending))
                .andReturn().getResponse().getContentAsString();
        assertThat(comments.find(pending).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
        MvcResult after = client.send(article.slug(), CommentClient.json("Ann", email, "After the ban", null), randomAddress());
        assertThat(client.status(after)).isEqualTo("REJECTED");
        assertThat(after.getResponse().getContentAsString()).contains("BANNED_AUTHOR");

        String banId = JsonPath.read(ban, "$.ban.id");
        mvc.perform(delete("/api/moderation/bans/{id}", banId).with(moderator.login()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(delete("/api/moderation/bans/{id}", banId).with(moderator.login())).andExpect(status().isNotFound());
        MvcResult lifted = client.send(article.slug(), CommentClient.json("Ann", email, "After the lift", null), randomAddress());
        assertThat(client.status(lifted)).isEqualTo("PENDING");
    }

    @Test
    void suspensionEndsAtItsUntilTime() throws Exception {
        String email = newEmail();
        Instant until = Instant.now().plus(Duration.ofHours(1));
        mvc.perform(post("/api/moderation/bans").with(moderator.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authorEmail\":\"" + email + "\",\"reason\":\"cool down\",\"rejectPending\":false,\"until\":\"" + until + "\"}"))
                .andExpect(status().isCreated());
        assertThat(client.status(client.send(article.slug(), CommentClient.json("Ann", email, "During", null), randomAddress())))
                .isEqualTo("REJECTED");

        engineClock.stopAt(until.plusSeconds(60));
        assertThat(client.status(client.send(article.slug(), CommentClient.json("Ann", email, "After", null), randomAddress())))
                .isEqualTo("PENDING");
        mvc.perform(post("/api/moderation/bans").with(moderator.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authorEmail\":\"" + email + "\",\"reason\":\"x\",\"until\":\"2001-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("until"));
    }

    @Test
    void reportedQueueShowsFlaggedCommentsAndApprovalThereClearsTheFlags() throws Exception {
        String id = client.approvedComment(article.slug(), newEmail(), "Flag me please", null, moderator.login());
        for (int i = 0; i < 3; i++) {
            client.flag(id, "ABUSE", randomAddress());
        }
        String item = "$.items[?(@.commentId == '" + id + "')]";
        mvc.perform(get("/api/moderation/queue").param("queue", "reported").param("limit", "200").with(moderator.login()))
                .andExpect(jsonPath(item + ".flags").value(hasItem(3)))
                .andExpect(jsonPath(item + ".queue").value(hasItem("reported")));

        client.decide(id, "APPROVE", null, moderator.login());

        mvc.perform(get("/api/moderation/queue").param("queue", "reported").param("limit", "200").with(moderator.login()))
                .andExpect(jsonPath(item).value(hasSize(0)));
        mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/moderation/comments/{id}/history", id).with(moderator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].action").value(org.hamcrest.Matchers.contains(
                        "SCREENED", "APPROVED", "REPORTED", "APPROVED")))
                .andExpect(jsonPath("$.entries[0].reasons[0].code").value("FIRST_COMMENT"))
                .andExpect(jsonPath("$.entries[1].actor").value(moderator.member().username()));
    }

    @Test
    void settingsAreReadAndReplacedByAdminsAndValidatedWithFieldNames() throws Exception {
        mvc.perform(get("/api/admin/moderation-settings").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxLinks").value(2))
                .andExpect(jsonPath("$.trustAfterApproved").value(1))
                .andExpect(jsonPath("$.flagThreshold").value(3))
                .andExpect(jsonPath("$.queueSla").value("PT2H"))
                .andExpect(jsonPath("$.rules.SHOUTING").value(true));

        String valid = """
                {"bannedWords":["spoiler"],"suspectWords":[],"maxLinks":0,"premoderation":false,"trustAfterApproved":0,
                 "flagThreshold":2,"commentsPerMinute":10,"queueSla":"PT30M","rules":{"SHOUTING":false}}""";
        mvc.perform(put("/api/admin/moderation-settings").with(staff.admin()).contentType(MediaType.APPLICATION_JSON).content(valid))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bannedWords[0]").value("spoiler"))
                .andExpect(jsonPath("$.rules.SHOUTING").value(false))
                .andExpect(jsonPath("$.rules.FIRST_COMMENT").value(true));
        MvcResult spoiled = client.send(article.slug(), CommentClient.json("Ann", newEmail(), "SPOILERS: they kiss", null), randomAddress());
        assertThat(client.status(spoiled)).isEqualTo("REJECTED");

        for (String[] bad : new String[][] {
                {"\"maxLinks\":0", "\"maxLinks\":-1", "maxLinks"},
                {"\"queueSla\":\"PT30M\"", "\"queueSla\":\"two hours\"", "queueSla"},
                {"\"flagThreshold\":2", "\"flagThreshold\":0", "flagThreshold"},
                {"\"bannedWords\":[\"spoiler\"]", "\"bannedWords\":[\"  \"]", "bannedWords"},
                {"\"maxLinks\":0,", "", "maxLinks"}}) {
            mvc.perform(put("/api/admin/moderation-settings").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                            .content(valid.replace(bad[0], bad[1])))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad[2]));
        }
    }
}
