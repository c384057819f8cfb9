package dev.copydesk.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14's crash test on the embedded default (H2 file database, every commit written to the file
 * before it returns by {@code shared.DurableCommits}): readers post and moderators decide while the
 * service, in its own JVM with its job executor on, is killed with SIGKILL; restarted on the same
 * files, everything answered is there and consistent, and every approval's webhook arrives once
 * ({@link CrashScenario}). With {@code --copydesk.h2.group-commit=false} (H2's own 500 ms write delay)
 * comments acknowledged just before the kill are missing and this fails (tried: a 202 comment was 404).
 * {@link PostgresLoadAndFaultTests} runs the same scenario on PostgreSQL.
 */
class IntakeAndDecisionsSurviveSigkillTests {

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedCommentAndDecisionIsThereAndConsistentAfterSigkillAndRestart() throws Exception {
        List<String> args = serviceArguments(List.of());
        Path data = work.resolve("data");
        try (EventReceiver receiver = new EventReceiver()) {
            ServiceProcess first = ServiceProcess.start(data, "384m", ServiceProcess.CHECKED_NOT_MEASURED, args, work.resolve("run/first.log"));
            new CrashScenario("crash", receiver).run(first,
                    () -> ServiceProcess.start(data, "384m", ServiceProcess.CHECKED_NOT_MEASURED, args, work.resolve("run/second.log")));
        }
    }

    /** The arguments both runs of a crash-tested service share: a local receiver, quick job retries. */
    static List<String> serviceArguments(List<String> database) {
        List<String> args = new java.util.ArrayList<>(database);
        args.addAll(List.of("--copydesk.outbound.allow-private-addresses=true",
                "--copydesk.webhooks.first-retry-delay=PT1S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                // Jobs the killed node had locked wait for their lock to expire (5 min by default)
                // before the restarted node runs them: shorter here, so the test need not wait.
                "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        return args;
    }
}
