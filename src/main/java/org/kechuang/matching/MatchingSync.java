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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the matching index in step with the libraries, as the search index is kept: after a change commits, the
 * changed records are read again from their library's {@code SearchSource}. At start a missing index is filled from
 * the libraries. The learnt vectors are trained again in the background (matching goes on with the previous ones
 * meanwhile): while they were learnt from a small corpus, when the index has grown or shrunk by a set share and
 * changes have paused; once learnt from a large enough sample, on schedule or by an operator's command (ADR 0016).
 */
@Component
class MatchingSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MatchingSync.class);
    private static final int PAGE = 500;

    private final MatchingIndex index;
    private final Map<String, SearchSource> sources;
    private final MatchingProperties properties;
    private final AtomicBoolean training = new AtomicBoolean();
    /** Set once the index is filled at start: no retraining before. */
    private volatile boolean ready;

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
                ready = true;
                retrainIfDue(true);
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
        afterGroup();
    }

    /** After a group of changes was written to the index: starts a retraining that is due at once. */
    void afterGroup() {
        retrainIfDue(false);
    }

    /**
     * Starts learning the vectors again in the background when it is due (ADR 0016): when there are none yet, or when
     * they were learnt while the index held fewer than {@code trainSample} records and it grew or shrank by {@code
     * retrainGrowth} since — and, when {@code quiet} is false (changes still flowing in), only once the index holds
     * {@code trainSample} records. Vectors learnt while it held that many are only added to; the scheduled retraining
     * and the operator's command learn them again. True when a training started.
     */
    boolean retrainIfDue(boolean quiet) {
        return due(quiet) && startTraining();
    }

    /** Whether a retraining is due now (see {@link #retrainIfDue}). */
    boolean due(boolean quiet) {
        long count = index.count();
        int sample = properties.trainSample();
        if (index.space() == null) {
            return count > 0 && (quiet || count >= sample);
        }
        long learnt = index.spaceRecords();
        if (learnt >= sample) {
            return false;
        }
        boolean grown = Math.abs(count - learnt) > properties.retrainGrowth() * Math.max(learnt, 1);
        return grown && (quiet || count >= sample);
    }

    /** Looks, every second, whether changes have paused long enough for a due retraining. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void whenQuiet() {
        if (ready && index.quietFor(properties.retrainQuiet())) {
            retrainIfDue(true);
        }
    }

    /** The scheduled retraining: when the index grew or shrank by {@code retrainGrowth} since the space was learnt. */
    @Scheduled(cron = "${kechuang.matching.retrain-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        long learnt = index.spaceRecords();
        long count = index.count();
        if (ready && Math.abs(count - learnt) > properties.retrainGrowth() * Math.max(learnt, 1)) {
            startTraining();
        }
    }

    /** The operator's command: learns the vectors again now, unless a training is running. */
    boolean retrainNow() {
        return startTraining();
    }

    private boolean startTraining() {
        if (!training.compareAndSet(false, true)) {
            return false;
        }
        Thread.ofVirtual().name("matching-training").start(() -> {
            try {
                index.retrain(properties.trainSample());
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
