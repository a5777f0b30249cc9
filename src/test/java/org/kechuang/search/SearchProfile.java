package org.kechuang.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.kechuang.search.analysis.ChineseTextAnalyzer;

/**
 * For profiling, not a test: opens the engine on an index kept by {@code SearchBenchmark} ({@code
 * -Dbench.keepIndex=true}) and searches the given queries (default: all of the benchmark's) round after round for the
 * given number of seconds, as the API does; prints the slowest queries' medians, the p99 of all, the density the page's
 * count tells for a few queries, and the error of the estimated totals against the index's counts. {@code
 * -Dprofile.raw=true} also times the raw floor in the same rounds, {@code -Dprofile.threads=n} searches that floor in
 * slices on n threads. Run it under a profiler, e.g. {@code BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile
 * bench/run-main.sh org.kechuang.search.SearchProfile <index folder> 60}.
 */
public final class SearchProfile {

    private SearchProfile() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> queries = args.length > 2
                ? List.of(args).subList(2, args.length)
                : Stream.concat(SearchBenchmark.SINGLE.stream(), SearchBenchmark.PAIRS.stream())
                        .toList();
        boolean withRaw = Boolean.getBoolean("profile.raw");
        try (LuceneSearchEngine engine = new LuceneSearchEngine(folder);
                FSDirectory dir = FSDirectory.open(folder);
                DirectoryReader reader = DirectoryReader.open(dir);
                ChineseTextAnalyzer analyzer = new ChineseTextAnalyzer()) {
            int threads = Integer.getInteger("profile.threads", 0);
            IndexSearcher raw = threads == 0
                    ? new IndexSearcher(reader)
                    : new IndexSearcher(reader, Executors.newFixedThreadPool(threads, r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                    }));
            System.out.printf(Locale.ROOT, "raw searcher: %d slices%n", raw.getSlices().length);
            TextQueries parser = new TextQueries(analyzer);
            Map<String, Query> parsed = new HashMap<>();
            queries.forEach(q -> parsed.put(q, parser.build(q)));
            Map<String, List<Long>> rawTimes = new HashMap<>();
            for (int w = 0; w < 3; w++) {
                queries.forEach(q -> engine.search(SearchQuery.publicly(q, 10)));
            }
            Map<String, List<Long>> times = new HashMap<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            int rounds = 0;
            while (System.nanoTime() < end) {
                for (String q : queries) {
                    long t0 = System.nanoTime();
                    engine.search(SearchQuery.publicly(q, 10));
                    times.computeIfAbsent(q, k -> new ArrayList<>()).add(System.nanoTime() - t0);
                }
                if (withRaw) {
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        raw.search(parsed.get(q), 10);
                        rawTimes.computeIfAbsent(q, k -> new ArrayList<>()).add(System.nanoTime() - t0);
                    }
                }
                rounds++;
            }
            System.out.printf(Locale.ROOT, "%d rounds%n", rounds);
            times.entrySet().stream()
                    .sorted((a, b) -> Double.compare(
                            SearchBenchmark.Stats.of(times, List.of(b.getKey())).median(),
                            SearchBenchmark.Stats.of(times, List.of(a.getKey())).median()))
                    .limit(12)
                    .forEach(e -> System.out.printf(
                            Locale.ROOT,
                            "%-20s median %6.2f ms, raw %6.2f ms%n",
                            e.getKey(),
                            SearchBenchmark.Stats.of(times, List.of(e.getKey())).median(),
                            withRaw
                                    ? SearchBenchmark.Stats.of(rawTimes, List.of(e.getKey()))
                                            .median()
                                    : 0));
            for (String q : List.of("智能 系统", "工艺 优化", "技术", "机器人")) {
                if (!parsed.containsKey(q)) {
                    continue;
                }
                CountedPrefix<?, ?> prefix = new CountedPrefix<>(new TopScoreDocCollectorManager(10, null, 1_000));
                Query rewritten = raw.rewrite(parsed.get(q));
                raw.search(rewritten, prefix);
                System.out.printf(
                        Locale.ROOT,
                        "%s: the page's count tells about %d, %d match%n",
                        q,
                        prefix.expected(reader.maxDoc()),
                        raw.count(rewritten));
            }
            List<Double> errors = new ArrayList<>();
            for (String q : queries) {
                SearchHits hits = engine.search(SearchQuery.publicly(q, 10));
                if (!hits.totalExact()) {
                    long count = raw.count(parsed.get(q));
                    errors.add(Math.abs(hits.total() - count) * 100.0 / count);
                }
            }
            errors.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "%d estimated totals, error median %.2f %%, max %.2f %%, mean %.2f %%%n",
                    errors.size(),
                    errors.get(errors.size() / 2),
                    errors.getLast(),
                    errors.stream().mapToDouble(d -> d).average().orElse(0));
            SearchBenchmark.Stats all = SearchBenchmark.Stats.of(times, queries);
            System.out.printf(Locale.ROOT, "all: median %.2f ms, p99 %.2f ms%n", all.median(), all.p99());
            if (withRaw) {
                SearchBenchmark.Stats floor = SearchBenchmark.Stats.of(rawTimes, queries);
                System.out.printf(Locale.ROOT, "raw: median %.2f ms, p99 %.2f ms%n", floor.median(), floor.p99());
            }
        }
    }
}
