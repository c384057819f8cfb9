package dev.copydesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Copydesk service under test, started as its own JVM in its own working directory (so the load client does not share its
 * heap or its JIT), with a fixed heap. Measures start-up time and peak resident memory.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * JVM options for a service that a test checks rather than measures: C1 only, which starts it in
     * about 16 s instead of 20 s here (four such start-ups per suite run), and the serial collector, as
     * in the test JVMs. Never for a measured run: C2's code and G1 are what a newsroom's service runs.
     */
    static final List<String> CHECKED_NOT_MEASURED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    final int port;
    final String heap;
    final Duration startup;
    private final Process process;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakRssKb = new AtomicLong();

    private ServiceProcess(int port, String heap, Process process, Duration startup) {
        this.port = port;
        this.heap = heap;
        this.process = process;
        this.startup = startup;
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    static ServiceProcess start(Path dataDir, String heap, List<String> jvmArgs, List<String> extraArgs, Path log)
            throws Exception {
        return start(classPath(), dataDir, heap, jvmArgs, extraArgs, log);
    }

    /** Like {@link #start(Path, String, List, List, Path)} on another class path (a {@link ClassDataArchive}'s). */
    static ServiceProcess start(String classPath, Path dataDir, String heap, List<String> jvmArgs, List<String> extraArgs,
            Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = command(classPath, heap, jvmArgs, port, dataDir, extraArgs);
        Files.createDirectories(log.getParent());
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(log.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        // A bound, not a wait: a cold start takes 15-20 s here, but several times that on two cores
        // that other builds share (-Dbench.startup.seconds to change it).
        Duration bound = Duration.ofSeconds(Long.getLong("bench.startup.seconds", 300));
        try {
            org.awaitility.Awaitility.await("the service's health").atMost(bound).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The service exited during start-up; see " + log);
                        }
                        try {
                            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            return health.statusCode() == 200 && health.body().contains("UP");
                        } catch (IOException notYet) {
                            return false; // not listening yet
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The service did not become healthy in time (-Dbench.startup.seconds); see " + log);
        }
        return new ServiceProcess(port, heap, process, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The command line that starts the service on {@code port} (0: any) with its data in {@code dataDir}. */
    static List<String> command(String classPath, String heap, List<String> jvmArgs, int port, Path dataDir,
            List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap));
        if (jvmArgs.stream().noneMatch(arg -> arg.matches("-XX:\\+Use\\w+GC"))) {
            command.add("-XX:+UseG1GC"); // what the image runs, unless the caller chose a collector
        }
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-cp", classPath,
                "dev.copydesk.CopydeskApplication",
                "--server.port=" + port,
                "--copydesk.data-dir=" + dataDir.toAbsolutePath(),
                "--copydesk.admin-password=" + Benchmark.ADMIN_PASSWORD,
                "--logging.level.root=WARN"));
        command.addAll(extraArgs);
        return command;
    }

    /**
     * This JVM's class path, spelled out. Under Surefire it is one manifest-only jar whose
     * {@code Class-Path} names the real entries; handed on as it is, Spring's {@code classpath*:}
     * scan would find every BPMN file twice and the engine would refuse the deployment.
     */
    static String classPath() throws IOException {
        String own = System.getProperty("java.class.path");
        if (own.contains(java.io.File.pathSeparator) || !own.endsWith(".jar")) {
            // Surefire ends the path with a separator: an empty entry is the working directory,
            // where the classpath*: scan would find processes/*.bpmn a second time.
            return java.util.Arrays.stream(own.split(java.io.File.pathSeparator))
                    .filter(e -> !e.isBlank())
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(own)) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String entries = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (entries == null || entries.isBlank()) {
                return own;
            }
            List<String> paths = new ArrayList<>();
            java.net.URI base = Path.of(own).toAbsolutePath().getParent().toUri();
            for (String entry : entries.trim().split("\\s+")) {
                paths.add(Path.of(base.resolve(entry)).toString());
            }
            return String.join(java.io.File.pathSeparator, paths);
        }
    }

    long peakRssMb() {
        sample();
        return peakRssKb.get() / 1024;
    }

    long pid() {
        return process.pid();
    }

    private void sample() {
        // VmHWM is the kernel's own high-water mark of resident memory for the process.
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // process ended or /proc is not available: keep the last sample
        }
    }

    @Override
    public void close() throws InterruptedException {
        sample();
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
