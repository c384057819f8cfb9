package dev.copydesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the {@code postgres}-tagged tests run on. {@code .ci/run} creates a fresh
 * database per run and passes its JDBC URL in {@code COPYDESK_TEST_POSTGRES_URL} (or the system
 * property {@code copydesk.test.postgres.url}); without it, the local server's database {@code test}
 * is used. Every Spring context (or cluster) then gets a new database of its own on that server, so
 * contexts, test classes and concurrent runs never see each other's rows or engine jobs.
 */
public final class PostgresTestDatabase {

    public static final String URL_PROPERTY = "copydesk.test.postgres.url";
    public static final String URL_VARIABLE = "COPYDESK_TEST_POSTGRES_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** Local databases are named {@code cdt_<epoch seconds>_<label>_<random>} so stale ones can be recognised. */
    private static final String LOCAL_PREFIX = "cdt_";
    private static final Duration STALE_AFTER = Duration.ofHours(2);
    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:postgresql://)([^/:]+)(?::(\\d+))?(/.*)$");

    private static volatile Boolean reachable;
    private static volatile boolean staleDatabasesDropped;

    private PostgresTestDatabase() {
    }

    /** The JDBC URL of the run's database. */
    public static String url() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(URL_VARIABLE);
        }
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    public static String user() {
        String user = System.getenv("COPYDESK_TEST_POSTGRES_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String password() {
        String password = System.getenv("COPYDESK_TEST_POSTGRES_PASSWORD");
        return password == null ? "" : password;
    }

    /** True when CI is running us: then an unreachable server fails the tests instead of skipping them. */
    public static boolean requiredByCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
    }

    /** Whether the server answers, asked once per JVM. */
    public static boolean reachable() {
        Boolean known = reachable;
        if (known == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection c = connect(url())) {
                known = c.isValid(3);
            } catch (SQLException e) {
                known = false;
            }
            reachable = known;
        }
        return known;
    }

    /**
     * Creates a new empty database on the test server and returns its JDBC URL, for one Spring
     * context or one cluster. A database rather than a schema: the engine finds its tables through
     * JDBC metadata across all schemas of a database, so independent engines need separate databases.
     * Under .ci/run the name starts with the run's database name, so the run's clean-up drops it.
     */
    public static String newDatabaseUrl(String label) {
        String base = databaseName(url());
        String suffix = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 6);
        String name = base.startsWith("copydesk_ci_")
                ? base + "_" + suffix
                : LOCAL_PREFIX + Instant.now().getEpochSecond() + "_" + suffix;
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            if (!base.startsWith("copydesk_ci_")) {
                dropStaleLocalDatabases(c);
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + " on " + url(), e);
        }
        return withDatabase(url(), name);
    }

    /** The database a PostgreSQL JDBC URL names. */
    public static String databaseName(String url) {
        Matcher m = HOST_PORT.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        String path = m.group(4).substring(1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The same URL with another host and port, e.g. to go through a {@link TcpProxy}. */
    public static String viaPort(String url, String host, int port) {
        Matcher m = HOST_PORT.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        return m.group(1) + host + ":" + port + m.group(4);
    }

    /** Host and port a URL points at. */
    public static String host(String url) {
        Matcher m = HOST_PORT.matcher(url);
        return m.matches() ? m.group(2) : "127.0.0.1";
    }

    public static int port(String url) {
        Matcher m = HOST_PORT.matcher(url);
        return m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 5432;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    private static String withDatabase(String url, String database) {
        Matcher m = HOST_PORT.matcher(url);
        m.matches();
        String rest = m.group(4).substring(1);
        int query = rest.indexOf('?');
        return m.group(1) + m.group(2) + (m.group(3) != null ? ":" + m.group(3) : "") + "/" + database
                + (query < 0 ? "" : rest.substring(query));
    }

    /**
     * A local run without .ci/run has no database of its own to drop at the end: databases left by
     * earlier local runs (older than a few hours, so never a running one's) are dropped once per JVM.
     */
    private static void dropStaleLocalDatabases(Connection c) throws SQLException {
        if (staleDatabasesDropped) {
            return;
        }
        staleDatabasesDropped = true;
        long horizon = Instant.now().minus(STALE_AFTER).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database where datname like 'cdt\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                if (parts.length > 1 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < horizon) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
