package dev.copydesk.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.copydesk.comments.CommentQueue;
import dev.copydesk.comments.KeysetCursor;
import dev.copydesk.support.CopydeskIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending queue with a million held comments, not part of the suite (run it with
 * {@code mvn test -Dtest=QueueBenchmark}): rows are inserted straight into the comment table, then
 * the first page, a page deep behind a cursor and the total are timed. In-memory H2.
 */
@CopydeskIntegrationTest
class QueueBenchmark {

    static final int ROWS = 1_000_000;

    @Autowired JdbcTemplate jdbc;
    @Autowired ModerationQueue queue;

    @Test
    void queueStaysFastWithAMillionHeldComments() {
        String article = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long t0 = System.nanoTime();
        for (int batch = 0; batch < ROWS / 10_000; batch++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = batch * 10_000 + i;
                Timestamp at = Timestamp.from(start.plusMillis(n * 100L));
                rows.add(new Object[] {UUID.randomUUID().toString(), article, "bench", "Reader " + n,
                        "reader" + n + "@example.org", "key" + (n % 50_000), "client", "Held comment number " + n,
                        "hash" + n, at, at, at});
            }
            jdbc.batchUpdate("""
                    insert into reader_comment (id, article_id, article_slug, author_name, author_email, author_key,
                      client_hash, body, body_hash, notify, status, visible, queue, queued_at, due_at, overdue,
                      flag_count, created_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, 'PENDING', false, 'PENDING', ?, ?, false, 0, ?, 0)""", rows);
        }
        // Rows inserted behind the process's back are counted by hand, as the process steps would.
        jdbc.update("update moderation_queue_count set n = n + ? where queue = 'PENDING' and stripe = 0", ROWS);
        System.out.printf("QUEUE inserted %d rows in %.1f s%n", ROWS, (System.nanoTime() - t0) / 1e9);

        time("first page", () -> queue.page(CommentQueue.PENDING, null, 50));
        ModerationQueue.QueuePage first = queue.page(CommentQueue.PENDING, null, 50);
        assertThat(first.total()).isGreaterThanOrEqualTo(ROWS);
        KeysetCursor deep = new KeysetCursor(start.plusMillis(900_000 * 100L), "");
        time("page behind 900,000 rows", () -> queue.page(CommentQueue.PENDING, deep, 50));
        time("first page again", () -> queue.page(CommentQueue.PENDING, null, 50));
        time("next page by cursor", () -> queue.page(CommentQueue.PENDING, KeysetCursor.decode(first.nextCursor()), 50));
    }

    private static void time(String what, Runnable call) {
        call.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            call.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("QUEUE %s: best of 5 %.1f ms%n", what, best / 1e6);
    }
}
