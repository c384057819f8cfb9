package dev.copydesk.moderation;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.comments.KeysetCursor;
import dev.copydesk.shared.NotFoundException;

/**
 * {@code POST /api/bench/held-comments} (ADMIN, test scope, {@code bench} profile only): tops the pending
 * queue up to {@code count} held comments for the moderation-queue scenario, 100,000 rows per call, with
 * one set-based {@code INSERT … SELECT} that copies a real comment of the article (stored by intake) and
 * overrides only what makes each row its own held comment. The column list is read from the table, so a
 * column added by a later migration is copied from the real row instead of breaking the seed; an
 * override naming a column that no longer exists fails the seed. The queue total is kept by
 * {@link QueueCounts} in the same transaction, as the process steps keep it. The seeded rows have no
 * process instance: the answer says how many held comments do.
 */
@RestController
@Profile("bench")
class BenchmarkHeldSeed {

    private static final long CHUNK = 100_000;

    private final PublishedArticles articles;
    private final JdbcTemplate jdbc;
    private final QueueCounts counts;
    private final Clock clock;

    BenchmarkHeldSeed(PublishedArticles articles, JdbcTemplate jdbc, QueueCounts counts, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.counts = counts;
        this.clock = clock;
    }

    record SeedRequest(@NotBlank String articleSlug, @Min(1) @Max(5_000_000) int count) {
    }

    @PostMapping("/api/bench/held-comments")
    @Transactional
    Map<String, Object> seedHeld(@Valid @RequestBody SeedRequest request) {
        PublishedArticle article = articles.findBySlug(request.articleSlug())
                .orElseThrow(() -> new NotFoundException("Article", request.articleSlug()));
        long missing = Math.min(CHUNK, request.count() - counts.size(CommentQueue.PENDING));
        if (missing > 0) {
            insert(article, missing);
            counts.add(CommentQueue.PENDING, missing);
        }
        long total = counts.size(CommentQueue.PENDING);
        if (total < request.count()) {
            return Map.of("total", total, "done", false);
        }
        Map<String, Object> middle = jdbc.queryForMap("""
                select queued_at, id from reader_comment where queue = 'PENDING'
                order by queue, queued_at, id offset ? rows fetch next 1 rows only""", total / 2);
        Object at = middle.get("queued_at");
        Instant queuedAt = at instanceof java.time.OffsetDateTime odt ? odt.toInstant() : ((Timestamp) at).toInstant();
        long live = jdbc.queryForObject(
                """
                select count(*) from reader_comment c where c.queue = 'PENDING' and exists (
                    select 1 from act_ru_execution e where e.business_key_ = c.id and e.id_ = e.proc_inst_id_)""",
                Long.class);
        return Map.of("total", total, "done", true, "liveProcessInstances", live,
                "deepCursor", new KeysetCursor(queuedAt, (String) middle.get("id")).encode());
    }

    private void insert(PublishedArticle article, long rows) {
        String template = jdbc.queryForObject("select min(id) from reader_comment where article_id = ?", String.class,
                article.id());
        if (template == null) {
            throw new IllegalStateException("Post one comment to " + article.slug() + " before seeding held comments");
        }
        boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase(Locale.ROOT).contains("postgres");
        String series = postgres ? "generate_series(1, ?) as s(x)" : "system_range(1, ?) as s(x)";
        String uuid = postgres ? "gen_random_uuid()::text" : "cast(random_uuid() as varchar)";
        String at = postgres ? "(cast(? as timestamp with time zone) + x * interval '1 millisecond')"
                : "dateadd('MILLISECOND', x, cast(? as timestamp with time zone))";
        String n = postgres ? "cast(x as text)" : "cast(x as varchar)";
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("id", uuid);
        overrides.put("parent_id", "null");
        overrides.put("author_name", "'Seeded reader'");
        overrides.put("author_email", "'seed' || " + n + " || '@example.org'");
        overrides.put("author_key", "'seed-' || " + n);
        overrides.put("client_hash", "'seed'");
        overrides.put("body", "'Held for the benchmark ' || " + n);
        overrides.put("body_hash", "'seed-' || " + n);
        overrides.put("notify", "false");
        overrides.put("status", "'PENDING'");
        overrides.put("visible", "false");
        overrides.put("queue", "'PENDING'");
        overrides.put("queued_at", at);
        overrides.put("due_at", at);
        overrides.put("overdue", "true");
        overrides.put("flag_count", "0");
        overrides.put("reasons", "'[{\"code\":\"FIRST_COMMENT\",\"detail\":\"seeded\"}]'");
        overrides.put("created_at", at);
        overrides.put("decided_at", "null");
        overrides.put("decided_by", "null");
        overrides.put("decision_reason", "null");
        overrides.put("version", "0");
        List<String> columns = jdbc.query("select * from reader_comment where 1 = 0", rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return names;
        });
        List<String> unknown = overrides.keySet().stream().filter(c -> !columns.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("reader_comment has no column " + unknown + ": update the benchmark's seed");
        }
        List<Object> args = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Timestamp start = Timestamp.from(clock.instant().minus(Duration.ofDays(30)));
        for (String column : columns) {
            String value = overrides.getOrDefault(column, "t." + column);
            values.add(value);
            if (value.equals(at)) {
                args.add(start);
            }
        }
        args.add(rows);
        args.add(template);
        jdbc.update("insert into reader_comment (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from reader_comment t cross join " + series + " where t.id = ?", args.toArray());
    }
}
