package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A text file is staged in parts: the workers apply its first chunks while the rest is read, the batch is completed only
 * once the file was read to the end, and a batch whose reading process died is failed, its applied rows kept once, so
 * that the same file uploaded again completes with every row stored exactly once.
 */
@IntegrationTest
class StagingInPartsIT {

    private static final int CHUNK = 50;
    private static final int ROWS = 4 * CHUNK + 10;

    @Autowired
    ImportService imports;

    @Autowired
    BatchStore store;

    @Autowired
    ImportTargets targets;

    @Autowired
    ImportStations stations;

    @Autowired
    ChunkApplier applier;

    @Autowired
    ImportWorkers workers;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private Path file(String prefix) throws IOException {
        StringBuilder csv = new StringBuilder("来源编号,成果名称,成果摘要,关键词\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",分段读入成果 ")
                    .append(i)
                    .append(",摘要 ")
                    .append(i);
            csv.append(",分段\n");
        }
        Path file = dir.resolve(prefix + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private long stored(String prefix) {
        return jdbc.sql("select count(*) from achievement where source_id like ?")
                .param(prefix + "-%")
                .query(Long.class)
                .single();
    }

    private long distinctStored(String prefix) {
        return jdbc.sql("select count(distinct (station_id, source_id)) from achievement where source_id like ?")
                .param(prefix + "-%")
                .query(Long.class)
                .single();
    }

    private BatchStore.StagingLock createStaging(String name) {
        long station = stations.findByCode("zju").orElseThrow().id();
        return store.createStaging(station, "achievement", name, FileFormat.CSV, null, Instant.now());
    }

    /** Stages the file in parts of {@link #CHUNK} rows, running {@code afterPart} after each part's commit. */
    private Stager stageInParts(long batch, Path file, Runnable afterPart) throws IOException {
        Stager stager = new Stager(
                        store, batch, new ImportColumns(targets.require("achievement")), CHUNK, 4_000_000, 10_000)
                .inParts(new TransactionTemplate(transactions), afterPart);
        RowReader.of(FileFormat.CSV).read(file, new ImportColumns(targets.require("achievement")), stager::accept);
        stager.finish();
        return stager;
    }

    @Test
    void theStagingLockKeyOfABatchIsTheSameInJavaAndInTheDatabaseBeyondTwoToTheThirtyFirst() {
        for (long id : new long[] {1, 2_147_483_646L, 2_147_483_647L, 2_147_483_648L, 3_000_000_000L, Long.MAX_VALUE}) {
            // the expression of BatchStore.failAbandonedStaging
            Integer inDatabase = jdbc.sql("select cast(cast(:id as bigint) % 2147483647 as integer)")
                    .param("id", id)
                    .query(Integer.class)
                    .single();

            assertThat(BatchStore.stagingKey(id)).as("batch %d", id).isEqualTo(inDatabase);
        }
    }

    @Test
    void chunksAreAppliedWhileTheFileIsStillReadAndTheBatchCompletesOnlyOnceItIsReadWhole() throws IOException {
        String prefix = "parts-" + ImportApiIT.unique();
        Path file = file(prefix);
        workers.stop();
        try (BatchStore.StagingLock lock = createStaging("parts.csv")) {
            long batch = lock.batchId();
            List<Long> storedAfterPart = new ArrayList<>();
            List<BatchStatus> statusAfterPart = new ArrayList<>();
            Stager stager = stageInParts(batch, file, () -> {
                // another transaction than the reader's: the part is committed and can be applied at once
                while (applier.applyNext(batch)) {
                    // every chunk committed so far
                }
                applier.completeFinished();
                storedAfterPart.add(stored(prefix));
                statusAfterPart.add(imports.batch(batch).status());
            });

            assertThat(storedAfterPart).containsExactly(50L, 100L, 150L, 200L, 210L);
            assertThat(statusAfterPart)
                    .as("every chunk stored so far is applied, but the file was not read to the end")
                    .containsOnly(BatchStatus.RUNNING);

            store.staged(batch, stager.total(), stager.rejected(), stager.anyChunk(), Instant.now());
            applier.completeFinished();
            ImportBatch done = imports.batch(batch);
            assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(done.total()).isEqualTo(ROWS);
            assertThat(done.accepted()).isEqualTo(ROWS);
            assertThat(distinctStored(prefix)).isEqualTo(ROWS);
        } finally {
            workers.start();
        }
    }

    @Test
    void aBatchWhoseReadingProcessDiedIsFailedAndTheSameFileAgainStoresEveryRowOnce() throws IOException {
        String prefix = "died-" + ImportApiIT.unique();
        Path file = file(prefix);
        long batch;
        workers.stop();
        try {
            BatchStore.StagingLock lock = createStaging("died.csv");
            batch = lock.batchId();
            // the first two parts are stored and applied; then the reading process dies (its connection, and with it
            // the staging lock, goes away)
            int[] parts = {0};
            try {
                stageInParts(batch, file, () -> {
                    applier.applyNext(batch);
                    if (++parts[0] == 2) {
                        throw new IllegalStateException("the process reading the file died");
                    }
                });
            } catch (IllegalStateException died) {
                // what the database sees of a dead process
            }

            applier.completeFinished();
            assertThat(imports.batch(batch).status())
                    .as("its reading process still holds the staging lock")
                    .isNotEqualTo(BatchStatus.FAILED);

            lock.close();
            applier.completeFinished();
            ImportBatch failed = imports.batch(batch);
            assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.failureReason()).isEqualTo("imports.batch.staging-interrupted");
            assertThat(stored(prefix)).isEqualTo(2L * CHUNK);
        } finally {
            workers.start();
        }

        long again = imports.submitAsPlatform("achievement", "zju", "died.csv", file);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> imports.batch(again).status().finished());
        ImportBatch done = imports.batch(again);
        assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(done.accepted()).isEqualTo(ROWS);
        assertThat(done.inserted()).isEqualTo(ROWS - 2 * CHUNK);
        assertThat(done.inserted() + done.updated() + done.unchanged()).isEqualTo(ROWS);
        assertThat(stored(prefix)).isEqualTo(ROWS);
        assertThat(distinctStored(prefix)).isEqualTo(ROWS);
        assertThat(imports.batch(batch).status())
                .as("the failed batch stays failed")
                .isEqualTo(BatchStatus.FAILED);
    }
}
