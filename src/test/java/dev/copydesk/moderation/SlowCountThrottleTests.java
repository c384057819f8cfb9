package dev.copydesk.moderation;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.copydesk.comments.CommentQueue;
import dev.copydesk.moderation.ModerationQueue.SlowCountThrottle;

import static org.assertj.core.api.Assertions.assertThat;

class SlowCountThrottleTests {

    static final long SECOND = 1_000_000_000L;

    final AtomicLong now = new AtomicLong(100 * SECOND);
    final AtomicLong counts = new AtomicLong();
    final SlowCountThrottle throttle = new SlowCountThrottle(now::get);

    /** A count that takes {@code seconds} of the fake clock and answers {@code total}. */
    long count(CommentQueue queue, long total, double seconds) {
        return throttle.count(queue, () -> {
            counts.incrementAndGet();
            now.addAndGet((long) (seconds * SECOND));
            return total;
        });
    }

    @Test
    void aCountThatTookTwoSecondsIsNotRepeatedForTwentySecondsFromItsStart() {
        assertThat(count(CommentQueue.PENDING, 1_000_000, 2)).isEqualTo(1_000_000);

        now.addAndGet(17 * SECOND); // 19 s after the count began
        assertThat(count(CommentQueue.PENDING, 1_000_050, 2)).isEqualTo(1_000_000);
        assertThat(counts).hasValue(1);

        now.addAndGet(1 * SECOND); // 20 s
        assertThat(count(CommentQueue.PENDING, 1_000_050, 2)).isEqualTo(1_000_050);
        assertThat(counts).hasValue(2);
    }

    @Test
    void aFastCountIsRepeatedWhenAsked() {
        count(CommentQueue.PENDING, 10, 0.001);
        now.addAndGet(SECOND / 50);

        assertThat(count(CommentQueue.PENDING, 11, 0.001)).isEqualTo(11);
        assertThat(counts).hasValue(2);
    }

    @Test
    void eachQueueIsThrottledOnItsOwn() {
        count(CommentQueue.PENDING, 1_000_000, 2);

        assertThat(count(CommentQueue.REPORTED, 3, 0.001)).isEqualTo(3);
        assertThat(counts).hasValue(2);
    }
}
