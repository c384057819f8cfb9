package dev.copydesk.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits shared by every node: Bucket4j token buckets whose state is a row of
 * {@code rate_limit_bucket} in our database. A limit of {@code n} per {@code window} is a bucket of
 * {@code n} tokens refilled at {@code n} per window, so a burst of {@code n} is allowed and then one
 * call every {@code window / n}.
 *
 * <p>Bucket4j's generic select-for-update algorithm does the counting; the statements run on the
 * caller's connection and <em>inside the caller's transaction</em> when there is one, where the bucket
 * row stays locked until that transaction ends and a rollback counts nothing. Without one each call,
 * or each {@link #inOneTransaction} block (comment intake: author and address together), gets a short
 * transaction of its own, so the row is locked only for those few statements. Time is read from the
 * application's {@link Clock}.
 *
 * <p>Per call: one {@code SELECT ... FOR UPDATE} and one {@code UPDATE} for a known key; the first
 * call for a key costs five (Bucket4j asks once without the configuration, which inserts an empty
 * row, and then with it).
 */
@Component
public class RateLimits {

    /** A bucket idle this long is full again, so its row can go (limits' windows are shorter). */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Buckets buckets;

    /** Limits on {@code jdbc}'s database (with the {@code rate_limit_bucket} table), counted in {@code transactions}, timed by {@code clock}. */
    public RateLimits(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        boolean postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        this.buckets = new Buckets(ClientSideConfig.getDefault().withClientClock(new ClockTime(clock)), postgres);
    }

    /**
     * Takes one call from {@code key}'s allowance of {@code limit} per {@code window}: {@link Duration#ZERO}
     * when allowed (and counted), otherwise how long until one call is allowed again (at least a second).
     */
    public Duration take(String key, int limit, Duration window) {
        ConsumptionProbe probe = transaction.execute(s -> bucket(key, limit, window).tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Duration.ZERO : atLeastASecond(probe.getNanosToWaitForRefill());
    }

    /** Like {@link #take} but counts nothing: how long until {@code key} may make a call. */
    public Duration waitFor(String key, int limit, Duration window) {
        EstimationProbe probe = transaction.execute(s -> bucket(key, limit, window).estimateAbilityToConsume(1));
        return probe.canBeConsumed() ? Duration.ZERO : atLeastASecond(probe.getNanosToWaitForRefill());
    }

    /**
     * Runs {@code work} (several {@link #take}s) in one transaction, or in the caller's when there is one:
     * an exception from it rolls back everything it counted.
     */
    public void inOneTransaction(Runnable work) {
        transaction.executeWithoutResult(s -> work.run());
    }

    /** Forgets everything counted for {@code key}: its next call starts a full allowance. */
    public void forget(String key) {
        transaction.executeWithoutResult(s -> buckets.removeProxy(rowId(key)));
    }

    /** Deletes buckets nobody has used for a day: they would be full again anyway. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    public void forgetIdleBuckets() {
        jdbc.update("delete from rate_limit_bucket where updated_at < ?",
                Timestamp.from(clock.instant().minus(FORGET_AFTER)));
    }

    private BucketProxy bucket(String key, int limit, Duration window) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, window))
                .build();
        // A changed limit (moderation settings) replaces the stored configuration: a raised limit adds
        // the difference to the tokens left, a lowered one takes it away.
        long version = limit * 1_000_003L + window.toSeconds();
        return buckets.builder()
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.ADDITIVE)
                .build(rowId(key), () -> configuration);
    }

    private static Duration atLeastASecond(long nanos) {
        Duration wait = Duration.ofNanos(nanos);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    /** Keys are hashed: fixed length, and no address or username stored in the clear. */
    static String rowId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bucket4j's algorithm on our table, our connection and our transaction. */
    private final class Buckets extends AbstractSelectForUpdateBasedProxyManager<String> {

        private final String insert;

        Buckets(ClientSideConfig config, boolean postgres) {
            super(config);
            this.insert = postgres
                    ? "insert into rate_limit_bucket (id, state, updated_at) values (?, null, ?) on conflict (id) do nothing"
                    : "insert into rate_limit_bucket (id, state, updated_at) select ?, null, ? "
                            + "where not exists (select 1 from rate_limit_bucket where id = ?)";
        }

        @Override
        protected SelectForUpdateBasedTransaction allocateTransaction(String id, Optional<Long> timeout) {
            return new SelectForUpdateBasedTransaction() {
                @Override
                public void begin(Optional<Long> timeout) {
                    // the TransactionTemplate around every call already began (or joined) one
                }

                @Override
                public void rollback() {
                    // Bucket4j retries after a lost insert race; the surrounding transaction stays usable
                }

                @Override
                public void commit(Optional<Long> timeout) {
                    // committed with the surrounding transaction
                }

                @Override
                public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                    List<byte[]> rows = jdbc.query("select state from rate_limit_bucket where id = ? for update",
                            (rs, n) -> {
                                byte[] state = rs.getBytes(1);
                                return state == null ? new byte[0] : state;
                            }, id);
                    if (rows.isEmpty()) {
                        return LockAndGetResult.notLocked();
                    }
                    byte[] state = rows.get(0);
                    return LockAndGetResult.locked(state.length == 0 ? null : state);
                }

                @Override
                public boolean tryInsertEmptyData(Optional<Long> timeout) {
                    Timestamp now = Timestamp.from(clock.instant());
                    try {
                        return (insert.endsWith("do nothing") ? jdbc.update(insert, id, now)
                                : jdbc.update(insert, id, now, id)) == 1;
                    } catch (DuplicateKeyException lostTheRace) {
                        return false;
                    }
                }

                @Override
                public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeout) {
                    jdbc.update("update rate_limit_bucket set state = ?, updated_at = ? where id = ?", data,
                            Timestamp.from(clock.instant()), id);
                }

                @Override
                public void release() {
                    // the connection belongs to the surrounding transaction
                }
            };
        }

        @Override
        public void removeProxy(String id) {
            jdbc.update("delete from rate_limit_bucket where id = ?", id);
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }
    }

    /** Bucket4j reads time from the application's clock, so tests that move it move the buckets too. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
