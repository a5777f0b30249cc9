package org.kechuang.imports;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background threads that apply staged chunks until none is left, then wait for a new batch or the next poll. Started
 * with the application, they first pick up whatever an earlier run left unfinished (a crash, a {@code kill -9}), so a
 * restart finishes every batch.
 */
@Component
class ImportWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);

    private final ChunkApplier applier;
    private final ImportProperties properties;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ImportWorkers(ChunkApplier applier, ImportProperties properties) {
        this.applier = applier;
        this.properties = properties;
    }

    /** Tells idle workers that a batch is waiting. */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread thread =
                    Thread.ofPlatform().name("import-worker-" + i).daemon(true).start(this::work);
            threads.add(thread);
        }
    }

    private void work() {
        while (running) {
            boolean worked;
            try {
                worked = applier.applyNext();
            } catch (RuntimeException failed) {
                if (!running) {
                    return;
                }
                log.warn("Import worker failed; trying again after {}", properties.pollInterval(), failed);
                worked = false;
            }
            if (!worked) {
                try {
                    applier.completeFinished();
                } catch (RuntimeException failed) {
                    log.warn("Import worker could not complete finished batches", failed);
                }
                synchronized (signal) {
                    try {
                        signal.wait(properties.pollInterval().toMillis());
                    } catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
