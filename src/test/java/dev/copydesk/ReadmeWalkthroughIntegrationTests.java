package dev.copydesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.support.OutsideClientServerTest;
import dev.copydesk.support.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl walkthrough, taken from README.md as it is written, run twice with bash against
 * the service on a real port. bash runs it with {@code -e -o pipefail}, and the walkthrough's
 * {@code call} fails on any error answer, so every step must succeed, on the second run too (the
 * accounts exist by then, and the article gets another slug).
 */
@OutsideClientServerTest
class ReadmeWalkthroughIntegrationTests {

    private static final String HEADING = "## A five-minute walkthrough with curl";
    private static final String SLUG = "spoilers-more-romance-ahead-for-two-detectives";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void theWalkthroughRunsTwiceInARowWithEveryStepSucceeding() throws Exception {
        Path script = dir.resolve("walkthrough.sh");
        Files.writeString(script, walkthrough(), StandardCharsets.UTF_8);

        Run first = run(script);
        assertThat(first.exitCode()).as("first run, stderr: %s", first.stderr()).isZero();
        assertThat(first.stdout()).contains("\"slug\":\"" + SLUG + "\"", "\"status\":\"PUBLISHED\"",
                "\"queue\":\"pending\"", "\"body\":\"Finally!\"");

        Run second = run(script);
        assertThat(second.exitCode()).as("second run, stderr: %s", second.stderr()).isZero();
        assertThat(second.stdout()).contains("\"slug\":\"" + SLUG + "-2\"", "\"status\":\"PUBLISHED\"")
                .doesNotContain("is taken");
        assertThat(first.stderr() + second.stderr()).isEmpty();
    }

    /** The first bash block after the walkthrough's heading, exactly as the README has it. */
    static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf(HEADING);
        assertThat(section).as("README.md has the heading '%s'", HEADING).isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        int end = readme.indexOf("\n```", start);
        assertThat(start).isGreaterThan(section);
        return readme.substring(start, end) + "\n";
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(Path script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", script.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("COPYDESK_URL", "http://127.0.0.1:" + port);
        builder.environment().put("COPYDESK_ADMIN_PASSWORD", StaffFixtures.ADMIN_PASSWORD);
        Process bash = builder.start();
        if (!bash.waitFor(120, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            throw new AssertionError("The walkthrough did not finish within 120 s");
        }
        return new Run(bash.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }
}
