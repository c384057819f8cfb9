package dev.copydesk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rate limits on a real in-memory H2 database with the real migration: two instances on
 * one database (two nodes) count against one allowance, a rolled-back caller counts nothing, and each
 * call costs the statements the intake path budgets for (counted by datasource-proxy).
 */
class RateLimitsTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MovableClock clock = new MovableClock();
    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:rate-limits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource counted = ProxyDataSourceBuilder.create(database)
            .afterQuery((execution, queries) -> statements.addAndGet(queries.size())).build();
    private final JdbcTemplate jdbc = new JdbcTemplate(counted);
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(counted);

    RateLimitsTests() {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V11_1__rate_limit_buckets.sql"));
            return null;
        });
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("shutdown");
    }

    private RateLimits node() {
        return new RateLimits(jdbc, transactions, clock);
    }

    @Test
    void twoNodesOnOneDatabaseShareOneAllowance() {
        RateLimits nodeA = node();
        RateLimits nodeB = node();
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.take("author:ann", 5, MINUTE)).isZero();
        }
        assertThat(nodeB.take("author:ann", 5, MINUTE)).isZero();
        assertThat(nodeB.take("author:ann", 5, MINUTE)).isZero();

        assertThat(nodeA.take("author:ann", 5, MINUTE)).as("the sixth in a minute, wherever it lands")
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(nodeB.waitFor("author:ann", 5, MINUTE)).isEqualTo(Duration.ofSeconds(12));
        assertThat(nodeB.take("author:bob", 5, MINUTE)).as("another key has its own allowance").isZero();
    }

    @Test
    void oneCallIsEarnedBackPerWindowShare() {
        RateLimits limits = node();
        for (int i = 0; i < 5; i++) {
            limits.take("k", 5, MINUTE);
        }
        clock.advance(Duration.ofSeconds(11));
        assertThat(limits.take("k", 5, MINUTE)).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));

        assertThat(limits.take("k", 5, MINUTE)).isZero();
        assertThat(limits.take("k", 5, MINUTE)).isPositive();
    }

    @Test
    void aCallerThatRollsBackCountsNothing() {
        RateLimits limits = node();
        TransactionTemplate caller = new TransactionTemplate(transactions);
        for (int i = 0; i < 5; i++) {
            caller.executeWithoutResult(s -> {
                assertThat(limits.take("k", 5, MINUTE)).isZero();
                s.setRollbackOnly();
            });
        }

        for (int i = 0; i < 5; i++) {
            assertThat(limits.take("k", 5, MINUTE)).as("call %d after five rolled back", i).isZero();
        }
        assertThat(limits.take("k", 5, MINUTE)).isPositive();
    }

    @Test
    void forgetGivesTheWholeAllowanceBack() {
        RateLimits limits = node();
        for (int i = 0; i < 5; i++) {
            limits.take("k", 5, MINUTE);
        }
        assertThat(limits.waitFor("k", 5, MINUTE)).isPositive();

        limits.forget("k");

        assertThat(limits.waitFor("k", 5, MINUTE)).isZero();
    }

    @Test
    void aRaisedLimitTakesEffectForAKeyAlreadyCounted() {
        RateLimits limits = node();
        for (int i = 0; i < 5; i++) {
            limits.take("k", 5, MINUTE);
        }
        assertThat(limits.take("k", 5, MINUTE)).isPositive();

        assertThat(limits.take("k", 100, MINUTE)).as("moderators raised comments-per-minute").isZero();
    }

    @Test
    void idleBucketsAreDeletedAfterADayAndBusyOnesKept() {
        RateLimits limits = node();
        limits.take("idle", 5, MINUTE);
        clock.advance(Duration.ofHours(23));
        limits.take("busy", 5, MINUTE);
        clock.advance(Duration.ofHours(2));

        limits.forgetIdleBuckets();

        assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket", Integer.class)).isEqualTo(1);
    }

    @Test
    void aNewKeyCostsFiveStatementsAndAKnownKeyTwo() {
        RateLimits limits = node();
        statements.set(0);
        limits.take("k", 5, MINUTE);
        // Bucket4j first asks without the configuration (miss, insert an empty row), then again with it
        assertThat(statements.get()).as("select, insert, select, select, update").isEqualTo(5);

        statements.set(0);
        limits.take("k", 5, MINUTE);
        assertThat(statements.get()).as("select for update, update").isEqualTo(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2030-01-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
