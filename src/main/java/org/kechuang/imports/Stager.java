package org.kechuang.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the rows of a file as they are read, cleans them and stores them in chunks, each a JSON array written with
 * one statement; rows refused by the cleaning go to the errors at once. Either it runs inside the transaction that
 * creates the batch, so that the file is staged whole or not at all, or ({@link #inParts}) each chunk is committed with
 * the errors and figures so far as soon as it is full, and the workers are told, so that they apply the first chunks
 * while the rest of the file is read.
 */
final class Stager {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ERROR_FLUSH = 1000;

    private final BatchStore store;
    private final long batchId;
    private final RowCleaner cleaner;
    private final int chunkSize;
    private final int chunkCharacters;
    private long characters;
    private final List<Map<String, Object>> chunk = new ArrayList<>();
    private final List<BatchStore.RowError> errors = new ArrayList<>();
    private int firstRow;
    private int lastRow;
    private int chunks;
    private int total;
    private int rejected;
    private TransactionTemplate parts;
    private Runnable afterPart;

    Stager(
            BatchStore store,
            long batchId,
            ImportColumns columns,
            int chunkSize,
            int chunkCharacters,
            int maxCellLength) {
        this.store = store;
        this.batchId = batchId;
        this.cleaner = new RowCleaner(columns, maxCellLength);
        this.chunkSize = chunkSize;
        this.chunkCharacters = chunkCharacters;
    }

    /**
     * Commits each chunk in a transaction of its own (with {@code synchronous_commit} off: a chunk lost in a crash fails
     * the batch as interrupted anyway), then runs {@code afterPart}.
     */
    Stager inParts(TransactionTemplate parts, Runnable afterPart) {
        this.parts = parts;
        this.afterPart = afterPart;
        return this;
    }

    void accept(RawRow raw) {
        total++;
        RowCleaner.Cleaned cleaned = cleaner.clean(raw);
        if (!cleaned.valid()) {
            rejected++;
            cleaned.errors()
                    .forEach(e -> errors.add(new BatchStore.RowError(
                            cleaned.number(), cleaned.sourceId(), e.field(), e.key(), e.args())));
            if (errors.size() >= ERROR_FLUSH) {
                flushErrors();
            }
            return;
        }
        if (chunk.isEmpty()) {
            firstRow = cleaned.number();
        }
        lastRow = cleaned.number();
        chunk.add(ChunkRows.write(cleaned.row()));
        characters += characters(cleaned.row().values());
        if (chunk.size() >= chunkSize || characters >= chunkCharacters) {
            flushChunk();
        }
    }

    /** Writes what is left; the figures of the staged file. */
    void finish() {
        flushChunk();
        flushErrors();
    }

    private void flushChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        byte[] rows = JSON.writeValueAsBytes(chunk);
        int number = chunks++;
        if (parts == null) {
            store.insertChunk(batchId, number, firstRow, lastRow, chunk.size(), rows);
        } else {
            parts.executeWithoutResult(status -> {
                store.relaxCommit();
                store.insertChunk(batchId, number, firstRow, lastRow, chunk.size(), rows);
                flushErrors();
                store.staging(batchId, total, rejected);
            });
            afterPart.run();
        }
        chunk.clear();
        characters = 0;
    }

    private static long characters(Map<String, Object> values) {
        long count = 0;
        for (Object value : values.values()) {
            if (value instanceof String text) {
                count += text.length();
            } else if (value instanceof List<?> items) {
                for (Object item : items) {
                    count += String.valueOf(item).length();
                }
            }
        }
        return count;
    }

    private void flushErrors() {
        if (errors.isEmpty()) {
            return;
        }
        store.insertErrors(batchId, errors);
        errors.clear();
    }

    int total() {
        return total;
    }

    int rejected() {
        return rejected;
    }

    boolean anyChunk() {
        return chunks > 0;
    }

    /** The JSON form of a staged row: number, source id, values. */
    static final class ChunkRows {
        private ChunkRows() {}

        static Map<String, Object> write(ImportRow row) {
            Map<String, Object> staged = new LinkedHashMap<>();
            staged.put("n", row.number());
            staged.put("s", row.sourceId());
            staged.put("v", row.values());
            return staged;
        }

        @SuppressWarnings("unchecked")
        static List<ImportRow> read(byte[] json) {
            List<Map<String, Object>> staged = JSON.readValue(json, List.class);
            List<ImportRow> rows = new ArrayList<>(staged.size());
            for (Map<String, Object> row : staged) {
                rows.add(new ImportRow(
                        ((Number) row.get("n")).intValue(), (String) row.get("s"), (Map<String, Object>) row.get("v")));
            }
            return rows;
        }
    }
}
