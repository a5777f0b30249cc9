package org.kechuang.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A library the demo seeds: the seam between the generator and the library's bulk seeding. Each implementation maps
 * the generated records of one kind to the library's drafts.
 */
interface DemoLibrary {

    String DEMAND = "demand";
    String ACHIEVEMENT = "achievement";
    String EXPERT = "expert";
    String CASE = "case";

    /** The kinds in seeding order: cases link the others. */
    List<String> KINDS = List.of(DEMAND, ACHIEVEMENT, EXPERT, CASE);

    /** One of {@link #KINDS}. */
    String kind();

    /**
     * Stores the first {@code counts.count(kind())} generated records that their stations do not hold yet.
     *
     * @param stationIds the demo stations' ids by code
     * @param now the seeding time; records were created their {@code ageHours} before it
     * @return how many records were inserted
     */
    int seed(DemoGenerator generator, DemoProperties counts, Map<String, Long> stationIds, Instant now);

    /** Source system of every seeded record. */
    String SOURCE_SYSTEM = "demo";

    /** Records per call of a library's bulk seeding, each call its own transaction. */
    int CHUNK = 500;

    /**
     * Stores the chunks with a few threads (each chunk its own transaction in the library), as many as there are
     * processors up to four: screening and checking are CPU work, and the chunks are independent.
     *
     * @return how many records were inserted in all
     */
    static <T> int storeInParallel(List<Map.Entry<Long, List<T>>> chunks, BiFunction<Long, List<T>, Integer> store) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> stored = new ArrayList<>();
            for (Map.Entry<Long, List<T>> chunk : chunks) {
                stored.add(pool.submit(() -> store.apply(chunk.getKey(), chunk.getValue())));
            }
            int inserted = 0;
            for (Future<Integer> result : stored) {
                inserted += result.get();
            }
            return inserted;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo seeding interrupted", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    static Instant createdAt(Instant now, int ageHours) {
        return now.minusSeconds(ageHours * 3600L);
    }

    /** Splits the records by station, keeping their order, and the stations' lists into chunks. */
    static <T> List<Map.Entry<Long, List<T>>> chunksByStation(
            List<T> records, Function<T, String> station, Map<String, Long> stationIds) {
        Map<String, List<T>> byStation = new LinkedHashMap<>();
        for (T record : records) {
            byStation
                    .computeIfAbsent(station.apply(record), code -> new ArrayList<>())
                    .add(record);
        }
        List<Map.Entry<Long, List<T>>> chunks = new ArrayList<>();
        byStation.forEach((code, list) -> {
            Long id = stationIds.get(code);
            if (id == null) {
                throw new IllegalStateException("demo station " + code + " is not open");
            }
            for (int from = 0; from < list.size(); from += CHUNK) {
                chunks.add(Map.entry(id, list.subList(from, Math.min(list.size(), from + CHUNK))));
            }
        });
        return chunks;
    }
}
