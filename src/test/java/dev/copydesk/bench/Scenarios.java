package dev.copydesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copydesk.bench.Benchmark.Options;
import dev.copydesk.bench.LoadRun.Result;

/** The scenarios of docs/benchmarks.md, their seed data and the mix of comments. */
final class Scenarios {

    private static final int TRUSTED_AUTHORS = 64;
    private static final int THREAD_SIZE = 50;

    private final Benchmark bench;
    private final Options options;
    private String stormSlug;
    private String threadSlug;
    private String deepCursor;

    Scenarios(Benchmark bench, Options options) {
        this.bench = bench;
        this.options = options;
    }

    void seed(Map<String, String> facts) throws Exception {
        for (String[] account : new String[][] {
                {"bench.writer", "WRITER"}, {"bench.editor", "EDITOR"}, {"bench.moderator", "MODERATOR"}}) {
            bench.call("POST", "/api/admin/accounts", "admin", Map.of("username", account[0],
                    "displayName", account[0], "email", account[0] + "@example.org",
                    "password", Benchmark.STAFF_PASSWORD, "roles", List.of(account[1])), 201);
        }
        ObjectNode settings = (ObjectNode) bench.call("GET", "/api/admin/moderation-settings", "admin", null, 200);
        // Every load request comes from 127.0.0.1: lift the per-address flood limit for the run.
        settings.put("commentsPerMinute", 100_000);
        bench.call("PUT", "/api/admin/moderation-settings", "admin", settings, 200);

        stormSlug = publish("Spoilers: more romance ahead for two detectives");
        threadSlug = publish("The season finale, explained");

        // trusted commenters: their first comment is held, a moderator approves it
        List<String> firstComments = new ArrayList<>();
        for (int i = 0; i < TRUSTED_AUTHORS; i++) {
            JsonNode posted = bench.call("POST", "/api/public/articles/" + stormSlug + "/comments", null,
                    comment("Fan " + i, fan(i), "Long-time reader, first comment. Loved the piece."), 202);
            firstComments.add(posted.get("id").asText());
        }
        bench.call("POST", "/api/moderation/decisions", "bench.moderator",
                Map.of("commentIds", firstComments, "decision", "APPROVE", "reason", "OTHER"), 200);
        for (int i = 0; i < THREAD_SIZE; i++) {
            JsonNode posted = bench.call("POST", "/api/public/articles/" + threadSlug + "/comments", null,
                    comment("Fan " + (i % TRUSTED_AUTHORS), fan(i % TRUSTED_AUTHORS),
                            "Thread comment " + i + ": the finale made sense of the whole season."), 202);
            if (!"APPROVED".equals(posted.get("status").asText())) {
                throw new IllegalStateException("A trusted fan's comment was not approved: " + posted);
            }
        }
        facts.put("seed", TRUSTED_AUTHORS + " trusted commenters, a " + THREAD_SIZE + "-comment thread, 2 live articles");
    }

    List<Result> runAll(Map<String, String> facts) throws Exception {
        List<Result> results = new ArrayList<>();
        int c = options.concurrency();
        Duration d = options.duration();
        Duration w = options.warmup();
        LoadRun load = bench.load();

        Result intake = null;
        Result held = null;
        Result baseline = null;
        if (options.runs("intake") || options.runs("held")) {
            statementsPerComment(facts);
        }
        if (options.runs("intake")) {
            intake = load.run("comment intake (workflow)", c, w, d, (t, seq) -> {
                MixedComment m = MixedComment.of(seq);
                return load.expect(bench.request("POST", "/api/public/articles/" + stormSlug + "/comments", null,
                        comment(m.name, m.email, m.body)), s -> s == 202);
            });
            results.add(intake);
        }
        if (options.runs("held")) {
            held = load.run("comment intake, all held (first comments)", c, w, d, (t, seq) ->
                    load.expect(bench.request("POST", "/api/public/articles/" + stormSlug + "/comments", null,
                            heldComment("h" + t + "-" + seq)), s -> s == 202));
            results.add(held);
        }
        if (options.runs("baseline")) {
            baseline = load.run("comment insert only (baseline)", c, w, d, (t, seq) -> {
                MixedComment m = MixedComment.of(seq);
                return load.expect(bench.request("POST", "/api/bench/baseline/articles/" + stormSlug + "/comments", null,
                        comment(m.name, m.email, m.body)), s -> s == 202);
            });
            results.add(baseline);
        }
        if (intake != null && baseline != null) {
            facts.put("intake / baseline throughput", String.format(Locale.ROOT, "%.0f%% (target >= 40%%)",
                    100.0 * intake.throughput() / Math.max(1, baseline.throughput())));
        }
        if (held != null && baseline != null) {
            facts.put("held intake / baseline throughput", String.format(Locale.ROOT, "%.0f%%",
                    100.0 * held.throughput() / Math.max(1, baseline.throughput())));
        }
        if (options.runs("slug")) {
            results.add(load.run("article by slug", c, w, d, (t, seq) ->
                    load.expect(bench.request("GET", "/api/public/articles/" + threadSlug, null, null), s -> s == 200)));
        }
        if (options.runs("thread")) {
            results.add(load.run("comment thread (50)", c, w, d, (t, seq) ->
                    load.expect(bench.request("GET", "/api/public/articles/" + threadSlug + "/comments?limit=50", null,
                            null), s -> s == 200)));
        }
        if (options.runs("queue")) {
            queue(results, facts, load, c, w, d);
        }
        if (options.runs("lifecycle")) {
            lifecycle(results, load, c, w, d);
        }
        return results;
    }

    private void queue(List<Result> results, Map<String, String> facts, LoadRun load, int c, Duration w, Duration d)
            throws Exception {

        JsonNode seeded;
        long seedStart = System.nanoTime();
        do {
            seeded = bench.call("POST", "/api/bench/held-comments", "admin",
                    Map.of("articleSlug", stormSlug, "count", options.held()), 200);
        } while (!seeded.get("done").asBoolean());
        facts.put("seeding the held comments", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - seedStart) / 1e9));
        deepCursor = seeded.get("deepCursor").asText();
        facts.put("moderation queue", seeded.get("total").asLong() + " held comments, of which "
                + seeded.get("liveProcessInstances").asLong() + " are live process instances (the rest bulk-seeded rows)");
        results.add(load.run("moderation queue, first page", c, w, d, (t, seq) ->
                load.expect(bench.request("GET", "/api/moderation/queue?queue=pending&limit=50", "bench.moderator", null),
                        s -> s == 200)));
        results.add(load.run("moderation queue, deep page", c, w, d, (t, seq) ->
                load.expect(bench.request("GET", "/api/moderation/queue?queue=pending&limit=50&cursor=" + deepCursor,
                        "bench.moderator", null), s -> s == 200)));
        // The same pages for one moderator at a time (first and deep page in turn): the latency a
        // moderator sees when the desk is not sixteen people paging without pause.
        results.add(load.run("moderation queue, first/deep page, 1 moderator", 1, w, d, (t, seq) ->
                load.expect(bench.request("GET", "/api/moderation/queue?queue=pending&limit=50"
                        + (seq % 2 == 0 ? "" : "&cursor=" + deepCursor), "bench.moderator", null), s -> s == 200)));
    }

    private void lifecycle(List<Result> results, LoadRun load, int c, Duration w, Duration d) throws Exception {
        results.add(load.run("article lifecycle (create+submit+approve)", Math.max(1, c / 2), w, d, (t, seq) -> {
            JsonNode created = Benchmark.json(load.send(bench.request("POST", "/api/articles", "bench.writer",
                    Map.of("title", "Lifecycle " + seq, "summary", "s", "body", "Body " + seq, "tags", List.of("bench")))));
            if (created == null || !created.has("id")) {
                return "create failed";
            }
            String id = created.get("id").asText();
            JsonNode submitted = Benchmark.json(load.send(bench.request("POST", "/api/articles/" + id + "/submit",
                    "bench.writer", null)));
            if (submitted == null || !submitted.has("version")) {
                return "submit failed";
            }
            return load.expect(bench.request("POST", "/api/articles/" + id + "/decision", "bench.editor",
                    Map.of("decision", "APPROVE", "note", "ok", "version", submitted.get("version").asLong())),
                    s -> s == 200);
        }));
    }

    /**
     * SQL statements per comment, counted in the service ({@code BenchmarkService.SqlStatements}): twenty
     * comments of each kind, one at a time, before the load. "request" is what ran on the request's thread
     * (its transaction and the after-commit work there); "other threads" is the job executor and the
     * schedulers in the same minutes (asynchronous work the comments caused, plus background polling).
     */
    private void statementsPerComment(Map<String, String> facts) throws Exception {
        int n = 20;
        String[][] kinds = {{"held", "first comment of a new reader"}, {"approved", "a trusted fan"},
                {"rejected", "a banned word"}};
        for (String[] kind : kinds) {
            bench.call("POST", "/api/bench/sql-statements", "admin", null, 200);
            for (int i = 0; i < n; i++) {
                String tag = "sql-" + kind[0] + "-" + i;
                Map<String, Object> body = switch (kind[0]) {
                    case "held" -> heldComment(tag);
                    case "approved" -> comment("Fan " + (i % TRUSTED_AUTHORS), fan(i % TRUSTED_AUTHORS),
                            "Comment " + tag + ": I knew those two detectives would end up together!");
                    default -> comment("Troll " + tag, "troll-" + tag + "@example.org", "Whoever wrote this is a wanker " + tag);
                };
                JsonNode answer = bench.call("POST", "/api/public/articles/" + stormSlug + "/comments", null, body, 202);
                String expected = switch (kind[0]) {
                    case "held" -> "PENDING";
                    case "approved" -> "APPROVED";
                    default -> "REJECTED";
                };
                if (!expected.equals(answer.get("status").asText())) {
                    throw new IllegalStateException("Expected a " + kind[0] + " comment, got " + answer);
                }
            }
            JsonNode counts = bench.call("GET", "/api/bench/sql-statements", "admin", null, 200);
            // the statements themselves, per comment, beside results.md: what each count is made of
            StringBuilder texts = new StringBuilder();
            bench.call("GET", "/api/bench/sql-statements/texts", "admin", null, 200).fields().forEachRemaining(e ->
                    texts.append(String.format(Locale.ROOT, "%5.1f  %s%n", e.getValue().asDouble() / n, e.getKey())));
            java.nio.file.Files.createDirectories(options.workDir());
            java.nio.file.Files.writeString(options.workDir().resolve("sql-" + kind[0] + ".txt"), texts);
            StringBuilder detail = new StringBuilder();
            counts.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("request.") && !e.getKey().equals("request.statements")) {
                    detail.append(detail.isEmpty() ? "" : ", ").append(e.getKey().substring("request.".length()))
                            .append(' ').append(String.format(Locale.ROOT, "%.1f", e.getValue().asDouble() / n));
                }
            });
            facts.put("SQL statements per " + kind[0] + " comment (" + kind[1] + ")", String.format(Locale.ROOT,
                    "%.1f on the request thread (%s); other threads %.1f",
                    counts.path("request.statements").asDouble() / n, detail,
                    counts.path("other.statements").asDouble() / n));
        }
        // the load runs past the counter: it costs the request thread about 5% of a comment's CPU
        bench.call("DELETE", "/api/bench/sql-statements", "admin", null, 200);
    }

    private static Map<String, Object> heldComment(String tag) {
        return comment("Newcomer " + tag, "first-" + tag + "@example.org",
                "First time here (" + tag + "), is there a second season?");
    }

    private String publish(String title) throws Exception {
        JsonNode article = bench.call("POST", "/api/articles", "bench.writer", Map.of("title", title,
                "summary", "Benchmark article", "body", "# " + title + "\n\nSome *Markdown* text.", "tags", List.of("tv")), 201);
        String id = article.get("id").asText();
        long version = bench.call("POST", "/api/articles/" + id + "/submit", "bench.writer", null, 200).get("version")
                .asLong();
        bench.call("POST", "/api/articles/" + id + "/decision", "bench.editor",
                Map.of("decision", "APPROVE", "note", "ok", "version", version), 200);
        return article.get("slug").asText();
    }

    private static Map<String, Object> comment(String name, String email, String body) {
        return Map.of("authorName", name, "authorEmail", email, "body", body);
    }

    private static String fan(int i) {
        return "fan" + i + "@example.org";
    }

    /** About 70% clean from trusted fans, 20% held (first-time commenters), 10% rejected (a word on the default banned list). */
    private record MixedComment(String name, String email, String body) {

        static MixedComment of(long seq) {
            int bucket = (int) (seq % 10);
            if (bucket < 7) {
                int fan = (int) (seq % TRUSTED_AUTHORS);
                return new MixedComment("Fan " + fan, fan(fan),
                        "Comment " + seq + ": I knew those two detectives would end up together!");
            }
            if (bucket < 9) {
                return new MixedComment("Newcomer " + seq, "new" + seq + "@example.org",
                        "First time here (" + seq + "), is there a second season?");
            }
            return new MixedComment("Troll " + seq, "troll" + seq + "@example.org",
                    "Whoever wrote this is a wanker " + seq);
        }
    }
}
