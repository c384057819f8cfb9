package dev.copydesk.comments.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.comments.KeysetCursor;
import dev.copydesk.comments.web.PublicCommentController.IntakeView;
import dev.copydesk.comments.web.PublicCommentController.NewCommentRequest;
import dev.copydesk.shared.NotFoundException;

/**
 * Endpoints that exist only under the {@code bench} profile (docs/benchmarks.md), never in a normal
 * run: the baseline that validates a comment and inserts its row with no workflow, screening or
 * history, so the benchmark can say what the workflow costs; and a bulk seed of held comments for
 * the moderation-queue scenario.
 */
@RestController
@Profile("bench")
class BenchmarkEndpoints {

    private final PublishedArticles articles;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BenchmarkEndpoints(PublishedArticles articles, JdbcTemplate jdbc, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The same request and validation as intake; then one INSERT, nothing else. */
    @PostMapping("/api/bench/baseline/articles/{slug}/comments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    IntakeView baseline(@PathVariable String slug, @Valid @RequestBody NewCommentRequest body, HttpServletRequest request) {
        PublishedArticle article = articles.findBySlug(slug).orElseThrow(() -> new NotFoundException("Article", slug));
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("""
                insert into reader_comment (id, article_id, article_slug, parent_id, author_name, author_email, author_key,
                    client_hash, body, body_hash, notify, status, visible, queue, queued_at, due_at, overdue, flag_count,
                    reasons, process_instance_id, created_at, decided_at, decided_by, decision_reason, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 'APPROVED', false, null, null, null, false, 0,
                    null, null, ?, null, null, null, 0)""",
                id, article.id(), article.slug(), null, body.authorName(), body.authorEmail(),
                sha256(body.authorEmail().toLowerCase(Locale.ROOT)), sha256(request.getRemoteAddr()), body.body(),
                sha256(body.body()), Timestamp.from(now));
        return new IntakeView(id, dev.copydesk.comments.CommentStatus.APPROVED, java.util.List.of());
    }

    record SeedRequest(@NotBlank String articleSlug, @Min(1) @Max(5_000_000) int count) {
    }

    /**
     * Tops the pending queue up to {@code count} held comments with one set-based INSERT (older than
     * any real one, each with its own author), and answers a cursor from the middle of the queue.
     * The seeded rows have no process instance: the answer says how many held comments do.
     */
    @PostMapping("/api/bench/held-comments")
    @Transactional
    Map<String, Object> seedHeld(@Valid @RequestBody SeedRequest request) throws Exception {
        PublishedArticle article = articles.findBySlug(request.articleSlug())
                .orElseThrow(() -> new NotFoundException("Article", request.articleSlug()));
        long existing = count();
        // at most 100,000 rows per call and transaction, so the seed stays within a 512 MB heap;
        // the client calls again until the queue holds what it asked for
        long missing = Math.min(CHUNK, request.count() - existing);
        if (missing > 0) {
            Instant start = clock.instant().minus(Duration.ofDays(30));
            boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                    .toLowerCase(Locale.ROOT).contains("postgres");
            String rows = postgres ? "generate_series(1, ?) as s(x)" : "system_range(1, ?) as s(x)";
            String uuid = postgres ? "gen_random_uuid()::text" : "cast(random_uuid() as varchar)";
            String at = postgres ? "(cast(? as timestamp with time zone) + x * interval '1 millisecond')"
                    : "dateadd('MILLISECOND', x, cast(? as timestamp with time zone))";
            String text = postgres ? "cast(x as text)" : "cast(x as varchar)";
            jdbc.update("""
                    insert into reader_comment (id, article_id, article_slug, parent_id, author_name, author_email,
                        author_key, client_hash, body, body_hash, notify, status, visible, queue, queued_at, due_at,
                        overdue, flag_count, reasons, process_instance_id, created_at, decided_at, decided_by,
                        decision_reason, version)
                    select %1$s, ?, ?, null, 'Seeded reader', 'seed' || %4$s || '@example.org', 'seed-' || %4$s,
                        'seed', 'Held for the benchmark ' || %4$s, 'seed-' || %4$s, false, 'PENDING', false, 'PENDING',
                        %3$s, %3$s, true, 0, '[{"code":"FIRST_COMMENT","detail":"seeded"}]', null, %3$s,
                        null, null, null, 0
                    from %2$s""".formatted(uuid, rows, at, text),
                    article.id(), article.slug(), Timestamp.from(start), Timestamp.from(start), Timestamp.from(start),
                    missing);
            // the queue total is the sum of moderation_queue_count (V5_5), kept by the process steps;
            // rows seeded behind the process's back are counted here, in the same transaction
            jdbc.update("update moderation_queue_count set n = n + ? where queue = 'PENDING' and stripe = 0", missing);
        }
        long total = count();
        if (total < request.count()) {
            return Map.of("total", total, "done", false);
        }
        Map<String, Object> middle = jdbc.queryForMap("""
                select queued_at, id from reader_comment where queue = 'PENDING'
                order by queue, queued_at, id offset ? rows fetch next 1 rows only""", total / 2);
        Instant queuedAt = ((java.sql.Timestamp) toTimestamp(middle.get("queued_at"))).toInstant();
        long live = jdbc.queryForObject(
                "select count(*) from reader_comment where queue = 'PENDING' and process_instance_id is not null", Long.class);
        return Map.of("total", total, "done", true, "liveProcessInstances", live,
                "deepCursor", new KeysetCursor(queuedAt, (String) middle.get("id")).encode());
    }

    private static final long CHUNK = 100_000;

    private long count() {
        return jdbc.queryForObject("select count(*) from reader_comment where queue = 'PENDING'", Long.class);
    }

    private static Object toTimestamp(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return Timestamp.from(odt.toInstant());
        }
        return value;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
