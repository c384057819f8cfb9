package dev.copydesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the benchmark's service process adds to Copydesk, from the test class path and under the
 * {@code bench} profile only (which no other run turns on): the access rules of {@code /api/bench/**}
 * and a count of the SQL statements the service runs. Production code knows nothing of either.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchmarkService {

    /**
     * {@code /api/bench/**}, ahead of the API's chain: the baseline is as open as intake, the seed and the
     * statement counter are for ADMIN, any other bench path is refused.
     */
    @Bean
    @Order(1)
    SecurityFilterChain benchmarkChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/bench/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/bench/baseline/**").permitAll()
                        .requestMatchers("/api/bench/held-comments", "/api/bench/sql-statements", "/api/bench/sql-statements/texts")
                                .hasRole("ADMIN")
                        .anyRequest().denyAll())
                .httpBasic(basic -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    static SqlStatements sqlStatements() {
        return new SqlStatements();
    }

    /**
     * Wraps every {@link DataSource} bean, so the engine, JPA and JDBC all go through the counter while it
     * counts; at other times (the load itself) connections come as they are, since the counting proxy
     * costs about 5% of a comment's CPU on the request thread.
     */
    @Bean
    static BeanPostProcessor countingDataSources(SqlStatements statements) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds
                        ? new CountedWhileCounting(ds, ProxyDataSourceBuilder.create(ds).name(name).listener(statements).build(),
                                statements)
                        : bean;
            }
        };
    }

    /** Connections through the counter while {@link SqlStatements#counting} is on, past it otherwise. */
    static final class CountedWhileCounting extends DelegatingDataSource {

        private final DataSource counted;
        private final SqlStatements statements;

        CountedWhileCounting(DataSource target, DataSource counted, SqlStatements statements) {
            super(target);
            this.counted = counted;
            this.statements = statements;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return statements.counting ? counted.getConnection() : super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return statements.counting ? counted.getConnection(username, password) : super.getConnection(username, password);
        }
    }

    /**
     * Counts the statements executed on the request threads (Tomcat's {@code http-nio-*}: the request's
     * transaction and what runs after its commit on the same thread), by kind, and on every other thread
     * apart (the job executor, schedulers). A batch counts each of its statements, and once as a round trip.
     */
    static final class SqlStatements implements QueryExecutionListener {

        /** On from a reset ({@code POST}) until {@code DELETE}: only connections taken meanwhile are counted. */
        volatile boolean counting;
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> texts = new ConcurrentHashMap<>();

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            String where = Thread.currentThread().getName().startsWith("http-nio") ? "request" : "other";
            count(where + ".roundTrips", 1);
            for (QueryInfo query : queries) {
                int times = execution.isBatch() && query.getParametersList().size() > 1
                        ? query.getParametersList().size() : 1;
                count(where + ".statements", times);
                count(where + "." + kind(query.getQuery()), times);
                if (where.equals("request")) {
                    String text = query.getQuery().replaceAll("\\s+", " ").strip();
                    texts.computeIfAbsent(text.length() > 160 ? text.substring(0, 160) : text, k -> new LongAdder()).add(times);
                }
            }
        }

        private void count(String key, long n) {
            counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
        }

        private static String kind(String sql) {
            String s = sql.stripLeading().toLowerCase(Locale.ROOT);
            int end = 0;
            while (end < s.length() && Character.isLetter(s.charAt(end))) {
                end++;
            }
            return end == 0 ? "other" : s.substring(0, end);
        }

        Map<String, Long> snapshot() {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        Map<String, Long> texts() {
            Map<String, Long> out = new TreeMap<>();
            texts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        void reset() {
            counts.clear();
            texts.clear();
        }
    }

    /** {@code GET /api/bench/sql-statements}: the counts since the last {@code POST}, which resets them. */
    @RestController
    @Profile("bench")
    static class SqlStatementsEndpoint {

        private final SqlStatements statements;

        SqlStatementsEndpoint(SqlStatements statements) {
            this.statements = statements;
        }

        @GetMapping("/api/bench/sql-statements")
        Map<String, Long> counts() {
            return statements.snapshot();
        }

        /** The request threads' statements since the last reset, by text (cut at 160 characters), with their counts. */
        @GetMapping("/api/bench/sql-statements/texts")
        Map<String, Long> texts() {
            return statements.texts();
        }

        /** Starts counting from zero; answers the counts before. */
        @PostMapping("/api/bench/sql-statements")
        Map<String, Long> reset() {
            Map<String, Long> before = statements.snapshot();
            statements.reset();
            statements.counting = true;
            return before;
        }

        /** Stops counting (connections taken from now on are not counted); answers the counts. */
        @DeleteMapping("/api/bench/sql-statements")
        Map<String, Long> stop() {
            statements.counting = false;
            return statements.snapshot();
        }
    }
}
