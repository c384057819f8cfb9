package dev.copydesk.shared;

import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;

/**
 * Group commit for one embedded H2 file database: a thread whose transaction has committed waits
 * here until the database file holds it, and the threads that arrive together share one write of
 * the MVStore instead of one each.
 *
 * <p>H2 with {@code WRITE_DELAY=0} writes the store's changed pages to the file inside every
 * commit; under load each such write also carries what every other open transaction has changed,
 * so the same pages are serialised again and again (a fifth of a comment's CPU in the profile of
 * docs/benchmarks.md). Here the first waiter becomes the writer: it notes how many commits have
 * asked so far, writes once ({@link MVStore#commit()}, which returns after the chunk is written to
 * the file), and releases them all; those that asked meanwhile go with the next write. Nobody
 * returns before a write that began after its own commit has finished, so what the caller has been
 * told is committed survives a crash of the process, as with {@code WRITE_DELAY=0}.
 */
final class GroupCommit {

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Commits that have asked to be on disk, numbered in the order they asked. */
    private long asked;
    /** Every commit numbered up to this one is on disk. */
    private long onDisk;
    private boolean writing;

    GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Whether this is the group commit of {@code other} (a database closed and opened again has a new store). */
    boolean writes(MVStore other) {
        return store == other;
    }

    /**
     * Returns once everything committed before this call is in the database file; throws when the
     * store could not write it (the store is then closed, and the caller must not report success).
     */
    void awaitOnDisk() throws SQLException {
        lock.lock();
        try {
            long ticket = ++asked;
            while (onDisk < ticket) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long upTo = asked;
                RuntimeException failure = null;
                lock.unlock();
                try {
                    store.commit();
                    if (store.isClosed()) {
                        failure = new IllegalStateException("the H2 store is closed");
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                    writing = false;
                    written.signalAll();
                }
                if (failure != null) {
                    throw new SQLException("The commit could not be written to the database file", "08000", failure);
                }
                onDisk = Math.max(onDisk, upTo);
            }
        } finally {
            lock.unlock();
        }
    }
}
