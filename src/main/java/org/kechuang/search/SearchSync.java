package org.kechuang.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * current state makes a repeated or late event harmless; changes are applied one group at a time, so an older state
 * read concurrently never overwrites a newer one. Changes that queue up while a group is indexed (a bulk import
 * publishes one per chunk) are indexed together with one commit, which keeps the index from splitting into many small
 * segments that Lucene would then have to merge.
 */
@Component
class SearchSync {

    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);

    private final SearchEngine engine;
    private final Map<String, SearchSource> sources;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Pending> queue = new ArrayDeque<>();
    /** Sequence number of the last change queued; guarded by {@link #queue}. */
    private long submitted;
    /** Every change up to this sequence number is indexed; written under {@link #lock}. */
    private volatile long applied;

    SearchSync(SearchEngine engine, List<SearchSource> sources) {
        this.engine = engine;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
    }

    // no transaction around the listener (unlike @ApplicationModuleListener): it only reads, and a burst of events (a
    // bulk import publishes one per chunk) must not hold a pooled connection each while waiting for the lock below
    @Async
    @TransactionalEventListener
    void on(SearchableRecordsChanged changed) {
        long mine;
        synchronized (queue) {
            mine = ++submitted;
            queue.add(new Pending(mine, changed));
        }
        lock.lock();
        try {
            // group commit: whoever holds the lock indexes what has queued up meanwhile (in arrival order, a bounded
            // group at a time) with one commit; an event returns, and its publication completes, once it is indexed
            while (applied < mine) {
                List<Pending> group = nextGroup();
                try {
                    apply(group);
                } catch (RuntimeException failed) {
                    synchronized (queue) {
                        group.reversed().forEach(queue::addFirst);
                    }
                    throw failed;
                }
                applied = group.getLast().seq();
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Pending> nextGroup() {
        List<Pending> group = new ArrayList<>();
        int ids = 0;
        synchronized (queue) {
            while (!queue.isEmpty()
                    && (group.isEmpty()
                            || ids + queue.peekFirst().changed().ids().size() <= GROUP_IDS)) {
                Pending next = queue.pollFirst();
                group.add(next);
                ids += next.changed().ids().size();
            }
        }
        return group;
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

    /** Most record ids indexed with one commit (unless a single change holds more). */
    private static final int GROUP_IDS = 10_000;

    private record Pending(long seq, SearchableRecordsChanged changed) {}
}
