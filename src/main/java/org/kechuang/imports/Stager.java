package org.kechuang.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the rows of a file as they are read, cleans them and stores them in chunks, each a JSON array written with
 * one statement; rows refused by the cleaning go to the errors at once. Runs inside the transaction that creates the
 * batch, so a file is staged whole or not at all.
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
        store.insertChunk(batchId, chunks++, firstRow, lastRow, chunk.size(), JSON.writeValueAsString(chunk));
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
        static List<ImportRow> read(String json) {
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
