package dev.copydesk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Drives one scenario over real HTTP: {@code concurrency} client threads, each sending requests
 * back to back for {@code duration}, after a short warm-up that is not counted. Latencies are kept
 * in full (no sampling) and reduced to p50/p99 at the end.
 */
final class LoadRun {

    /**
     * One unit of work of a scenario (one request, or a short chain such as create-submit-approve).
     * Returns {@code null} when it succeeded, otherwise a short description of what went wrong.
     */
    interface Action {
        String run(int thread, long sequence) throws Exception;
    }

    record Result(String scenario, int concurrency, long requests, double seconds, long p50Micros,
            long p99Micros, long errors, List<String> errorSamples) {

        double throughput() {
            return requests / seconds;
        }
    }

    private final HttpClient client;

    LoadRun(HttpClient client) {
        this.client = client;
    }

    Result run(String scenario, int concurrency, Duration warmup, Duration duration, Action source)
            throws InterruptedException {
        if (!warmup.isZero()) {
            drive(concurrency, warmup, source, new AtomicLong(), false);
        }
        AtomicLong sequence = new AtomicLong(1_000_000_000L);
        Worker[] workers = drive(concurrency, duration, source, sequence, true);
        long total = 0;
        long errors = 0;
        List<String> samples = new ArrayList<>();
        double seconds = 0;
        for (Worker w : workers) {
            total += w.count;
            errors += w.errors;
            seconds = Math.max(seconds, w.elapsedNanos / 1e9);
            for (String s : w.errorSamples) {
                if (samples.size() < 5) {
                    samples.add(s);
                }
            }
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        Result result = new Result(scenario, concurrency, total, seconds, percentile(all, 50), percentile(all, 99),
                errors, samples);
        // progress, so a long run shows what it has measured even if a later step fails
        System.out.printf(java.util.Locale.ROOT, "  %-42s %8.0f req/s  p50 %7.1f ms  p99 %7.1f ms  errors %d%n",
                scenario, result.throughput(), result.p50Micros() / 1000.0, result.p99Micros() / 1000.0, errors);
        return result;
    }

    private Worker[] drive(int concurrency, Duration duration, Action source, AtomicLong sequence, boolean record)
            throws InterruptedException {
        Worker[] workers = new Worker[concurrency];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(i, source, sequence, start, duration, record);
            Thread t = new Thread(workers[i], "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(duration.toMillis() + 60_000);
        }
        return workers;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000;
    }

    private final class Worker implements Runnable {
        private final int index;
        private final Action source;
        private final AtomicLong sequence;
        private final CountDownLatch start;
        private final Duration duration;
        private final boolean record;
        long[] latencies = new long[1 << 16];
        int count;
        long errors;
        long elapsedNanos;
        final List<String> errorSamples = new ArrayList<>();

        Worker(int index, Action source, AtomicLong sequence, CountDownLatch start, Duration duration, boolean record) {
            this.index = index;
            this.source = source;
            this.sequence = sequence;
            this.start = start;
            this.duration = duration;
            this.record = record;
        }

        @Override
        public void run() {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long began = System.nanoTime();
            long deadline = began + duration.toNanos();
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                String failure;
                try {
                    failure = source.run(index, sequence.incrementAndGet());
                } catch (Exception e) {
                    failure = e.toString();
                }
                boolean ok = failure == null;
                long t1 = System.nanoTime();
                if (!record) {
                    continue;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[count++] = t1 - t0;
                if (!ok) {
                    errors++;
                    if (errorSamples.size() < 3) {
                        errorSamples.add(failure);
                    }
                }
            }
            elapsedNanos = System.nanoTime() - began;
        }
    }

    /** Sends {@code request}; null when the status is expected, else what came back. */
    String expect(HttpRequest request, IntPredicate expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (expected.test(response.statusCode())) {
            return null;
        }
        String body = response.body() == null ? "" : response.body();
        return request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " "
                + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
