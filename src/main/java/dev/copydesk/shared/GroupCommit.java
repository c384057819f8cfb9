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
 *
 * <p>Two traps of H2 2.3 that the write step avoids: {@link MVStore#commit()} returns at once when
 * H2's background writer (or a commit over its memory limit) has already taken the changes and is
 * still writing them on H2's own threads, so the writer then also waits for those threads
 * ({@link MVStore#executeFilestoreOperation}); and H2 swallows an interrupt while it waits for them,
 * returning before the write is done, so the writer clears its thread's interrupt for the write and
 * sets it again afterwards.
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
    /** Writes of the file made here, for tests: fewer than the commits they covered when they are shared. */
    private long writes;
    private static final Runnable NOTHING = () -> { };

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
                    write();
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
                writes++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many writes of the file this group has made. */
    long writes() {
        lock.lock();
        try {
            return writes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores what is committed and returns once it is in the file: also what H2's own threads were
     * still writing, and again if an interrupt cut a wait short.
     */
    private void write() {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                store.commit();
                store.executeFilestoreOperation(NOTHING);
                if (!Thread.interrupted()) {
                    break;
                }
                interrupted = true; // a wait was cut short: wait again
            }
            if (store.isClosed()) {
                throw new IllegalStateException("the H2 store is closed");
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
