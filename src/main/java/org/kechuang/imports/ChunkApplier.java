package org.kechuang.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kechuang.platform.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one staged chunk in one transaction: the rows checked by the target (once), the valid ones stored with
 * {@link ImportTarget#applyChecked} (or, when that refuses the chunk, one by one, each behind its own savepoint so that a
 * refused row leaves nothing behind), the errors, the chunk's mark and the batch's figures. A crash before the commit
 * leaves the chunk unapplied and unmarked for the next worker; after it, applied and marked.
 */
@Component
class ChunkApplier {

    private static final Logger log = LoggerFactory.getLogger(ChunkApplier.class);

    private final BatchStore store;
    private final ImportTargets targets;
    private final ImportStations stations;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    ChunkApplier(
            BatchStore store,
            ImportTargets targets,
            ImportStations stations,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.targets = targets;
        this.stations = stations;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Applies the next chunk of any batch; false when there is none. */
    boolean applyNext() {
        return completed(transaction.execute(status -> store.claim().map(this::apply)));
    }

    /** Applies the next chunk of the batch; false when it has none left. */
    boolean applyNext(long batchId) {
        return completed(transaction.execute(status -> store.claim(batchId).map(this::apply)));
    }

    /**
     * Completes the batches whose chunks are all applied, also those whose last worker died before completing them, and
     * fails those whose staging process died while reading their file.
     */
    void completeFinished() {
        store.completeIfDone(null, clock.instant());
        int abandoned = store.failAbandonedStaging(clock.instant());
        if (abandoned > 0) {
            log.warn(
                    "{} import batch(es) failed: their file was not read to the end (the process reading it died)",
                    abandoned);
        }
    }

    /** After the chunk's commit: completes its batch if no chunk is left. */
    private boolean completed(Optional<BatchStore.Claimed> applied) {
        if (applied == null || applied.isEmpty()) {
            return false;
        }
        store.completeIfDone(applied.get().batchId(), clock.instant());
        return true;
    }

    private BatchStore.Claimed apply(BatchStore.Claimed chunk) {
        ImportBatch batch = store.find(chunk.batchId()).orElseThrow();
        Optional<ImportTarget> target = targets.find(batch.type());
        if (target.isEmpty()) {
            store.fail(batch.id(), "imports.batch.type-gone", clock.instant());
            return chunk;
        }
        var station = stations.find(batch.stationId());
        if (station.isEmpty() || !station.get().active()) {
            store.fail(batch.id(), "imports.batch.station-inactive", clock.instant());
            return chunk;
        }
        if (batch.status() == BatchStatus.QUEUED) {
            store.start(batch.id(), clock.instant());
        }
        List<ImportRow> rows = Stager.ChunkRows.read(chunk.rows());
        List<BatchStore.RowError> errors = new ArrayList<>();
        List<ImportTarget.Checked> valid = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            ImportTarget.Checked checked = check(target.get(), row);
            if (checked.valid()) {
                valid.add(checked);
            } else {
                checked.errors().forEach(e -> errors.add(error(row, e)));
            }
        }
        int[] outcomes = new int[ImportTarget.Outcome.values().length];
        int rejected = rows.size() - valid.size();
        List<ImportTarget.Outcome> bulk = applyAll(target.get(), batch, valid);
        if (bulk != null) {
            bulk.forEach(outcome -> outcomes[outcome.ordinal()]++);
        } else {
            for (ImportTarget.Checked checked : valid) {
                ImportRow row = checked.row();
                try {
                    ImportTarget.Outcome outcome =
                            savepoint.execute(status -> target.get().apply(batch.stationId(), row, batch.id()));
                    outcomes[outcome.ordinal()]++;
                } catch (DomainException refused) {
                    rejected++;
                    errors.add(error(row, ImportFieldError.of(refused)));
                } catch (RuntimeException failed) {
                    log.warn("Import batch {} row {} failed", batch.id(), row.number(), failed);
                    rejected++;
                    errors.add(error(row, ImportFieldError.of(null, "imports.row.failed")));
                }
            }
        }
        store.insertErrors(batch.id(), errors);
        store.applied(
                batch.id(),
                chunk.chunkNo(),
                new BatchStore.Counts(
                        outcomes[ImportTarget.Outcome.INSERTED.ordinal()],
                        outcomes[ImportTarget.Outcome.UPDATED.ordinal()],
                        outcomes[ImportTarget.Outcome.UNCHANGED.ordinal()],
                        rejected),
                clock.instant());
        return chunk;
    }

    /** The outcomes of the bulk path, or {@code null} when it refused the chunk (and nothing of it stayed). */
    private List<ImportTarget.Outcome> applyAll(
            ImportTarget target, ImportBatch batch, List<ImportTarget.Checked> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        try {
            return savepoint.execute(status -> {
                List<ImportTarget.Outcome> outcomes = target.applyChecked(batch.stationId(), rows, batch.id());
                if (outcomes == null || outcomes.size() != rows.size()) {
                    throw new IllegalStateException("applyAll of " + target.type() + " answered "
                            + (outcomes == null ? "nothing" : outcomes.size() + " outcomes") + " for " + rows.size()
                            + " rows");
                }
                return outcomes;
            });
        } catch (RuntimeException refused) {
            log.debug("Bulk apply of batch {} refused, applying row by row: {}", batch.id(), refused.toString());
            return null;
        }
    }

    private static ImportTarget.Checked check(ImportTarget target, ImportRow row) {
        try {
            return target.check(row);
        } catch (DomainException refused) {
            return new ImportTarget.Checked(row, List.of(ImportFieldError.of(refused)), null);
        } catch (RuntimeException failed) {
            log.warn("Import target {} failed to check row {}", target.type(), row.number(), failed);
            return new ImportTarget.Checked(row, List.of(ImportFieldError.of(null, "imports.row.failed")), null);
        }
    }

    private static BatchStore.RowError error(ImportRow row, ImportFieldError error) {
        return new BatchStore.RowError(row.number(), row.sourceId(), error.field(), error.key(), error.args());
    }
}
