package dev.copydesk.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14, "crash between commit and delivery": moderators decide held comments from four
 * threads while the service (its own JVM, job executor on, a webhook receiver on 127.0.0.1) is
 * killed with SIGKILL at a random moment. After a restart on the same data:
 * <ul>
 * <li>every decision answered 200 is there: deciding it again is 409;</li>
 * <li>every comment is consistent: either decided, or still pending with its task, so a moderator
 * can decide it now;</li>
 * <li>every decision's {@code comment.approved} webhook arrives, exactly one event id per comment
 * (a redelivery of the same id would be allowed; a lost or a doubled event is not).</li>
 * </ul>
 * On the embedded default here; {@link PostgresDecisionEventsSurviveSigkillTests} runs it on PostgreSQL.
 */
class DecisionEventsSurviveSigkillTests {

    private static final int COMMENTS = 30;
    private static final int MODERATORS = 4;

    @TempDir
    Path work;

    /** The database arguments of both runs of the service (the same data for the restart). */
    List<String> databaseArgs() {
        return List.of();
    }

    @Test
    void everyAcknowledgedDecisionIsThereAndItsWebhookArrivesAfterSigkillAndRestart() throws Exception {
        List<String> args = new ArrayList<>(databaseArgs());
        args.addAll(List.of("--copydesk.outbound.allow-private-addresses=true",
                "--copydesk.webhooks.first-retry-delay=PT1S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                // Jobs the killed node had locked wait for their lock to expire (5 min by default)
                // before the restarted node runs them: shorter here, so the test need not wait.
                "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        Path data = work.resolve("data");
        List<String> comments = new ArrayList<>();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

        try (EventReceiver receiver = new EventReceiver()) {
            ServiceProcess first = ServiceProcess.start(data, "384m", List.of(), args, work.resolve("run/first.log"));
            try {
                Desk desk = new Desk(first.port);
                desk.staff("crash.writer", "WRITER");
                desk.staff("crash.editor", "EDITOR");
                for (int m = 0; m < MODERATORS; m++) {
                    desk.staff("crash.moderator" + m, "MODERATOR");
                }
                desk.liftFloodLimit();
                desk.webhook(receiver.url(), List.of("comment.approved"));
                String slug = desk.publishedArticle("crash.writer", "crash.editor",
                        "Spoilers: more romance ahead for two detectives").get("slug").asText();
                for (int i = 0; i < COMMENTS; i++) {
                    comments.add(desk.heldComment(slug, i));
                }

                // Four moderators decide; the kill comes after a random share of the decisions.
                int killAfter = ThreadLocalRandom.current().nextInt(COMMENTS / 4, COMMENTS * 3 / 4);
                AtomicInteger next = new AtomicInteger();
                ExecutorService moderators = Executors.newFixedThreadPool(MODERATORS);
                for (int m = 0; m < MODERATORS; m++) {
                    String moderator = "crash.moderator" + m;
                    moderators.submit(() -> {
                        for (int i = next.getAndIncrement(); i < COMMENTS; i = next.getAndIncrement()) {
                            try {
                                HttpResponse<String> answer = desk.approve(moderator, comments.get(i));
                                if (answer.statusCode() == 200) {
                                    acknowledged.add(comments.get(i));
                                }
                            } catch (Exception killed) {
                                return null;
                            }
                        }
                        return null;
                    });
                }
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> acknowledged.size() >= killAfter);
                ProcessHandle service = ProcessHandle.of(first.pid()).orElseThrow();
                service.destroyForcibly();
                service.onExit().get(30, TimeUnit.SECONDS);
                moderators.shutdown();
                assertThat(moderators.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.close();
            }
            List<String> answered = List.copyOf(acknowledged);
            System.out.printf("[measure] %s: %d of %d decisions answered 200 before SIGKILL; %d webhooks had arrived%n",
                    getClass().getSimpleName(), answered.size(), COMMENTS, receiver.count());

            try (ServiceProcess second = ServiceProcess.start(data, "384m", List.of(), args,
                    work.resolve("run/second.log"))) {
                Desk desk = new Desk(second.port);
                for (String id : answered) {
                    assertThat(desk.approve("crash.moderator0", id).statusCode())
                            .as("comment %s was acknowledged as decided", id).isEqualTo(409);
                }
                int decidedNow = 0;
                for (String id : comments) {
                    if (!answered.contains(id)) {
                        int status = desk.approve("crash.moderator0", id).statusCode();
                        assertThat(status).as("comment %s is either decided or still decidable", id).isIn(200, 409);
                        decidedNow += status == 200 ? 1 : 0;
                    }
                }
                System.out.printf("[measure] after restart: %d comments still pending were decided now%n", decidedNow);

                // Every comment is approved by now, so every one must have its event, once.
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> receiver.eventIdsBy("comment.approved", "commentId").keySet().containsAll(comments));
                Map<String, Set<String>> ids = receiver.eventIdsBy("comment.approved", "commentId");
                assertThat(ids.keySet()).containsAll(comments);
                assertThat(ids).allSatisfy((comment, eventIds) -> assertThat(eventIds)
                        .as("event ids of the approval of %s", comment).hasSize(1));
            }
        }
    }
}
