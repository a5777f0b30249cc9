package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker that dies in the middle of a chunk: its transaction never commits, which is what the database sees of a
 * crash. The chunk stays unapplied and unmarked, and the workers started again finish the batch with every row stored
 * exactly once.
 */
@IntegrationTest
class ResumeIT {

    @Autowired
    ImportService imports;

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

    private long stored(String prefix) {
        return jdbc.sql("select count(*) from achievement where source_id like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    private long distinctStored(String prefix) {
        return jdbc.sql("select count(distinct (station_id, source_id)) from achievement where source_id like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aChunkInterruptedBeforeItsCommitIsAppliedAgainAndEveryRowIsStoredOnce() throws IOException {
        String prefix = "resume-" + ImportApiIT.unique();
        StringBuilder csv = new StringBuilder("来源编号,成果名称,成果摘要,关键词\n");
        for (int i = 0; i < 4500; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",断点续传成果 ")
                    .append(i)
                    .append(",摘要 ")
                    .append(i)
                    .append(",续传\n");
        }
        Path file = dir.resolve("resume.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        workers.stop();
        try {
            long batch = imports.submitAsPlatform("achievement", "zju", "resume.csv", file);
            assertThat(imports.batch(batch).total()).isEqualTo(4500);
            assertThat(applier.applyNext(batch)).isTrue();
            assertThat(applier.applyNext(batch)).isTrue();

            new TransactionTemplate(transactions).executeWithoutResult(crash -> {
                assertThat(applier.applyNext(batch)).isTrue();
                assertThat(stored(prefix)).as("inside the dying transaction").isEqualTo(3000);
                crash.setRollbackOnly();
            });

            assertThat(stored(prefix)).isEqualTo(2000);
            ImportBatch halfway = imports.batch(batch);
            assertThat(halfway.status()).isEqualTo(BatchStatus.RUNNING);
            assertThat(halfway.accepted()).isEqualTo(2000);
            assertThat(jdbc.sql("select count(*) from import_chunk where batch_id = ? and applied_at is null")
                            .param(batch)
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);

            workers.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.batch(batch).status().finished());
            ImportBatch done = imports.batch(batch);
            assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(done.accepted()).isEqualTo(4500);
            assertThat(done.inserted()).isEqualTo(4500);
            assertThat(done.rejected()).isZero();
            assertThat(stored(prefix)).isEqualTo(4500);
            assertThat(distinctStored(prefix)).isEqualTo(4500);
        } finally {
            workers.start();
        }
    }
}
