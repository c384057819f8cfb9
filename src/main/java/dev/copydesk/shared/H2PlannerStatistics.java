package dev.copydesk.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2's query plans fit for its tables as they grow: when a table has grown to twice
 * the largest size it had at the last refresh, runs {@code ANALYZE} and makes every connection plan its
 * cached statements again.
 *
 * <p>H2 keeps a plan with each statement a connection has prepared (256 of them here,
 * {@code QUERY_CACHE_SIZE}) and plans again only when the schema changes; neither its own automatic
 * {@code ANALYZE} nor a manual one does that. A statement first prepared while its tables were empty
 * (a new database) keeps an empty table's plan on that connection for as long as the pool keeps the
 * connection (30 minutes): the engine's look-up of an execution's variables, planned on an empty
 * {@code ACT_RU_VARIABLE}, walked every process-level variable instead of one execution's through the
 * index, 14 ms instead of 22 µs at 30,000 rows, and a tenth of the article lifecycle's CPU in a
 * profile (docs/benchmarks.md). After {@code ANALYZE}, the schema's modification id is moved on, which
 * is how H2 learns that its cached plans are stale; the next use of each one plans it with the new
 * statistics (a few hundred microseconds per statement, once).
 *
 * <p>Only growth counts, measured against the largest size seen: a plan made on a big table stays good
 * when the table shrinks, and a table that is pruned and refilled on a schedule (the event journal)
 * does not set it off again and again. {@code ANALYZE} needs H2's ADMIN right (the default user has
 * it); without it the check turns itself off with one warning. Any other failure is logged and the
 * next check tries again. Does nothing on PostgreSQL, whose autovacuum keeps statistics and whose
 * plans follow them.
 */
@Component
class H2PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(H2PlannerStatistics.class);
    /** Tables smaller than this are read fast enough whatever their plan (a scan of a thousand rows is well under a millisecond). */
    static final long SMALL = 1_000;

    private final DataSource dataSource;
    /**
     * The largest row count each table had at a refresh; none at first, so the first check refreshes when
     * a table is not small (its statements may have been planned on statistics older than its rows).
     */
    private final Map<String, Long> largest = new HashMap<>();
    /** Whether the database is an embedded H2 one: unknown until a connection has been seen. */
    private volatile Boolean embedded;
    private volatile boolean switchedOff;

    H2PlannerStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${copydesk.h2.statistics-check:PT1M}", fixedDelayString = "${copydesk.h2.statistics-check:PT1M}")
    void refreshWhenTablesHaveGrown() {
        if (switchedOff || Boolean.FALSE.equals(embedded)) {
            return;
        }
        try {
            List<String> grown = refreshIfGrown();
            if (!grown.isEmpty()) {
                log.info("H2 statistics refreshed and cached plans renewed: {} at least doubled", grown);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.ADMIN_RIGHTS_REQUIRED) {
                switchedOff = true;
                log.warn("H2 statistics cannot be refreshed: the database user lacks the ADMIN right that ANALYZE "
                        + "needs; cached query plans stay as first planned");
            } else {
                log.warn("H2 statistics not refreshed this time ({}); the next check tries again", e.toString());
            }
        }
    }

    /**
     * Analyzes and renews the plans when a table of at least {@link #SMALL} rows has at least twice the
     * largest row count it had at a refresh (at the first check: has that many rows); returns those
     * tables, none when nothing was done (also on a database other than an embedded H2).
     */
    synchronized List<String> refreshIfGrown() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = DurableCommits.embeddedSession(connection);
            embedded = session != null;
            if (session == null) {
                return List.of();
            }
            Map<String, Long> rowCounts = rowCounts(connection);
            TreeSet<String> grown = new TreeSet<>();
            rowCounts.forEach((table, rows) -> {
                if (rows >= SMALL && rows >= 2 * largest.getOrDefault(table, 0L)) {
                    grown.add(table);
                }
            });
            if (grown.isEmpty()) {
                return List.of();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            // What H2 checks before it reuses a cached plan: moved on, every cached statement is planned again.
            session.getDatabase().getNextModificationMetaId();
            rowCounts.forEach((table, rows) -> largest.merge(table, rows, Math::max));
            return List.copyOf(grown);
        }
    }

    private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select TABLE_SCHEMA, TABLE_NAME, ROW_COUNT_ESTIMATE "
                        + "from INFORMATION_SCHEMA.TABLES where TABLE_TYPE = 'BASE TABLE' and TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
            while (rows.next()) {
                counts.put(rows.getString(1) + "." + rows.getString(2), rows.getLong(3));
            }
        }
        return counts;
    }
}
