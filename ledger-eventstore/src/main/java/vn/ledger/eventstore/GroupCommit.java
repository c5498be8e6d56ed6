package vn.ledger.eventstore;

import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Durable commits of the embedded server's file shared by concurrent write commands (leader/follower).
 *
 * <p>A write command applies its change, then calls {@link #awaitDurable()}: it takes a ticket and waits until a
 * commit that started after the ticket was taken has completed. Whoever finds no commit running commits for every
 * ticket taken so far; writers arriving meanwhile queue up and the next commit covers all of them. A commit is
 * store-wide, so it also covers whatever any other thread applied before it started.
 *
 * <p>{@link #maintain(Runnable)} runs a maintenance step (chunk reclamation) in the committer's role, so that it
 * never runs beside a commit, and commits what it did.
 */
final class GroupCommit {

    private final MVStore store;
    /** true: one commit per write command, as before group commit (kept for comparison in benchmarks) */
    private final boolean eachWrite;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private long ticketsIssued;
    private long ticketsDurable;
    private boolean committing;
    private Throwable failure;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    GroupCommit(MVStore store, boolean eachWrite) {
        this.store = store;
        this.eachWrite = eachWrite;
    }

    /** Returns once a commit covering every change this thread applied before the call is on the file. */
    void awaitDurable() {
        writes.incrementAndGet();
        lock.lock();
        try {
            if (eachWrite) { // a commit of its own, after the one running (or a maintenance step)
                while (committing) {
                    finished.awaitUninterruptibly();
                }
                runAsCommitter(this::commit);
                return;
            }
            long ticket = ++ticketsIssued;
            while (ticketsDurable < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("the embedded store could not commit", failure);
                }
                if (committing) {
                    finished.awaitUninterruptibly();
                } else {
                    runAsCommitter(this::commit);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code step} as the committer, then commits; returns false at once if a commit is running (the step is
     * then left for a later call).
     */
    boolean maintain(Runnable step) {
        return maintain(step, false);
    }

    /**
     * As {@link #maintain(Runnable)}; with {@code wait}, waits for a running commit to end instead of returning false
     * (writers arriving meanwhile are covered by the commit after the step, or by the next).
     */
    boolean maintain(Runnable step, boolean wait) {
        lock.lock();
        try {
            while (wait && committing && failure == null) {
                finished.awaitUninterruptibly();
            }
            if (committing || failure != null) {
                return false;
            }
            runAsCommitter(() -> {
                step.run();
                commit();
            });
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock; releases it while {@code work} runs. */
    private void runAsCommitter(Runnable work) {
        committing = true;
        // every ticket issued so far belongs to a change applied before it: the commit below covers them all
        long covers = ticketsIssued;
        lock.unlock();
        Throwable thrown = null;
        try {
            work.run();
        } catch (Throwable t) {
            thrown = t;
        } finally {
            lock.lock();
            committing = false;
            if (thrown == null) {
                ticketsDurable = Math.max(ticketsDurable, covers);
            } else {
                // MVStore closes itself on a failed write (panic): no later commit could succeed
                failure = thrown;
            }
            finished.signalAll();
        }
        if (thrown != null) {
            throw new IllegalStateException("the embedded store could not commit", thrown);
        }
    }

    private void commit() {
        if (store.commit() >= 0) { // -1: nothing had changed, nothing written
            commits.incrementAndGet();
        }
    }

    /** Write commands that waited for a commit. */
    long writes() {
        return writes.get();
    }

    /** Commits that wrote to the file (for write commands and for maintenance). */
    long commits() {
        return commits.get();
    }
}
