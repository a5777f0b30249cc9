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

    @Autowired
    ImportProperties properties;

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
        int chunk = properties.chunkSize();
        int rows = 4 * chunk + chunk / 2;
        StringBuilder csv = new StringBuilder("来源编号,成果名称,成果摘要,关键词\n");
        for (int i = 0; i < rows; i++) {
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
            assertThat(imports.batch(batch).total()).isEqualTo(rows);
            assertThat(applier.applyNext(batch)).isTrue();
            assertThat(applier.applyNext(batch)).isTrue();

            new TransactionTemplate(transactions).executeWithoutResult(crash -> {
                assertThat(applier.applyNext(batch)).isTrue();
                assertThat(stored(prefix)).as("inside the dying transaction").isEqualTo(3L * chunk);
                crash.setRollbackOnly();
            });

            assertThat(stored(prefix)).isEqualTo(2L * chunk);
            ImportBatch halfway = imports.batch(batch);
            assertThat(halfway.status()).isEqualTo(BatchStatus.RUNNING);
            assertThat(halfway.accepted()).isEqualTo(2 * chunk);
            assertThat(unapplied(batch)).isEqualTo(3);

            workers.start();
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> imports.batch(batch).status().finished());
            ImportBatch done = imports.batch(batch);
            assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(done.accepted()).isEqualTo(rows);
            assertThat(done.inserted()).isEqualTo(rows);
            assertThat(done.rejected()).isZero();
            assertThat(stored(prefix)).isEqualTo(rows);
            assertThat(distinctStored(prefix)).isEqualTo(rows);
        } finally {
            workers.start();
        }
    }

    @Test
    void longTextsCloseAChunkBeforeItHasItsRowCountSoThatAWorkerNeverHoldsTooMuch() throws IOException {
        String prefix = "long-" + ImportApiIT.unique();
        String description = "长文本摘要".repeat(1000); // 5,000 characters
        StringBuilder csv = new StringBuilder("来源编号,成果名称,成果摘要\n");
        int rows = properties.chunkCharacters() / description.length() + 100;
        assertThat(rows)
                .as("the test needs fewer rows than a chunk's row count")
                .isLessThan(properties.chunkSize());
        for (int i = 0; i < rows; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",长文本成果 ")
                    .append(i)
                    .append(',')
                    .append(description)
                    .append('\n');
        }
        Path file = dir.resolve("long.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        long batch = imports.submitAsPlatform("achievement", "zju", "long.csv", file);

        var chunks = jdbc.sql("select row_count from import_chunk where batch_id = ? order by chunk_no")
                .param(batch)
                .query(Integer.class)
                .list();
        assertThat(chunks).hasSize(2);
        String title = "长文本成果 " + (rows - 1);
        int perRow = description.length() + title.length();
        assertThat(chunks.getFirst())
                .as("closed at the first row that reached the character bound")
                .isBetween(properties.chunkCharacters() / perRow, properties.chunkCharacters() / perRow + 1);
        assertThat(chunks.get(0) + chunks.get(1)).isEqualTo(rows);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> imports.batch(batch).status().finished());
        assertThat(imports.batch(batch).accepted()).isEqualTo(rows);
        assertThat(stored(prefix)).isEqualTo(rows);
    }

    private long unapplied(long batch) {
        return jdbc.sql("select count(*) from import_chunk where batch_id = ? and applied_at is null")
                .param(batch)
                .query(Long.class)
                .single();
    }
}
