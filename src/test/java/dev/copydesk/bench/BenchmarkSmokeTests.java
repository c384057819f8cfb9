package dev.copydesk.bench;

import org.junit.jupiter.api.Test;

import dev.copydesk.bench.Benchmark.Options;
import dev.copydesk.bench.Benchmark.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's short version, so it cannot rot: the service in its own JVM, every scenario for
 * a second with a small seed, and not one failed request. It measures nothing worth quoting; the
 * full run is {@code mvn -Pbench verify} (docs/benchmarks.md).
 */
class BenchmarkSmokeTests {

    @Test
    void everyScenarioRunsWithoutAFailedRequest() throws Exception {
        Report report = new Benchmark(Options.parse("--smoke")).run();

        assertThat(report.results()).extracting(LoadRun.Result::scenario).containsExactly(
                "comment intake (workflow)", "comment intake, all held (first comments)", "comment insert only (baseline)", "article by slug",
                "comment thread (50)", "moderation queue, first page", "moderation queue, deep page",
                "moderation queue, first/deep page, 1 moderator", "article lifecycle (create+submit+approve)");
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.requests()).as(r.scenario()).isPositive();
            assertThat(r.errors()).as("%s failed: %s", r.scenario(), r.errorSamples()).isZero();
        });
        assertThat(report.failed()).isFalse();
        assertThat(report.facts()).containsKeys("service start-up", "peak resident memory of the service",
                "intake / baseline throughput", "held intake / baseline throughput",
                "SQL statements per held comment (first comment of a new reader)");
    }
}
