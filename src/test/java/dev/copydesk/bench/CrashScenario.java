package dev.copydesk.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14's crash test, on one service JVM: readers post comments that are held for moderation
 * while moderators decide comments held earlier, and the service is killed with SIGKILL at a
 * random moment of both. The service is then started again on the same data, and:
 * <ul>
 * <li>every comment answered 202 is there and consistent: its history has the screening entry, its
 * moderation task is open (a moderator's approval is 200, not 409 or 404);</li>
 * <li>every decision answered 200 is there: deciding it again is 409;</li>
 * <li>every other held comment is either decided or still decidable;</li>
 * <li>the drift check finds nothing out of step between our tables and the engine;</li>
 * <li>every approval's {@code comment.approved} webhook arrives with exactly one event id (a
 * redelivery of the same id would be allowed; a lost or a doubled event is not).</li>
 * </ul>
 * The SIGKILL comes while requests are in flight, so a comment or a decision that committed but
 * was not answered is allowed either way; what was answered is not.
 */
final class CrashScenario {

    /** The restart: the same data, the same arguments. */
    interface Restart {
        ServiceProcess start() throws Exception;
    }

    private static final int HELD_BEFORE = 24;
    private static final int MODERATORS = 4;
    private static final int READERS = 2;
    /** A bound on each reader's comments; the kill comes long before it. */
    private static final int COMMENTS_PER_READER = 200;

    private final String prefix;
    private final EventReceiver receiver;

    /**
     * @param prefix   names this run's accounts and readers, so it can share a service with another test
     * @param receiver the webhook receiver; {@link #run} registers a {@code comment.approved} webhook to it
     */
    CrashScenario(String prefix, EventReceiver receiver) {
        this.prefix = prefix;
        this.receiver = receiver;
    }

    void run(ServiceProcess first, Restart restart) throws Exception {
        List<String> held = new ArrayList<>();
        List<String> decided = Collections.synchronizedList(new ArrayList<>());
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        int killAfter = ThreadLocalRandom.current().nextInt(HELD_BEFORE / 4, HELD_BEFORE * 3 / 4);
        try {
            Desk desk = new Desk(first.port);
            desk.staff(prefix + ".writer", "WRITER");
            desk.staff(prefix + ".editor", "EDITOR");
            for (int m = 0; m < MODERATORS; m++) {
                desk.staff(prefix + ".moderator" + m, "MODERATOR");
            }
            desk.liftFloodLimit();
            desk.webhook(receiver.url(), List.of("comment.approved"));
            String slug = desk.publishedArticle(prefix + ".writer", prefix + ".editor",
                    "Spoilers: more romance ahead for two detectives (" + prefix + ")").get("slug").asText();
            for (int i = 0; i < HELD_BEFORE; i++) {
                held.add(desk.heldComment(slug, prefix + " early " + i));
            }

            ExecutorService staffAndReaders = Executors.newFixedThreadPool(MODERATORS + READERS);
            AtomicInteger next = new AtomicInteger();
            for (int m = 0; m < MODERATORS; m++) {
                String moderator = prefix + ".moderator" + m;
                staffAndReaders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < HELD_BEFORE && !killed.get(); i = next.getAndIncrement()) {
                        HttpResponse<String> answer = desk.approve(moderator, held.get(i));
                        if (answer.statusCode() == 200) {
                            decided.add(held.get(i));
                        }
                    }
                    return null;
                });
            }
            for (int r = 0; r < READERS; r++) {
                String reader = prefix + " reader " + r;
                staffAndReaders.submit(() -> {
                    for (int i = 0; i < COMMENTS_PER_READER && !killed.get(); i++) {
                        posted.add(desk.heldComment(slug, reader + "-" + i));
                    }
                    return null;
                });
            }
            // The kill comes after a random share of the decisions, with readers posting meanwhile.
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                    .until(() -> decided.size() >= killAfter && !posted.isEmpty());
            ProcessHandle service = ProcessHandle.of(first.pid()).orElseThrow();
            killed.set(true);
            service.destroyForcibly();
            service.onExit().get(30, TimeUnit.SECONDS);
            staffAndReaders.shutdown();
            assertThat(staffAndReaders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.close();
        }
        List<String> answeredDecisions = List.copyOf(decided);
        List<String> answeredComments = List.copyOf(posted);
        System.out.printf("[measure] %s: SIGKILL after %d of %d decisions and %d comments answered; %d webhooks had arrived%n",
                prefix, answeredDecisions.size(), HELD_BEFORE, answeredComments.size(), receiver.count());

        try (ServiceProcess second = restart.start()) {
            AfterTheFault after = new AfterTheFault(new Desk(second.port), prefix + ".moderator0");
            after.nothingIsOutOfStepWithTheEngine();
            after.heldCommentsAreWaitingForAModerator(answeredComments);
            after.decisionsAreThere(answeredDecisions);
            int decidedNow = after.unansweredAreDecidedOrDecidable(
                    held.stream().filter(id -> !answeredDecisions.contains(id)).toList());
            System.out.printf("[measure] %s after restart: %d held comments still pending were decided now%n",
                    prefix, decidedNow);

            // Every comment of this run that was held before, or that a reader was answered for, is
            // approved by now, so every one must have its event, once.
            List<String> approved = new ArrayList<>(held);
            approved.addAll(answeredComments);
            AfterTheFault.everyApprovalArrivesOnce(receiver, approved);
        }
    }
}
