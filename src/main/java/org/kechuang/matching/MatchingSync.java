package org.kechuang.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kechuang.search.ChangeFollower;
import org.kechuang.search.ChangeFollowers;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.SearchSource;
import org.kechuang.search.SearchableRecordsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the matching index in step with the libraries, as the search index is kept: after a change commits, the
 * changed records are read again from their library's {@code SearchSource}. At start a missing index is filled from
 * the libraries; the learnt vectors are trained again when the index has grown or shrunk by a set share since they
 * were learnt (in the background; matching goes on with the previous vectors meanwhile).
 */
@Component
class MatchingSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MatchingSync.class);
    private static final int PAGE = 500;

    private final MatchingIndex index;
    private final Map<String, SearchSource> sources;
    private final MatchingProperties properties;
    private final AtomicBoolean training = new AtomicBoolean();
    private volatile Thread worker;
    private final ChangeFollower follower;

    MatchingSync(
            MatchingIndex index, List<SearchSource> sources, MatchingProperties properties, ChangeFollowers followers) {
        this.index = index;
        this.follower = followers.follower(this::apply);
        this.sources = sources.stream()
                .filter(source -> Matching.TYPES.contains(source.type()))
                .collect(Collectors.toMap(SearchSource::type, Function.identity()));
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startUp() {
        worker = Thread.ofVirtual().name("matching-startup").start(() -> {
            try {
                if (index.needsRebuild()) {
                    rebuild();
                }
                retrainIfGrown();
            } catch (RuntimeException e) {
                log.error("The matching index could not be prepared", e);
            }
        });
    }

    /** Refills the index from every library. */
    void rebuild() {
        index.clear();
        long total = 0;
        for (SearchSource source : sources.values()) {
            long after = 0;
            while (true) {
                List<SearchDocument> page = source.page(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                index.index(page);
                total += page.size();
                after = page.getLast().id();
            }
        }
        index.rebuilt();
        log.info("Matching index filled with {} records", total);
    }

    // as the search index follows: one group at a time, bulk writes taken up once they pause (ADR 0015)
    @Async
    @TransactionalEventListener
    void on(SearchableRecordsChanged changed) throws InterruptedException {
        follower.follow(changed);
    }

    private void apply(Map<String, Set<Long>> changedIds) {
        changedIds.forEach((type, ids) -> {
            SearchSource source = sources.get(type);
            if (source == null) {
                return;
            }
            List<SearchDocument> found = source.documents(ids);
            Set<Long> gone = new HashSet<>(ids);
            found.forEach(document -> gone.remove(document.id()));
            if (!found.isEmpty()) {
                index.index(found);
            }
            if (!gone.isEmpty()) {
                index.delete(type, gone);
            }
        });
        retrainIfGrown();
    }

    /** True when a training started (or ran, when {@code now}). */
    boolean retrainIfGrown() {
        LatentSpace space = index.space();
        long count = index.count();
        boolean due = space == null
                ? count > 0
                : Math.abs(count - space.documents()) > properties.retrainGrowth() * Math.max(space.documents(), 1);
        if (!due || !training.compareAndSet(false, true)) {
            return false;
        }
        Thread.ofVirtual().name("matching-training").start(() -> {
            try {
                index.retrain();
            } catch (RuntimeException e) {
                log.error("The matching vectors could not be learnt", e);
            } finally {
                training.set(false);
            }
        });
        return true;
    }

    /** True while vectors are being learnt in the background. */
    boolean training() {
        return training.get();
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread running = worker;
        if (running != null) {
            running.join(java.time.Duration.ofSeconds(30));
        }
    }
}
