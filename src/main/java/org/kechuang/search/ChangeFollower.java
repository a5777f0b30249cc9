package org.kechuang.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows {@link SearchableRecordsChanged} events for an index kept beside the database (the search index, the
 * matching index): changes are applied one group at a time, so an older state read concurrently never overwrites a
 * newer one, and the changes that queue up meanwhile are applied together (one commit for many). Reading each record's
 * current state makes a repeated, late or reordered event harmless.
 *
 * <p>Changes written in bulk (an import publishes one per chunk) wait until the bulk write pauses for a moment, or at
 * most a while: indexing is mostly text analysis, and running it beside the import would take the processors the
 * import needs. A person's change is applied at once, ahead of waiting bulk changes. {@link #follow} returns only once
 * its change is applied, so the event's publication completes then, and a crash meanwhile loses nothing.
 */
public final class ChangeFollower {

    /** Applies the changed records of a group: record ids by library type. */
    @FunctionalInterface
    public interface Applier {

        void apply(Map<String, Set<Long>> idsByType);
    }

    /** Most record ids applied as one group (unless a single change holds more). */
    private static final int GROUP_IDS = 10_000;

    private final Duration bulkQuietPeriod;
    private final Duration bulkMaxDelay;
    private final Applier applier;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a group was applied: the changes waiting for it may be done. */
    private final Condition applied = lock.newCondition();
    /** Changes not yet applied, in arrival order; guarded by itself. */
    private final LinkedList<Pending> queue = new LinkedList<>();
    /** When the last bulk change arrived ({@link #now()}); guarded by {@link #queue}. */
    private long lastBulkArrival = Long.MIN_VALUE / 2;

    ChangeFollower(Duration bulkQuietPeriod, Duration bulkMaxDelay, Applier applier) {
        this.bulkQuietPeriod = bulkQuietPeriod;
        this.bulkMaxDelay = bulkMaxDelay;
        this.applier = applier;
    }

    /** Returns once the change is applied (by this thread or, in a group, by another). */
    public void follow(SearchableRecordsChanged changed) throws InterruptedException {
        Pending mine = new Pending(changed, now());
        synchronized (queue) {
            queue.add(mine);
            if (changed.bulk()) {
                lastBulkArrival = mine.arrived();
            }
        }
        lock.lock();
        try {
            while (!mine.done) {
                List<Pending> group = nextGroup();
                if (group.isEmpty()) {
                    applied.await(waitForBulk(), TimeUnit.MILLISECONDS);
                    continue;
                }
                try {
                    applier.apply(idsByType(group));
                } catch (RuntimeException failed) {
                    synchronized (queue) {
                        group.reversed().forEach(queue::addFirst);
                    }
                    throw failed;
                }
                group.forEach(Pending::markDone);
                applied.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Set<Long>> idsByType(List<Pending> group) {
        Map<String, Set<Long>> ids = new LinkedHashMap<>();
        for (Pending pending : group) {
            ids.computeIfAbsent(pending.changed().type(), type -> new LinkedHashSet<>())
                    .addAll(pending.changed().ids());
        }
        return ids;
    }

    /**
     * The next changes to index: every waiting change of a person, and the bulk changes once the bulk write has paused
     * or the oldest of them has waited long enough; empty when only bulk changes wait, and must wait on.
     */
    private List<Pending> nextGroup() {
        List<Pending> group = new ArrayList<>();
        int ids = 0;
        synchronized (queue) {
            boolean bulkReady = bulkReady(now());
            Iterator<Pending> waiting = queue.iterator();
            while (waiting.hasNext()) {
                Pending next = waiting.next();
                if (next.changed().bulk() && !bulkReady) {
                    continue;
                }
                if (!group.isEmpty() && ids + next.changed().ids().size() > GROUP_IDS) {
                    break;
                }
                waiting.remove();
                group.add(next);
                ids += next.changed().ids().size();
            }
        }
        return group;
    }

    /** Whether bulk changes may be indexed now; called holding {@link #queue}. */
    private boolean bulkReady(long now) {
        if (now - lastBulkArrival >= bulkQuietPeriod.toMillis()) {
            return true;
        }
        return queue.stream()
                .filter(pending -> pending.changed().bulk())
                .findFirst()
                .map(oldest -> now - oldest.arrived() >= bulkMaxDelay.toMillis())
                .orElse(true);
    }

    /** How long until the bulk changes are ready (a pause, or the oldest one's longest delay), at least a millisecond. */
    private long waitForBulk() {
        synchronized (queue) {
            long readyAt = lastBulkArrival + bulkQuietPeriod.toMillis();
            for (Pending pending : queue) {
                if (pending.changed().bulk()) {
                    readyAt = Math.min(readyAt, pending.arrived() + bulkMaxDelay.toMillis());
                    break;
                }
            }
            return Math.max(1, readyAt - now());
        }
    }

    /** Milliseconds of the monotonic clock: the wall clock (and a test's fixed clock) may stand still or jump. */
    private static long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    private static final class Pending {

        private final SearchableRecordsChanged changed;
        private final long arrived;
        /** Written and read holding the sync's lock. */
        private boolean done;

        Pending(SearchableRecordsChanged changed, long arrived) {
            this.changed = changed;
            this.arrived = arrived;
        }

        SearchableRecordsChanged changed() {
            return changed;
        }

        long arrived() {
            return arrived;
        }

        void markDone() {
            done = true;
        }
    }
}
