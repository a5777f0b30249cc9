package org.kechuang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.imports.ImportStations.ImportStation;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a file in: decides who may import into which station, reads the whole file and stages its rows in one
 * transaction (a file that cannot be read is refused before anything is stored), and leaves the chunks to the workers.
 */
@Service
class ImportService {

    private static final int HEAD = 512;

    private final ImportTargets targets;
    private final ImportStations stations;
    private final BatchStore store;
    private final ImportProperties properties;
    private final ImportWorkers workers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportService(
            ImportTargets targets,
            ImportStations stations,
            BatchStore store,
            ImportProperties properties,
            ImportWorkers workers,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.targets = targets;
        this.stations = stations;
        this.store = store;
        this.properties = properties;
        this.workers = workers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A user's upload: the station named by its code, or the station admin's only station when none is named. */
    long submit(CurrentUser user, String type, String stationCode, String fileName, Path file) {
        ImportTarget target = targets.require(type);
        ImportStation station = stationFor(user, stationCode);
        return stage(target, station, fileName, file, user.id());
    }

    /** An import by the platform itself (the command line): any active station. */
    long submitAsPlatform(String type, String stationCode, String fileName, Path file) {
        ImportTarget target = targets.require(type);
        String code = Text.cleanOrNull(stationCode);
        if (code == null) {
            throw DomainException.invalid("station", "imports.station.required");
        }
        ImportStation station = stations.findByCode(code)
                .orElseThrow(() -> DomainException.invalid("station", "imports.station.unknown", echo(code)));
        requireActive(station);
        return stage(target, station, fileName, file, null);
    }

    ImportBatch batch(long id, CurrentUser user) {
        ImportBatch batch = store.find(id).orElseThrow(() -> DomainException.notFound("imports.batch.not-found"));
        if (!maySee(user, batch)) {
            throw DomainException.forbidden("imports.forbidden");
        }
        return batch;
    }

    ImportBatch batch(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("imports.batch.not-found"));
    }

    List<BatchStore.RowError> errors(long batchId, int offset, int limit) {
        return store.errors(batchId, Math.max(0, offset), Math.clamp(limit, 0, properties.errorsShown()));
    }

    int errorCount(long batchId) {
        return store.errorCount(batchId);
    }

    /** The newest batches the user may see. */
    List<ImportBatch> recent(CurrentUser user, int limit) {
        return store.recent(user.isOperator() ? null : user.administeredStations(), limit);
    }

    static boolean maySee(CurrentUser user, ImportBatch batch) {
        return user != null
                && (user.isOperator()
                        || (batch.createdBy() != null && batch.createdBy() == user.id())
                        || user.administers(batch.stationId()));
    }

    /** The stations the user may import into. */
    List<ImportStation> stationsFor(CurrentUser user) {
        return stations.all().stream()
                .filter(ImportStation::active)
                .filter(s -> user.isOperator() || user.administers(s.id()))
                .toList();
    }

    ImportStation stationFor(CurrentUser user, String stationCode) {
        if (user == null || !(user.isOperator() || user.has(Role.STATION_ADMIN))) {
            throw DomainException.forbidden("imports.forbidden");
        }
        String code = Text.cleanOrNull(stationCode);
        ImportStation station;
        if (code == null) {
            if (user.isOperator() || user.administeredStations().size() != 1) {
                throw DomainException.invalid("station", "imports.station.required");
            }
            station = stations.find(user.administeredStations().iterator().next())
                    .orElseThrow(() -> DomainException.invalid("station", "imports.station.required"));
        } else {
            station = stations.findByCode(code)
                    .orElseThrow(() -> DomainException.invalid("station", "imports.station.unknown", echo(code)));
            if (!user.administers(station.id())) {
                throw DomainException.forbidden("imports.forbidden");
            }
        }
        requireActive(station);
        return station;
    }

    private static void requireActive(ImportStation station) {
        if (!station.active()) {
            throw DomainException.conflict("station", "imports.station.inactive", station.name());
        }
    }

    private long stage(ImportTarget target, ImportStation station, String fileName, Path file, Long userId) {
        String name = fileName == null ? null : Text.cleanOrNull(fileName.replaceAll(".*[/\\\\]", ""));
        if (name != null && name.length() > 300) {
            name = name.substring(0, 300);
        }
        FileFormat format = FileFormat.detect(name, head(file));
        ImportColumns columns = new ImportColumns(target);
        if (format.decodedBeforeRows()) {
            return stageInParts(target, station, name, format, columns, file, userId);
        }
        String storedName = name;
        Long batchId = transaction.execute(status -> {
            long batch = store.create(station.id(), target.type(), storedName, format, userId, clock.instant(), false);
            Stager stager = stager(batch, columns);
            read(format, file, columns, stager);
            store.staged(batch, stager.total(), stager.rejected(), stager.anyChunk(), clock.instant());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workers.wake();
                }
            });
            return batch;
        });
        return batchId;
    }

    /**
     * A text file, whose every byte was decoded before its first row is handed over (a file refused for its encoding is
     * refused before anything is stored): its chunks are committed as they are read and applied by the workers
     * meanwhile. A refusal after a chunk was stored (only a failure to read the disk can come that late) fails the
     * batch; a process that dies while reading leaves the batch to be failed by the next idle worker
     * ({@link BatchStore#failAbandonedStaging}).
     */
    private long stageInParts(
            ImportTarget target,
            ImportStation station,
            String name,
            FileFormat format,
            ImportColumns columns,
            Path file,
            Long userId) {
        try (BatchStore.StagingLock lock =
                store.createStaging(station.id(), target.type(), name, format, userId, clock.instant())) {
            long batch = lock.batchId();
            Stager stager = stager(batch, columns).inParts(transaction, workers::wake);
            try {
                read(format, file, columns, stager);
            } catch (RuntimeException refused) {
                if (stager.anyChunk()) {
                    store.fail(
                            batch,
                            refused instanceof ImportRefused unreadable
                                    ? unreadable.key()
                                    : "imports.batch.staging-failed",
                            clock.instant());
                } else {
                    store.delete(batch);
                }
                throw refused;
            }
            transaction.executeWithoutResult(status ->
                    store.staged(batch, stager.total(), stager.rejected(), stager.anyChunk(), clock.instant()));
            store.completeIfDone(batch, clock.instant());
            workers.wake();
            return batch;
        }
    }

    private Stager stager(long batch, ImportColumns columns) {
        return new Stager(
                store,
                batch,
                columns,
                properties.chunkSize(),
                properties.chunkCharacters(),
                properties.maxCellLength());
    }

    /** Reads the whole file into the stager; a file without any row is refused. */
    private static void read(FileFormat format, Path file, ImportColumns columns, Stager stager) {
        try {
            RowReader.of(format).read(file, columns, stager::accept);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        stager.finish();
        if (stager.total() == 0) {
            throw ImportRefused.of("imports.file.no-rows");
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String echo(String typed) {
        return typed.length() > 50 ? typed.substring(0, 50) + "…" : typed;
    }
}
