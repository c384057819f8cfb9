package dev.copydesk.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import dev.copydesk.notifications.process.WebhookDeliveryProcess;
import dev.copydesk.support.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a real receiver on localhost: signed, retried with growing delays by the
 * engine's jobs, recorded, and never in the way of the transaction that caused the event.
 */
@NotificationsIntegrationTest
class WebhookDeliveryIntegrationTests {

    private static final String SECRET = "whsec-test-5f1c2a";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectMapper json;

    Newsroom newsroom;
    TestReceiver receiver;
    String webhookId;

    @BeforeEach
    void registerReceiver() throws Exception {
        newsroom = new Newsroom(transactions, publisher, dataSource);
        receiver = new TestReceiver();
        String body = mvc.perform(post("/api/admin/webhooks").with(staff.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("url", receiver.url(), "secret", SECRET,
                                "events", List.of("article.published", "article.unpublished")))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        webhookId = JsonPath.read(body, "$.id");
    }

    @AfterEach
    void removeReceiver() throws Exception {
        receiver.close();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/admin/webhooks/" + webhookId).with(staff.admin()));
    }

    @Test
    void deliveryIsAJsonPostSignedOverTimestampAndBodyThatTheReceiverCanVerify() throws Exception {
        newsroom.commit(TestEvent.of("article.published", "articleId", "a-1", "slug", "hello-world",
                "title", "Hello, world", "authorId", "w-1"));

        management.executeJob(onlyJob());

        assertThat(receiver.received()).hasSize(1);
        TestReceiver.Received request = receiver.received().get(0);
        long timestamp = Long.parseLong(request.header("Copydesk-Timestamp"));
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(request.header("Copydesk-Signature")).isEqualTo("v1=" + hmacHex(SECRET, timestamp + "." + request.body()));
        assertThat(request.header("Content-Type")).startsWith("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(request.body(), Map.class);
        assertThat(body.keySet()).containsExactlyInAnyOrder("id", "type", "occurredAt", "data");
        assertThat(body.get("id")).isEqualTo(request.header("Copydesk-Event-Id"));
        assertThat(body.get("type")).isEqualTo("article.published");
        assertThat((Map<String, Object>) body.get("data")).containsEntry("slug", "hello-world");

        Map<String, Object> delivery = deliveries().get(0);
        assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
                .containsEntry("event", "article.published");
        assertThat(delivery.get("deliveredAt")).isNotNull();
        assertThat(delivery.get("lastError")).isNull();
    }

    @Test
    void eventTypeTheEndpointDidNotSubscribeToIsNotDelivered() throws Exception {
        newsroom.commit(TestEvent.of("article.submitted", "articleId", "a-2", "authorId", "w-1"));

        assertThat(deliveries()).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void failingReceiverIsRetriedWithGrowingDelaysAndEveryAttemptRecordedUntilGivenUp() throws Exception {
        receiver.answer(TestReceiver.Mode.FAIL);
        newsroom.commit(TestEvent.of("article.unpublished", "articleId", "a-3", "slug", "gone", "authorId", "w-1"));

        String jobId = onlyJob();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("HTTP 500");
        assertThat(deliveries().get(0)).containsEntry("status", "RETRYING").containsEntry("attempts", 1)
                .containsEntry("lastError", "Receiver answered HTTP 500");
        Job afterFirst = job(jobId);
        assertThat(afterFirst.getRetries()).isEqualTo(2);
        assertThat(Duration.between(Instant.now(), afterFirst.getDuedate().toInstant()).toSeconds())
                .isBetween(0L, 3L);

        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("HTTP 500");
        assertThat(deliveries().get(0)).containsEntry("status", "RETRYING").containsEntry("attempts", 2);
        Job afterSecond = job(jobId);
        assertThat(afterSecond.getRetries()).isEqualTo(1);
        assertThat(Duration.between(Instant.now(), afterSecond.getDuedate().toInstant()).toSeconds())
                .as("the second wait is four times the first").isBetween(6L, 9L);

        management.executeJob(jobId);

        assertThat(deliveries().get(0)).containsEntry("status", "FAILED").containsEntry("attempts", 3)
                .containsEntry("lastError", "Receiver answered HTTP 500");
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received()).extracting(r -> r.header("Copydesk-Event-Id")).containsOnly(
                receiver.received().get(0).header("Copydesk-Event-Id"));
        String instanceId = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey((String) deliveries().get(0).get("id")).singleResult().getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count())
                .as("the instance ended normally after the last attempt").isOne();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instanceId).count()).isZero();
    }

    @Test
    void receiverThatRecoversGetsTheDeliveryOnTheNextAttempt() throws Exception {
        receiver.answer(TestReceiver.Mode.FAIL);
        newsroom.commit(TestEvent.of("article.published", "articleId", "a-4", "slug", "back", "authorId", "w-1"));
        String jobId = onlyJob();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("HTTP 500");

        receiver.answer(TestReceiver.Mode.ACCEPT);
        management.executeJob(jobId);

        assertThat(deliveries().get(0)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(WebhookDeliveryProcess.KEY)
                .finished().count()).isPositive();
    }

    @Test
    void hangingReceiverNeverSlowsTheTransactionThatPublishedTheEvent() throws Exception {
        receiver.answer(TestReceiver.Mode.HANG);

        // The receiver hangs for 10 s; each publishing transaction only stores a delivery and a job.
        long[] publishMillis = new long[5];
        for (int i = 0; i < publishMillis.length; i++) {
            long started = System.nanoTime();
            newsroom.commit(TestEvent.of("article.published", "articleId", "a-5-" + i, "slug", "slow-" + i,
                    "authorId", "w-1"));
            publishMillis[i] = (System.nanoTime() - started) / 1_000_000;
        }

        assertThat(java.util.Arrays.stream(publishMillis).max().orElseThrow()).isLessThan(2_000L);
        assertThat(deliveries()).hasSize(5).allSatisfy(d -> assertThat(d)
                .containsEntry("status", "PENDING").containsEntry("attempts", 0));

        String jobId = onlyJob();
        long attemptStarted = System.nanoTime();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("timed out");
        long attemptMillis = (System.nanoTime() - attemptStarted) / 1_000_000;
        assertThat(attemptMillis).as("the job gives up at the read timeout, not when the receiver does")
                .isBetween(900L, 5_000L);
        assertThat(deliveries().get(0)).containsEntry("status", "RETRYING").containsEntry("attempts", 1);
        assertThat((String) deliveries().get(0).get("lastError")).contains("timed out");
        System.out.printf("[measure] publish with hanging receiver (5 commits): %s ms; job attempt: %d ms%n",
                java.util.Arrays.toString(publishMillis), attemptMillis);
    }

    @Test
    void rolledBackTransactionQueuesNoDelivery() throws Exception {
        long jobsBefore = management.createJobQuery().processDefinitionKey(WebhookDeliveryProcess.KEY).count();

        newsroom.rollBack(TestEvent.of("article.published", "articleId", "a-6", "slug", "never", "authorId", "w-1"));

        assertThat(deliveries()).isEmpty();
        assertThat(management.createJobQuery().processDefinitionKey(WebhookDeliveryProcess.KEY).count())
                .isEqualTo(jobsBefore);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void eventsNotHandedOnInTimeAreCountedByTheOutstandingGauge() throws Exception {
        newsroom.commit(TestEvent.of("article.published", "articleId", "a-7", "slug", "counted", "authorId", "w-1"));
        assertThat(meters.get("copydesk.events.outstanding").gauge().value()).isZero();

        // A publication stored an hour ago and never completed, as a node that keeps failing leaves it.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        UUID stuck = UUID.randomUUID();
        jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date) "
                + "values (?, 'test.listener', 'test.Event', '{}', ?)", stuck,
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
        try {
            assertThat(meters.get("copydesk.events.outstanding").gauge().value()).isEqualTo(1.0);
        } finally {
            jdbc.update("delete from event_publication where id = ?", stuck);
        }
    }

    private String onlyJob() throws Exception {
        return jobOf((String) deliveries().get(0).get("id"));
    }

    private String jobOf(String deliveryId) {
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deliveryId)
                .singleResult().getId();
        return management.createJobQuery().processInstanceId(instanceId).singleResult().getId();
    }

    private Job job(String id) {
        return management.createJobQuery().jobId(id).singleResult();
    }

    private List<Map<String, Object>> deliveries() throws Exception {
        String body = mvc.perform(get("/api/admin/webhooks/" + webhookId + "/deliveries").with(staff.admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$");
    }

    /** The receiver's side, written independently of Copydesk's own signing code. */
    private static String hmacHex(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
