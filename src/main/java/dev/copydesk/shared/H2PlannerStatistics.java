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

import org.h2.engine.SessionLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2's query plans fit for its tables as they grow: when a table has doubled (or
 * halved) since the last time, runs {@code ANALYZE} and makes every connection plan its cached
 * statements again.
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
 * <p>Does nothing on PostgreSQL, whose autovacuum keeps statistics and whose plans follow them.
 */
@Component
class H2PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(H2PlannerStatistics.class);
    /** Tables smaller than this are planned well enough whatever their statistics say. */
    static final long SMALL = 64;

    private final DataSource dataSource;
    /**
     * Row counts at the last {@code ANALYZE}; none at first, so the first check analyzes every table that
     * is not small (its statements may have been planned on statistics older than its rows).
     */
    private Map<String, Long> analyzed = Map.of();
    private boolean unavailable;

    H2PlannerStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${copydesk.h2.statistics-check:PT1M}", fixedDelayString = "${copydesk.h2.statistics-check:PT1M}")
    void refreshWhenTablesHaveGrown() {
        if (unavailable) {
            return;
        }
        try {
            List<String> grown = refreshIfGrown();
            if (!grown.isEmpty()) {
                log.info("H2 statistics refreshed and cached plans renewed: {} changed size since the last time", grown);
            }
        } catch (SQLException e) {
            unavailable = true; // e.g. a user without the ADMIN right that ANALYZE needs
            log.warn("H2 statistics cannot be refreshed; cached query plans stay as first planned", e);
        }
    }

    /**
     * Analyzes and renews the plans when a table of at least {@link #SMALL} rows has at least doubled or
     * halved since the last time (at the first check: has that many rows); returns those tables, none when
     * nothing was done (also on a database other than an embedded H2).
     */
    synchronized List<String> refreshIfGrown() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = DurableCommits.embeddedSession(connection);
            if (session == null) {
                return List.of();
            }
            Map<String, Long> now = rowCounts(connection);
            TreeSet<String> changed = new TreeSet<>();
            now.forEach((table, rows) -> {
                long before = Math.max(1, analyzed.getOrDefault(table, 0L));
                if (Math.max(rows, before) >= SMALL && (rows >= 2 * before || 2 * rows <= before)) {
                    changed.add(table);
                }
            });
            if (changed.isEmpty()) {
                return List.of();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            // What H2 checks before it reuses a cached plan: moved on, every cached statement is planned again.
            session.getDatabase().getNextModificationMetaId();
            analyzed = rowCounts(connection);
            return List.copyOf(changed);
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
