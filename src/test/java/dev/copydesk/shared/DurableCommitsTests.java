package dev.copydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DurableCommits} on a real H2 file database: a writer process is killed with SIGKILL while it
 * commits from several threads, and every commit it reported as done is in the file afterwards. Without
 * the wrapper and with H2's write delay, the same kill loses reported commits (so the check can fail).
 */
class DurableCommitsTests {

    /** Enough reported commits that the kill lands in the middle of the writing. */
    private static final int REPORTED_BEFORE_KILL = 400;
    /** How the writer reports a commit that has returned (its log lines go to the same stream). */
    private static final String COMMITTED = "committed ";

    @TempDir
    Path dir;

    @Test
    void everyReportedCommitSurvivesSigkill() throws Exception {
        everyReportedCommitSurvivesSigkill(fileUrl("durable") + ";WRITE_DELAY=60000", false);
    }

    /**
     * H2's background writer every millisecond takes changes away from the group's write (which then
     * finds nothing unsaved) and writes them on H2's own threads; and two of the four writer threads
     * commit with their interrupt flag set, which cuts H2's waits for those threads short.
     */
    @Test
    void everyReportedCommitSurvivesSigkillWhileH2WritesInTheBackgroundAndWritersAreInterrupted() throws Exception {
        everyReportedCommitSurvivesSigkill(fileUrl("background") + ";WRITE_DELAY=1", true);
    }

    private void everyReportedCommitSurvivesSigkill(String url, boolean interrupted) throws Exception {
        Set<Long> reported = writeUntilKilled(url, true, interrupted);

        assertThat(reported).hasSizeGreaterThanOrEqualTo(REPORTED_BEFORE_KILL);
        assertThat(storedIds(url)).containsAll(reported);
    }

    @Test
    void withoutTheWrapperTheSameKillLosesReportedCommits() throws Exception {
        String url = fileUrl("delayed") + ";WRITE_DELAY=60000";
        Set<Long> reported = writeUntilKilled(url, false, false);

        Set<Long> missing = new HashSet<>(reported);
        missing.removeAll(storedIds(url));
        assertThat(missing).isNotEmpty();
    }

    @Test
    void concurrentCommitsShareWritesOfTheFile() throws Exception {
        JdbcDataSource raw = h2(fileUrl("shared") + ";WRITE_DELAY=60000");
        DurableCommits.Durable durable = new DurableCommits.Durable(raw);
        createTable(durable);
        int threads = 8;
        int perThread = 100;
        // This connection keeps the database open (H2 closes it with its last connection), so one
        // group commit serves the whole test.
        try (Connection keeper = durable.getConnection()) {
            long writesBefore = durable.group().writes();

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicLong ids = new AtomicLong();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    try (Connection connection = durable.getConnection()) {
                        connection.setAutoCommit(false);
                        for (int i = 0; i < perThread; i++) {
                            insert(connection, ids.incrementAndGet());
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            // One write per commit would be 800: the writes the group made, not the store's versions
            // (a commit that finds nothing unsaved makes no version, shared or not).
            long writes = durable.group().writes() - writesBefore;
            assertThat(storedIds(raw)).hasSize(threads * perThread);
            assertThat(writes).isPositive().isLessThan(threads * perThread);
        }
    }

    @Test
    void otherDatabasesGetTheirConnectionsAsTheyAre() throws Exception {
        JdbcDataSource memory = h2("jdbc:h2:mem:durable-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = new DurableCommits.Durable(memory).getConnection()) {
            assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
        }
        try (Connection connection = new DurableCommits.Durable(h2(fileUrl("file"))).getConnection()) {
            assertThat(Proxy.isProxyClass(connection.getClass())).isTrue();
            assertThat(connection.unwrap(JdbcConnection.class)).isNotNull();
        }
    }

    // ---- the writer process ----

    /**
     * Starts {@link Writer} on {@code url}, reads the ids it reports as committed, kills it with SIGKILL
     * after {@link #REPORTED_BEFORE_KILL} of them and returns every id it reported before it died.
     */
    private Set<Long> writeUntilKilled(String url, boolean durable, boolean interrupted) throws Exception {
        createTable(h2(url));
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url, Boolean.toString(durable),
                Boolean.toString(interrupted))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<Long> reported = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith(COMMITTED)) {
                    continue;
                }
                reported.add(Long.parseLong(line.substring(COMMITTED.length())));
                if (reported.size() == REPORTED_BEFORE_KILL) {
                    writer.toHandle().destroyForcibly(); // SIGKILL; Process.destroyForcibly would close our end of the pipe
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return reported;
    }

    /**
     * Four threads insert and commit rows (two in transactions, two in auto-commit mode), each printing
     * a row's id once its commit has returned; at most 20,000 rows or 60 seconds. With a third argument
     * {@code true}, one thread of each mode sets its own interrupt flag before every commit.
     */
    static final class Writer {
        public static void main(String[] args) throws Exception {
            DataSource raw = h2(args[0]);
            DataSource dataSource = Boolean.parseBoolean(args[1]) ? new DurableCommits.Durable(raw) : raw;
            boolean interrupt = Boolean.parseBoolean(args[2]);
            AtomicLong ids = new AtomicLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                boolean autoCommit = t % 2 == 0;
                boolean interrupted = interrupt && t >= 2;
                pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(autoCommit);
                        long id;
                        while ((id = ids.incrementAndGet()) <= 20_000 && System.nanoTime() < deadline) {
                            if (autoCommit && interrupted) {
                                Thread.currentThread().interrupt();
                            }
                            insert(connection, id);
                            if (!autoCommit) {
                                if (interrupted) {
                                    Thread.currentThread().interrupt();
                                }
                                connection.commit();
                            }
                            synchronized (System.out) {
                                System.out.println(COMMITTED + id);
                                System.out.flush();
                            }
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(90, TimeUnit.SECONDS);
        }
    }

    // ---- helpers ----

    private String fileUrl(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static JdbcDataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void createTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists acknowledged (id bigint primary key, payload varchar(200))");
        }
    }

    static void insert(Connection connection, long id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into acknowledged (id, payload) values (?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "a reader's comment, number " + id);
            insert.executeUpdate();
        }
    }

    private static Set<Long> storedIds(String url) throws SQLException {
        return storedIds(h2(url));
    }

    private static Set<Long> storedIds(DataSource dataSource) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from acknowledged")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
