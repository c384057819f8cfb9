package dev.copydesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copydesk.bench.LoadRun.Result;

/**
 * Copydesk's benchmark: starts the service in its own JVM (512 MB heap) on the embedded database,
 * seeds it over HTTP, drives each scenario with a fixed concurrency for a fixed time from this
 * process, and prints one table. Exits non-zero if any request failed unexpectedly.
 *
 * <pre>mvn -Pbench verify                      # full run (docs/benchmarks.md)
 * mvn -Pbench verify -Dbench.args="--smoke"  # 10-second version, as CI runs it</pre>
 */
public final class Benchmark {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String STAFF_PASSWORD = "bench-staff-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoadRun load = new LoadRun(http);
    private String base;
    private final Map<String, String> logins = new LinkedHashMap<>();

    Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Report report = new Benchmark(Options.parse(args)).run();
        System.out.println(report.table());
        System.exit(report.failed() ? 1 : 0);
    }

    /**
     * Options from the command line: {@code --smoke}, {@code --duration=20s}, {@code --warmup=5s},
     * {@code --concurrency=16}, {@code --held=1000000}, {@code --db=postgres}, {@code --only=intake,held,baseline,slug,thread,queue,lifecycle},
     * {@code --profile} (a JFR recording of the service), {@code --service-arg=--some.property=value} (repeatable) and
     * {@code --no-class-data} (start the service without the class-data archive the image uses; the smoke run never uses one,
     * nor does {@code --profile}: JDK 17's JVM crashed in {@code check_shared_class_file_load_hook} when JFR ran with the archive).
     */
    record Options(Duration duration, Duration warmup, int concurrency, int held, boolean postgres, boolean smoke,
            Path workDir, java.util.Set<String> only, boolean profile, List<String> serviceArgs, boolean classData) {

        /** Whether a scenario ({@code intake}, {@code held}, {@code baseline}, {@code slug}, {@code thread}, {@code queue}, {@code lifecycle}) runs. */
        boolean runs(String scenario) {
            return only.isEmpty() || only.contains(scenario);
        }

        static Options parse(String... args) {
            Duration duration = Duration.ofSeconds(20);
            Duration warmup = Duration.ofSeconds(5);
            int concurrency = 16;
            int held = 1_000_000;
            boolean postgres = false;
            boolean smoke = false;
            java.util.Set<String> only = java.util.Set.of();
            boolean profile = false;
            boolean classData = true;
            List<String> serviceArgs = new ArrayList<>();
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                switch (kv[0]) {
                    case "smoke" -> smoke = true;
                    case "duration" -> duration = Duration.ofSeconds(Long.parseLong(kv[1].replace("s", "")));
                    case "warmup" -> warmup = Duration.ofSeconds(Long.parseLong(kv[1].replace("s", "")));
                    case "concurrency" -> concurrency = Integer.parseInt(kv[1]);
                    case "held" -> held = Integer.parseInt(kv[1]);
                    case "db" -> postgres = "postgres".equals(kv[1]);
                    case "only" -> only = java.util.Set.of(kv[1].split(","));
                    case "profile" -> profile = true;
                    case "service-arg" -> serviceArgs.add(kv[1]);
                    case "no-class-data" -> classData = false;
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (smoke) {
                duration = Duration.ofSeconds(1);
                warmup = Duration.ofMillis(300);
                concurrency = Math.min(concurrency, 4);
                held = Math.min(held, 2_000);
            }
            return new Options(duration, warmup, concurrency, held, postgres, smoke,
                    Path.of("target", "bench-" + System.currentTimeMillis()), only, profile, List.copyOf(serviceArgs),
                    classData);
        }
    }

    /** The printed outcome. */
    record Report(List<Result> results, Map<String, String> facts) {

        boolean failed() {
            return results.stream().anyMatch(r -> r.errors() > 0 || r.requests() == 0);
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n| %-42s | %11s | %10s | %9s | %9s | %6s |%n",
                    "scenario", "concurrency", "requests/s", "p50 ms", "p99 ms", "errors"));
            out.append("|").append("-".repeat(44)).append("|").append("-".repeat(13)).append("|")
                    .append("-".repeat(12)).append("|").append("-".repeat(11)).append("|")
                    .append("-".repeat(11)).append("|").append("-".repeat(8)).append("|\n");
            for (Result r : results) {
                out.append(String.format(Locale.ROOT, "| %-42s | %11d | %10.0f | %9.1f | %9.1f | %6d |%n",
                        r.scenario(), r.concurrency(), r.throughput(), r.p50Micros() / 1000.0,
                        r.p99Micros() / 1000.0, r.errors()));
            }
            out.append('\n');
            facts.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
            for (Result r : results) {
                for (String e : r.errorSamples()) {
                    out.append("  error in ").append(r.scenario()).append(": ").append(e).append('\n');
                }
            }
            return out.toString();
        }
    }

    Report run() throws Exception {
        Path workDir = options.workDir().toAbsolutePath();
        Files.createDirectories(workDir);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + (options.postgres() ? "bench,postgres" : "bench")));
        List<Result> results = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        args.addAll(options.serviceArgs());
        List<String> jvm = new ArrayList<>();
        if (options.profile()) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + workDir.resolve("service.jfr"));
        }
        String classPath = ServiceProcess.classPath();
        ClassDataArchive archive = null;
        if (options.smoke()) {
            jvm.addAll(ServiceProcess.CHECKED_NOT_MEASURED); // the smoke run's figures mean nothing anyway
        } else if (options.classData() && !options.profile()) {
            // As the image starts it (docker/Dockerfile): with the archive of one training run.
            archive = ClassDataArchive.make(workDir.resolve("class-data"), "512m", args);
            classPath = archive.classPath();
            jvm.addAll(archive.jvmArgs());
        }
        try (ServiceProcess service = ServiceProcess.start(classPath, workDir.resolve("data"), "512m", jvm, args,
                workDir.resolve("service.log"))) {
            base = "http://127.0.0.1:" + service.port;
            facts.put("service start-up", String.format(Locale.ROOT, "%.1f s (target <= 15 s)%s",
                    service.startup.toMillis() / 1000.0, archive == null ? ", no class-data archive"
                            : ", with the class-data archive as the image starts it"));
            if (archive != null) {
                facts.put("class-data training run (a start without the archive, then writing it)", String.format(Locale.ROOT,
                        "%.1f s", archive.training().toMillis() / 1000.0));
            }
            facts.put("service heap", "-Xmx" + service.heap);
            facts.put("database", options.postgres() ? "PostgreSQL" : "H2 (file, embedded)");
            facts.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
            Scenarios scenarios = new Scenarios(this, options);
            scenarios.seed(facts);
            results.addAll(scenarios.runAll(facts));
            facts.put("peak resident memory of the service", service.peakRssMb() + " MB");
        }
        Report report = new Report(results, facts);
        Files.writeString(workDir.resolve("results.md"), report.table());
        return report;
    }

    // ---- small HTTP helpers used by the scenarios ----

    LoadRun load() {
        return load;
    }

    String login(String username) {
        return logins.computeIfAbsent(username, u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + (u.equals("admin") ? ADMIN_PASSWORD : STAFF_PASSWORD))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    HttpRequest request(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(path.startsWith("/api/bench/") ? Duration.ofMinutes(10) : Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", login(user));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    JsonNode call(String method, String path, String user, Object body, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, user, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        if (response.statusCode() / 100 != 2 || response.body() == null || response.body().isBlank()) {
            return null;
        }
        return JSON.readTree(response.body());
    }
}
