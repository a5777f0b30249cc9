package org.kechuang.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the index from every {@link SearchSource}, one at a time, in the background: at startup when the index was
 * missing or unreadable, and when an operator asks. Searches go on during a rebuild (see {@link
 * SearchEngine#beginRebuild()}). Pages are read from the libraries while earlier pages are analysed on every
 * processor, and the index commits once, at the end. Progress is logged and kept as a {@link RebuildStatus}.
 */
@Service
class SearchRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuilds.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    /** Threads analysing documents during a rebuild: one per processor. */
    static final int ANALYSIS_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final SearchEngine engine;
    private final List<SearchSource> sources;
    private final SearchProperties properties;
    private final Clock clock;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.NEVER);
    private volatile Thread worker;
    private volatile boolean stopping;

    SearchRebuilds(SearchEngine engine, List<SearchSource> sources, SearchProperties properties, Clock clock) {
        this.engine = engine;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    enum State {
        NEVER,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * @param reason {@code startup} or {@code operator}
     * @param total the searchable records counted when it started
     * @param indexed the records indexed so far
     * @param source the library being read, while running
     * @param error what stopped a failed rebuild
     */
    record RebuildStatus(
            State state,
            String reason,
            Instant startedAt,
            Instant finishedAt,
            long total,
            long indexed,
            String source,
            String error) {

        static final RebuildStatus NEVER = new RebuildStatus(State.NEVER, null, null, null, 0, 0, null, null);

        RebuildStatus progressed(long more, String reading) {
            return new RebuildStatus(state, reason, startedAt, null, total, indexed + more, reading, null);
        }

        RebuildStatus ended(State end, Instant at, String failure) {
            return new RebuildStatus(end, reason, startedAt, at, total, indexed, null, failure);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfNeeded() {
        if (properties.rebuildAtStartup() && engine.needsRebuild()) {
            start("startup");
        }
    }

    RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild unless one is running; either way answers the status of the running one. */
    synchronized RebuildStatus start(String reason) {
        if (status.get().state() == State.RUNNING) {
            return status.get();
        }
        long total = sources.stream().mapToLong(SearchSource::count).sum();
        RebuildStatus started = new RebuildStatus(State.RUNNING, reason, clock.instant(), null, total, 0, null, null);
        status.set(started);
        log.info(
                "Search index rebuild ({}) started: {} records from {}",
                reason,
                total,
                sources.stream().map(SearchSource::type).toList());
        worker = Thread.ofVirtual().name("search-rebuild").start(this::run);
        return started;
    }

    private void run() {
        Analysis analysis = null;
        try {
            SearchEngine.Rebuild rebuild = engine.beginRebuild();
            analysis = new Analysis(rebuild);
            Instant lastLog = clock.instant();
            for (SearchSource source : sources) {
                long after = 0;
                while (!stopping && analysis.failure() == null) {
                    List<SearchDocument> page = source.page(after, properties.pageSize());
                    if (page.isEmpty()) {
                        break;
                    }
                    analysis.put(new Page(source.type(), page));
                    after = page.getLast().id();
                    if (Duration.between(lastLog, clock.instant()).compareTo(LOG_EVERY) >= 0) {
                        lastLog = clock.instant();
                        RebuildStatus now = status.get();
                        log.info(
                                "Search index rebuild: {} of {} records ({})",
                                now.indexed(),
                                now.total(),
                                now.source());
                    }
                }
            }
            analysis.finish();
            if (stopping) {
                status.updateAndGet(s -> s.ended(State.FAILED, clock.instant(), "stopped with the application"));
                log.info("Search index rebuild stopped with the application; it starts again at the next start");
                return;
            }
            rebuild.finish();
            RebuildStatus done = status.updateAndGet(s -> s.ended(State.DONE, clock.instant(), null));
            log.info(
                    "Search index rebuild finished: {} records in {} ms",
                    done.indexed(),
                    Duration.between(done.startedAt(), done.finishedAt()).toMillis());
        } catch (RuntimeException e) {
            if (analysis != null) {
                analysis.stop();
            }
            status.updateAndGet(s -> s.ended(State.FAILED, clock.instant(), e.toString()));
            log.error("Search index rebuild failed", e);
        } catch (InterruptedException e) {
            if (analysis != null) {
                analysis.stop();
            }
            status.updateAndGet(s -> s.ended(State.FAILED, clock.instant(), e.toString()));
            Thread.currentThread().interrupt();
        }
    }

    private record Page(String type, List<SearchDocument> documents) {}

    private static final Page END = new Page("", List.of());

    /**
     * Pages analysed and added by {@link #ANALYSIS_THREADS} threads while the next pages are read: the analysis of
     * Chinese text is what a rebuild spends its time on, and the index takes documents from several threads at once.
     * A few pages wait at most, so memory stays bounded.
     */
    private final class Analysis {
        private final BlockingQueue<Page> pages = new ArrayBlockingQueue<>(2 * ANALYSIS_THREADS);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final List<Thread> threads = new ArrayList<>();

        Analysis(SearchEngine.Rebuild rebuild) {
            for (int n = 0; n < ANALYSIS_THREADS; n++) {
                threads.add(Thread.ofPlatform()
                        .daemon(true)
                        .name("search-rebuild-analysis-" + n)
                        .start(() -> analyse(rebuild)));
            }
        }

        private void analyse(SearchEngine.Rebuild rebuild) {
            try {
                for (Page taken = pages.take(); taken != END; taken = pages.take()) {
                    Page page = taken;
                    if (stopping || failure.get() != null) {
                        continue; // the reader stops too; the pages it has put are taken until the end
                    }
                    try {
                        rebuild.add(page.documents());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        continue;
                    }
                    status.updateAndGet(s -> s.progressed(page.documents().size(), page.type()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        RuntimeException failure() {
            return failure.get();
        }

        void put(Page page) throws InterruptedException {
            pages.put(page);
        }

        /** Waits until every page read is added; throws what stopped an analysis thread. */
        void finish() throws InterruptedException {
            for (int n = 0; n < threads.size(); n++) {
                pages.put(END);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        void stop() {
            threads.forEach(Thread::interrupt);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread running = worker;
        if (running != null) {
            running.join(Duration.ofSeconds(10));
        }
    }
}
