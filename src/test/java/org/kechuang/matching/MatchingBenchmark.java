package org.kechuang.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.kechuang.KechuangApplication;
import org.kechuang.demo.MatchingBenchRecords;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.Searcher;
import org.kechuang.support.BenchRun;
import org.kechuang.support.HeapPeak;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test: matching with 1,000,000 achievements and 1,000,000 experts indexed (by default). Starts the
 * application on a fresh embedded PostgreSQL and fresh indexes (the demo's stations and accounts, none of its
 * records), then feeds the demo generator's achievements and experts (as their {@code SearchSource}s make them, every
 * one published) into the matching index the way {@link MatchingSync} applies a bulk import's changes: groups of
 * 10,000 records through {@link MatchingIndex#index}, each followed by {@link MatchingSync#afterGroup} (which starts
 * the one retraining a growing index needs, ADR 0016). The records bypass PostgreSQL and the search index; everything
 * from the matching index on is the production code. Then times top-20 matches for generated demand texts through
 * {@link Matching#forText} (the service behind {@code POST /api/v1/matching/preview}: refined vectors, BM25, outcomes,
 * reasons), for achievements and for experts, as a visitor, beside plain BM25 on the same index and filter (the
 * in-run baseline), and the ranking's candidates alone with the text placed as a query and as a record (ADR 0026's
 * addendum; before and after in the same run); prints median, p99 and max, the heap's peak and the load average. Run with {@code
 * bench/matching-benchmark.sh}; never part of {@code ./mvnw verify}.
 *
 * <p>Arguments: achievements, experts (default 1,000,000 each). System properties: {@code bench.demands} demand texts
 * (100), {@code bench.rounds} measured rounds (5), {@code bench.warmup} rounds before them (2).
 */
public final class MatchingBenchmark {

    private static final int GROUP = 10_000;
    private static final int LIMIT = 20;

    private MatchingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int achievements = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int experts = args.length > 1 ? Integer.parseInt(args[1]) : achievements;
        int demands = Integer.getInteger("bench.demands", 100);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int warmup = Integer.getInteger("bench.warmup", 2);
        BenchRun run = BenchRun.fresh();
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());

        SpringApplication application = new SpringApplication(KechuangApplication.class);
        try (ConfigurableApplicationContext context = application.run(run.arguments(
                "--server.port=0",
                "--kechuang.demo.demands=0",
                "--kechuang.demo.achievements=0",
                "--kechuang.demo.experts=0",
                "--kechuang.demo.cases=0",
                "--logging.level.org.kechuang.matching=INFO"))) {
            MatchingIndex index = context.getBean(MatchingIndex.class);
            MatchingSync sync = context.getBean(MatchingSync.class);
            Matching matching = context.getBean(Matching.class);
            org.awaitility.Awaitility.await("the matching index ready")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !index.needsRebuild() && !sync.training());
            HeapPeak feedingHeap = HeapPeak.start();
            MatchingBenchRecords records = new MatchingBenchRecords();
            long feeding = System.nanoTime();
            int total = Math.max(achievements, experts);
            int half = GROUP / 2;
            for (int from = 1; from <= total; from += half) {
                int first = from;
                int last = Math.min(total, from + half - 1);
                // generated on every processor; a group holds achievements and experts as an import of each would
                List<SearchDocument> group = IntStream.rangeClosed(first, last)
                        .parallel()
                        .boxed()
                        .flatMap(n -> Stream.of(
                                        n <= achievements ? records.achievement(n) : null,
                                        n <= experts ? records.expert(n) : null)
                                .filter(document -> document != null))
                        .toList();
                index.index(group);
                sync.afterGroup();
                if ((last / half) % 20 == 0 || last == total) {
                    System.out.printf(
                            Locale.ROOT,
                            "  fed %,d records in %.0f s (training: %s), load %s%n",
                            index.count(),
                            seconds(feeding),
                            sync.training(),
                            loadAverage());
                }
            }
            double fed = seconds(feeding);
            // a retraining still due waits for the pause after the last group (kechuang.matching.retrain-quiet)
            org.awaitility.Awaitility.await("every retraining done")
                    .atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !sync.training() && !sync.due(true));
            double caughtUp = seconds(feeding);
            feedingHeap.stop();
            String loadAfterFeeding = loadAverage();
            LatentSpace space = index.space();
            System.out.printf(
                    Locale.ROOT,
                    "fed %,d achievements and %,d experts in %.1f s (%,.0f records/s); every training done after %.1f s;"
                            + " vectors learnt from %,d records when the index held %,d; index %,d MB on disk%n",
                    achievements,
                    experts,
                    fed,
                    (achievements + experts) / fed,
                    caughtUp,
                    space == null ? 0 : space.documents(),
                    index.spaceRecords(),
                    size(context.getEnvironment().getProperty("kechuang.matching.directory")) / 1_048_576);
            System.out.println("heap while feeding: " + feedingHeap.report());
            System.out.printf(Locale.ROOT, "load average after feeding: %s%n", loadAfterFeeding);

            List<String> texts = records.demandTexts(demands);
            Searcher visitor = Searcher.of(null);
            List<Long> matchAchievements = new ArrayList<>();
            List<Long> matchExperts = new ArrayList<>();
            List<Long> bm25Achievements = new ArrayList<>();
            List<Long> bm25Experts = new ArrayList<>();
            // the ranking's candidates alone, the text placed as a query (now) and as a record (before ADR 0026's
            // addendum), in turns: what the query weighting costs, in the same run
            List<Long> asQuery = new ArrayList<>();
            List<Long> asRecord = new ArrayList<>();
            MatchingProperties properties = context.getBean(MatchingProperties.class);
            HeapPeak queryHeap = HeapPeak.start();
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                for (String text : texts) {
                    for (String target : List.of("achievement", "expert")) {
                        long t0 = System.nanoTime();
                        List<Matching.Result> results =
                                matching.forText(text, target, visitor, LIMIT, Locale.SIMPLIFIED_CHINESE);
                        long t1 = System.nanoTime();
                        List<Long> baseline =
                                index.lexicalIds(text, MatchingIndex.filter(target, visitor, List.of()), LIMIT);
                        long t2 = System.nanoTime();
                        if (results.isEmpty() || baseline.isEmpty()) {
                            throw new IllegalStateException("no matches for a demand text: " + text);
                        }
                        if (measured) {
                            (target.equals("achievement") ? matchAchievements : matchExperts).add(t1 - t0);
                            (target.equals("achievement") ? bm25Achievements : bm25Experts).add(t2 - t1);
                        }
                        boolean queryFirst = (round + text.length()) % 2 == 0;
                        for (MatchingIndex.QueryWeighting weighting : queryFirst
                                ? List.of(MatchingIndex.QueryWeighting.DEFAULT, MatchingIndex.QueryWeighting.RECORD)
                                : List.of(MatchingIndex.QueryWeighting.RECORD, MatchingIndex.QueryWeighting.DEFAULT)) {
                            long t3 = System.nanoTime();
                            index.candidates(
                                    text,
                                    MatchingIndex.filter(target, visitor, List.of()),
                                    50,
                                    properties.feedbackDocuments(),
                                    properties.feedbackRounds(),
                                    properties.neighbourCount(),
                                    properties.neighbourWeight(),
                                    weighting);
                            if (measured) {
                                (weighting == MatchingIndex.QueryWeighting.DEFAULT ? asQuery : asRecord)
                                        .add(System.nanoTime() - t3);
                            }
                        }
                    }
                }
            }
            queryHeap.stop();
            System.out.printf(
                    Locale.ROOT,
                    "top %d for %d demand texts, %d rounds after %d warm-up rounds (milliseconds):%n",
                    LIMIT,
                    demands,
                    rounds,
                    warmup);
            System.out.printf(Locale.ROOT, "  %-44s %8s %8s %8s%n", "", "median", "p99", "max");
            report("matching, achievements (Matching.forText)", matchAchievements);
            report("matching, experts", matchExperts);
            List<Long> all = new ArrayList<>(matchAchievements);
            all.addAll(matchExperts);
            report("matching, all", all);
            report("baseline: plain BM25, achievements", bm25Achievements);
            report("baseline: plain BM25, experts", bm25Experts);
            List<Long> baseline = new ArrayList<>(bm25Achievements);
            baseline.addAll(bm25Experts);
            report("baseline: plain BM25, all", baseline);
            report("candidates, text placed as a query (now)", asQuery);
            report("candidates, text placed as a record (before)", asRecord);
            System.out.println("heap while matching: " + queryHeap.report());
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        }
        run.delete();
    }

    private static void report(String label, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "  %-44s %8.1f %8.1f %8.1f%n",
                label + " (" + sorted.length + ")",
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long size(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException gone) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unavailable) {
            return "unknown";
        }
    }
}
