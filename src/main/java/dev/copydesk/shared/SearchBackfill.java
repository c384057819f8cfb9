package dev.copydesk.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes, once, the documents written before the search index existed (V8_5): the node whose update
 * moves the {@code search_backfill} row from PENDING to RUNNING does it, in batches of its own
 * transactions, then marks it DONE. {@code idsAfter} answers the next batch of ids (keyset by id)
 * created before the row's {@code indexed_before}; {@code index} writes one batch's terms.
 */
public final class SearchBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    private static final int BATCH = 500;

    private SearchBackfill() {
    }

    /** Runs the backfill of {@code kind} if this node claims it; answers how many documents it indexed. */
    public static long run(String kind, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
            IdsAfter idsAfter, BiConsumer<List<String>, Timestamp> index) {
        int claimed = jdbc.update("update search_backfill set state = 'RUNNING', claimed_at = ? "
                + "where kind = ? and state = 'PENDING'", Timestamp.from(clock.instant()), kind);
        if (claimed == 0) {
            return 0;
        }
        Timestamp before = jdbc.queryForObject("select indexed_before from search_backfill where kind = ?",
                Timestamp.class, kind);
        long done = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = idsAfter.next(from, before, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            tx.executeWithoutResult(status -> index.accept(ids, before));
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
        jdbc.update("update search_backfill set state = 'DONE' where kind = ?", kind);
        log.info("Search index: {} {} written before the index existed are now indexed", done, kind);
        return done;
    }

    /** The next ids after {@code after}, by id, of documents created before {@code before}. */
    @FunctionalInterface
    public interface IdsAfter {
        List<String> next(String after, Timestamp before, int limit);
    }

    /** The state of a kind's backfill, for tests and operators. */
    public static Optional<String> state(JdbcTemplate jdbc, String kind) {
        return jdbc.queryForList("select state from search_backfill where kind = ?", String.class, kind).stream()
                .findFirst();
    }
}
