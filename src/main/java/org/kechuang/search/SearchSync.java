package org.kechuang.search;

import java.util.ArrayList;
import java.util.HashSet;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the libraries: after a change commits, the changed records are read again from their
 * library and indexed, or removed when they are no longer searchable (unpublished, archived, confidential). Reading the
 * current state makes a repeated, late or reordered event harmless; changes are applied one group at a time, so an
 * older state read concurrently never overwrites a newer one. Changes that queue up while a group is indexed are
 * indexed together with one commit, which keeps the index from splitting into many small segments that Lucene would
 * then have to merge.
 *
 * <p>Changes written in bulk (an import publishes one per chunk) wait until the bulk write pauses for {@linkplain
 * SearchSyncProperties#bulkQuietPeriod() a moment}, or at most {@linkplain SearchSyncProperties#bulkMaxDelay() a
 * while}: indexing is mostly text analysis, and running it beside the import would take the processors the import
 * needs. A person's change is indexed at once, ahead of the waiting bulk changes. An event's publication completes
 * only once its records are indexed, so a crash meanwhile loses nothing.
 */
@Component
class SearchSync {

    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);

    /** Most record ids indexed with one commit (unless a single change holds more). */
    private static final int GROUP_IDS = 10_000;

    private final SearchEngine engine;
    private final Map<String, SearchSource> sources;
    private final SearchSyncProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a group was indexed: the changes waiting for it may be done. */
    private final Condition indexed = lock.newCondition();
    /** Changes not yet indexed, in arrival order; guarded by itself. */
    private final LinkedList<Pending> queue = new LinkedList<>();
    /** When the last bulk change arrived ({@link #now()}); guarded by {@link #queue}. */
    private long lastBulkArrival = Long.MIN_VALUE / 2;

    SearchSync(SearchEngine engine, List<SearchSource> sources, SearchSyncProperties properties) {
        this.engine = engine;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
        this.properties = properties;
    }

    // no transaction around the listener (unlike @ApplicationModuleListener): it only reads, and a burst of events (a
    // bulk import publishes one per chunk) must not hold a pooled connection each while waiting below; the listeners
    // run on virtual threads, so many waiting ones cost little
    @Async
    @TransactionalEventListener
    void on(SearchableRecordsChanged changed) throws InterruptedException {
        Pending mine = new Pending(changed, now());
        synchronized (queue) {
            queue.add(mine);
            if (changed.bulk()) {
                lastBulkArrival = mine.arrived();
            }
        }
        lock.lock();
        try {
            // group commit: whoever holds the lock indexes what is ready (in arrival order, a bounded group at a
            // time) with one commit; an event returns, and its publication completes, once it is indexed
            while (!mine.done) {
                List<Pending> group = nextGroup();
                if (group.isEmpty()) {
                    indexed.await(waitForBulk(), TimeUnit.MILLISECONDS);
                    continue;
                }
                try {
                    apply(group);
                } catch (RuntimeException failed) {
                    synchronized (queue) {
                        group.reversed().forEach(queue::addFirst);
                    }
                    throw failed;
                }
                group.forEach(Pending::markDone);
                indexed.signalAll();
            }
        } finally {
            lock.unlock();
        }
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
        if (now - lastBulkArrival >= properties.bulkQuietPeriod().toMillis()) {
            return true;
        }
        return queue.stream()
                .filter(pending -> pending.changed().bulk())
                .findFirst()
                .map(oldest ->
                        now - oldest.arrived() >= properties.bulkMaxDelay().toMillis())
                .orElse(true);
    }

    /** How long until the bulk changes are ready (a pause, or the oldest one's longest delay), at least a millisecond. */
    private long waitForBulk() {
        synchronized (queue) {
            long readyAt = lastBulkArrival + properties.bulkQuietPeriod().toMillis();
            for (Pending pending : queue) {
                if (pending.changed().bulk()) {
                    readyAt = Math.min(
                            readyAt,
                            pending.arrived() + properties.bulkMaxDelay().toMillis());
                    break;
                }
            }
            return Math.max(1, readyAt - now());
        }
    }

    private void apply(List<Pending> group) {
        Map<String, Set<Long>> changedIds = new LinkedHashMap<>();
        for (Pending pending : group) {
            changedIds
                    .computeIfAbsent(pending.changed().type(), type -> new LinkedHashSet<>())
                    .addAll(pending.changed().ids());
        }
        changedIds.forEach((type, ids) -> {
            SearchSource source = sources.get(type);
            if (source == null) {
                log.warn("No search source for {}: change of {} ignored", type, ids);
                return;
            }
            List<SearchDocument> searchable = source.documents(ids);
            Set<Long> gone = new HashSet<>(ids);
            searchable.forEach(document -> gone.remove(document.id()));
            if (!searchable.isEmpty()) {
                engine.index(searchable);
            }
            if (!gone.isEmpty()) {
                engine.delete(type, gone);
            }
        });
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
