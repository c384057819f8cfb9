package dev.copydesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import dev.copydesk.shared.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 6: the throttle slows a guesser down without locking the owner out. The counts are
 * the shared token buckets of {@link RateLimits} on a real (in-memory H2) database with the real
 * migration, timed by a clock the test moves.
 */
class LoginThrottleTests {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OWNER = "198.51.100.20";

    private final MovableClock clock = new MovableClock();
    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:login-throttle-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    private final JdbcTemplate jdbc = withBucketTable(new JdbcTemplate(database));
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(5, 20, Duration.ofMinutes(5), Duration.ofMinutes(5)),
            new RateLimits(jdbc, new DataSourceTransactionManager(database), clock));

    private static JdbcTemplate withBucketTable(JdbcTemplate jdbc) {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V11_1__rate_limit_buckets.sql"));
            return null;
        });
        return jdbc;
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("shutdown");
    }

    @Test
    void fiveFailuresThrottleThatUsernameFromThatAddressOnly() {
        fail("admin", ATTACKER, 4);
        assertThat(throttle.waitFor("admin", ATTACKER)).isZero();

        fail("admin", ATTACKER, 1);

        assertThat(throttle.waitFor("admin", ATTACKER)).as("one more guess per window / max-failed-logins")
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("ADMIN", ATTACKER)).as("usernames are counted case-insensitively").isPositive();
        assertThat(throttle.waitFor("admin", OWNER)).as("the owner elsewhere is never locked out").isZero();
        assertThat(throttle.waitFor("editor", ATTACKER)).as("another username from the same address").isZero();
    }

    @Test
    void throttledPairEarnsOneGuessPerWindowShareAndNoMore() {
        fail("admin", ATTACKER, 5);
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.waitFor("admin", ATTACKER)).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("admin", ATTACKER)).isZero();
        fail("admin", ATTACKER, 1);

        assertThat(throttle.waitFor("admin", ATTACKER)).as("the earned guess is spent").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void throttledPairHasItsWholeAllowanceBackAfterAQuietWindow() {
        fail("admin", ATTACKER, 5);
        clock.advance(Duration.ofMinutes(5));

        fail("admin", ATTACKER, 4);
        assertThat(throttle.waitFor("admin", ATTACKER)).isZero();
        fail("admin", ATTACKER, 1);
        assertThat(throttle.waitFor("admin", ATTACKER)).isPositive();
    }

    @Test
    void oneAddressSprayingManyUsernamesHitsThePerAddressCap() {
        for (int i = 0; i < 4; i++) {
            fail("user" + i, ATTACKER, 4);
        }
        fail("user4", ATTACKER, 3);
        assertThat(throttle.waitFor("someone-else", ATTACKER)).as("19 failures from one address").isZero();

        fail("user4", ATTACKER, 1);

        assertThat(throttle.waitFor("someone-else", ATTACKER)).as("20 failures from one address").isPositive();
        assertThat(throttle.waitFor("user0", ATTACKER)).isPositive();
        assertThat(throttle.waitFor("someone-else", OWNER)).isZero();
    }

    @Test
    void successClearsItsOwnPairButNeverTheAddressCount() {
        fail("admin", OWNER, 4);
        throttle.succeeded("admin", OWNER);
        fail("admin", OWNER, 4);
        assertThat(throttle.waitFor("admin", OWNER)).as("the typo count started again").isZero();

        for (int i = 0; i < 3; i++) {
            fail("victim" + i, ATTACKER, 4);
        }
        fail("mine", ATTACKER, 4);
        throttle.succeeded("mine", ATTACKER);
        fail("victim9", ATTACKER, 4);
        // 20 failures from ATTACKER; logging in to an account of one's own does not reset the cap
        assertThat(throttle.waitFor("victim10", ATTACKER)).isPositive();
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        fail("admin", "2001:db8:1:2::1", 3);
        fail("admin", "2001:db8:1:2:ffff::9", 2);

        assertThat(throttle.waitFor("admin", "2001:db8:1:2:aaaa::7")).isPositive();
        assertThat(throttle.waitFor("admin", "2001:db8:1:3::1")).isZero();
        assertThat(LoginThrottle.addressKey("2001:0db8:0001:0002:0000:0000:0000:0001"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2::2"));
        assertThat(LoginThrottle.addressKey("10.0.0.1")).isEqualTo("10.0.0.1");
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
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
