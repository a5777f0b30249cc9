package org.kechuang.search;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.kechuang.KechuangApplication;
import org.kechuang.demo.SearchBenchAchievements;
import org.kechuang.search.analysis.ChineseTextAnalyzer;
import org.kechuang.support.BenchRun;
import org.kechuang.support.HeapPeak;
import org.kechuang.support.WebUser;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: fills a fresh embedded PostgreSQL with generated published achievements (1,000,000 by
 * default, the demo generator's text), times a full reindex through the operators' endpoint, then measures the same
 * single-term and two-term queries through the HTTP search API (the real web server), on the raw Lucene index (an
 * {@link IndexSearcher} over the same folder, the same parsed query, top 10: the floor; also the BM25F query used
 * until 2026-12-03, {@link TextQueries.Scoring#COMBINED}, for comparison) and as PostgreSQL {@code ILIKE
 * '%q%'} over title and description ({@code limit 10} and a count, on fewer queries once each: it is slow); also the
 * engine's own search in the same process (what the HTTP API calls, without the web server). The HTTP API is timed
 * through two clients, each over one kept-alive connection: {@code java.net.http} (as before) and a {@link
 * KeepAliveClient} that reads the response on the timing thread, without the former's hand-overs between its own
 * threads. Prints
 * median and p99 of each, their ratios, the index's size and the peak heap. Run with {@code
 * bench/search-benchmark.sh}; never part of {@code ./mvnw verify}.
 *
 * <p>System properties: {@code bench.rounds} measured rounds over all queries (default 10), {@code bench.warmup}
 * rounds before them (3), {@code bench.ilikeEvery} every n-th query also as ILIKE (5), {@code bench.keepIndex} true to
 * keep the run's folders (the index for {@link SearchProfile}), {@code bench.reuse} the id of a kept run to measure its
 * index again (no fill, no reindex).
 */
public final class SearchBenchmark {

    /** Chinese technical words of the generated data (and a few Latin terms), from very frequent to rare. */
    static final List<String> SINGLE = List.of(
            "技术", "系统", "应用", "企业", "工艺", "检测", "智能", "材料", "设备", "优化", "仿真", "电池", "芯片", "传感器", "机器人", "数字孪生", "深度学习",
            "机器视觉", "知识图谱", "有限元仿真", "故障诊断", "光伏", "储能", "疫苗", "减速器", "合金", "激光雷达", "光刻胶", "固态电解质", "钙钛矿", "碳化硅",
            "无人驾驶拖拉机", "植保无人机", "灵巧手", "冻干机", "类器官", "透皮贴剂", "稻壳", "蓄冷剂", "枯草芽孢杆菌", "联邦学习", "隐私计算", "异质结电池", "高熵合金",
            "谐波减速器", "溅射靶材", "离子注入机", "MEMS", "IGBT", "TOPCon");

    /** Two words each, every one required (in any field), as a user types them. */
    static final List<String> PAIRS = List.of(
            "智能 系统",
            "工艺 优化",
            "检测 设备",
            "电池 材料",
            "传感器 芯片",
            "机器人 视觉",
            "深度学习 检测",
            "知识图谱 问答",
            "数字孪生 运维",
            "有限元 仿真",
            "储能 电池",
            "光伏 组件",
            "固态 电解质",
            "碳化硅 器件",
            "疫苗 工艺",
            "合金 压铸",
            "减速器 精密",
            "激光雷达 标定",
            "植保 无人机",
            "冷链 温度",
            "育种 基因",
            "发酵 饲料",
            "芯片 封装",
            "光刻胶 材料",
            "刻蚀 设备",
            "晶圆 检测",
            "电解液 添加剂",
            "热管理 模块",
            "钠离子 电池",
            "风电 轴承",
            "稀土 分离",
            "钛合金 棒材",
            "数控系统 五轴",
            "伺服 驱动器",
            "大模型 私有化部署",
            "联邦学习 隐私",
            "自动泊车 系统",
            "协作机器人 力控",
            "类器官 药效",
            "连续流 合成",
            "单克隆抗体 培养基",
            "水肥一体化 温室",
            "农机 调度",
            "果蔬 分级",
            "MEMS 传感器",
            "IGBT 模块",
            "TOPCon 电池",
            "mRNA 疫苗",
            "AI 芯片",
            "CAR-T 细胞");

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern RELATION = Pattern.compile("\"totalRelation\":\"(\\w+)\"");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = Integer.getInteger("bench.rounds", 10);
        int warmup = Integer.getInteger("bench.warmup", 3);
        int ilikeEvery = Integer.getInteger("bench.ilikeEvery", 5);
        String reuse = System.getProperty("bench.reuse");
        BenchRun run = reuse == null ? BenchRun.fresh() : BenchRun.reused(reuse);
        Path dir = BenchRun.FOLDER;
        Path index = run.index();
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());

        SpringApplication application = new SpringApplication(KechuangApplication.class);
        try (ConfigurableApplicationContext context = application.run(run.arguments(
                "--server.port=0",
                // the demo's stations and accounts, none of its generated records: the benchmark brings its own
                "--kechuang.demo.demands=0",
                "--kechuang.demo.achievements=0",
                "--kechuang.demo.experts=0",
                "--kechuang.demo.cases=0",
                "--logging.level.org.kechuang.search=INFO"))) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            SearchEngine engine = context.getBean(SearchEngine.class);
            SearchRebuilds rebuilds = context.getBean(SearchRebuilds.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DataSource dataSource = context.getBean(DataSource.class);
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !engine.needsRebuild());

            HeapPeak heap = HeapPeak.start();
            if (reuse != null) {
                System.out.printf(
                        Locale.ROOT,
                        "reused run %s: %d documents in the index, neither filled nor reindexed%n",
                        reuse,
                        engine.count());
            } else {
                fill(rows, dir, jdbc, dataSource);

                // the full reindex, through the operators' endpoint
                WebUser operator = new WebUser(port).withToken("operator", "kechuang-demo");
                long reindexStart = System.nanoTime();
                HttpResponse<String> started = operator.post("/api/v1/search/reindex", Map.of());
                if (started.statusCode() != 202) {
                    throw new IllegalStateException("reindex: " + started.statusCode() + " " + started.body());
                }
                SearchRebuilds.RebuildStatus done = await().atMost(Duration.ofHours(2))
                        .pollInterval(Duration.ofMillis(100))
                        .until(rebuilds::status, s -> s.state() != SearchRebuilds.State.RUNNING);
                double reindexWall = (System.nanoTime() - reindexStart) / 1e9;
                if (done.state() != SearchRebuilds.State.DONE) {
                    throw new IllegalStateException("reindex ended " + done);
                }
                double reindexSeconds =
                        Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1e3;
                String loadAfterReindex = loadAverage();
                long documents = engine.count();
                long indexBytes = size(index);
                System.out.printf(
                        Locale.ROOT,
                        "reindex: %d records in %.1f s (%.1f s from the request) = %.0f docs/s; index %d documents,"
                                + " %.1f MB on disk; load average after: %s%n",
                        done.indexed(),
                        reindexSeconds,
                        reindexWall,
                        done.indexed() / reindexSeconds,
                        documents,
                        indexBytes / 1e6,
                        loadAfterReindex);
            }

            List<String> queries =
                    Stream.concat(SINGLE.stream(), PAIRS.stream()).toList();
            WebUser visitor = new WebUser(port);
            try (KeepAliveClient browser = new KeepAliveClient("127.0.0.1", port);
                    FSDirectory folder = FSDirectory.open(index);
                    DirectoryReader reader = DirectoryReader.open(folder);
                    ChineseTextAnalyzer analyzer = new ChineseTextAnalyzer();
                    ExecutorService slices = Executors.newFixedThreadPool(
                            Runtime.getRuntime().availableProcessors(),
                            Thread.ofPlatform().daemon().factory())) {
                IndexSearcher raw = new IndexSearcher(reader);
                // the same index searched in slices on as many threads as the engine has (ADR 0027 addendum 4)
                IndexSearcher rawSliced = new IndexSearcher(reader, slices);
                TextQueries parser = new TextQueries(analyzer);
                TextQueries bm25f = new TextQueries(analyzer, TextQueries.Scoring.COMBINED);
                Map<String, Query> parsed = new HashMap<>();
                Map<String, Query> parsedBm25f = new HashMap<>();
                Map<String, Long> matching = new HashMap<>();
                int estimated = 0;
                List<Double> totalErrors = new ArrayList<>();
                String worst = null;
                for (String q : queries) {
                    Query query = parser.build(q);
                    parsed.put(q, query);
                    parsedBm25f.put(q, bm25f.build(q));
                    long count = raw.count(query);
                    HttpResponse<String> first = visitor.get(path(q));
                    long shown = total(first);
                    boolean estimate = relation(first).equals(SearchApi.ESTIMATE);
                    if (first.body().contains("\"facetsEstimated\":true")) {
                        estimated++;
                    }
                    double error = count == 0 ? 0 : Math.abs(shown - count) / (double) count;
                    if (estimate) {
                        if (worst == null
                                || error
                                        > totalErrors.stream()
                                                .mapToDouble(e -> e)
                                                .max()
                                                .orElse(0)) {
                            worst = q;
                        }
                        totalErrors.add(error);
                    }
                    // an estimated total is checked against the raw index's count: within 5 % (two standard errors
                    // are 2 % with the fewest matches a sample keeps)
                    if (count == 0
                            || (estimate ? error > 0.05 : count != shown)
                            || count != raw.count(parsedBm25f.get(q))) {
                        throw new IllegalStateException("query " + q + ": " + count + " in the raw index, "
                                + (estimate ? "about " : "") + shown + " through the API");
                    }
                    matching.put(q, count);
                }
                long[] counts =
                        queries.stream().mapToLong(matching::get).sorted().toArray();
                System.out.printf(
                        Locale.ROOT,
                        "queries: %d single-term, %d two-term; matching documents min %d, median %d, max %d%n",
                        SINGLE.size(),
                        PAIRS.size(),
                        counts[0],
                        counts[counts.length / 2],
                        counts[counts.length - 1]);
                double[] errors =
                        totalErrors.stream().mapToDouble(e -> e * 100).sorted().toArray();
                System.out.printf(
                        Locale.ROOT,
                        "more than %d matches: facets estimated from a sample for %d, total estimated from it"
                                + " (totalRelation estimate) for %d of the %d queries; the estimates' error against"
                                + " the raw index's count: median %.2f %%, max %.2f %% (%s)%n",
                        LuceneSearchEngine.FACETS_COUNTED_UP_TO,
                        estimated,
                        errors.length,
                        queries.size(),
                        errors.length == 0 ? 0 : errors[errors.length / 2],
                        errors.length == 0 ? 0 : errors[errors.length - 1],
                        worst);
                String page = visitor.get("/search?q=" + URLEncoder.encode(queries.getFirst(), StandardCharsets.UTF_8))
                        .body();
                System.out.printf(
                        Locale.ROOT,
                        "results page for %s: %s%n",
                        queries.getFirst(),
                        page.contains("id=\"search-facets-estimated\"")
                                ? "says its counts of libraries and filters are estimated"
                                : "shows exact counts");
                Matcher shownTotal =
                        Pattern.compile("id=\"search-total\">([^<]*)<").matcher(page);
                System.out.printf(
                        Locale.ROOT,
                        "results page for %s shows the total as: %s%n",
                        queries.getFirst(),
                        shownTotal.find() ? shownTotal.group(1) : "(not found)");

                for (int w = 0; w < warmup; w++) {
                    for (String q : queries) {
                        visitor.get(path(q));
                        browser.get(path(q));
                        engine.search(SearchQuery.publicly(q, 10));
                        raw.search(parsed.get(q), 10);
                        rawSliced.search(parsed.get(q), 10);
                        raw.search(parsedBm25f.get(q), 10);
                    }
                }
                Map<String, List<Long>> http = new HashMap<>();
                Map<String, List<Long>> httpKeptAlive = new HashMap<>();
                // by the request's place in its round (the HTTP requests of a round follow the other clients' rounds)
                List<Long> httpFirst = new ArrayList<>();
                List<Long> httpRest = new ArrayList<>();
                Map<String, List<Long>> inProcess = new HashMap<>();
                Map<String, List<Long>> lucene = new HashMap<>();
                Map<String, List<Long>> luceneBm25f = new HashMap<>();
                Map<String, List<Long>> luceneSliced = new HashMap<>();
                for (int r = 0; r < rounds; r++) {
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = visitor.get(path(q));
                        long t1 = System.nanoTime();
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(q + ": " + response.statusCode());
                        }
                        http.computeIfAbsent(q, k -> new ArrayList<>()).add(t1 - t0);
                        (q.equals(queries.get(0)) || q.equals(queries.get(1)) || q.equals(queries.get(2))
                                        ? httpFirst
                                        : httpRest)
                                .add(t1 - t0);
                    }
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        String body = browser.get(path(q));
                        long t1 = System.nanoTime();
                        if (!body.contains("\"total\":")) {
                            throw new IllegalStateException(q + ": " + body);
                        }
                        httpKeptAlive.computeIfAbsent(q, k -> new ArrayList<>()).add(t1 - t0);
                    }
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        engine.search(SearchQuery.publicly(q, 10));
                        long t1 = System.nanoTime();
                        inProcess.computeIfAbsent(q, k -> new ArrayList<>()).add(t1 - t0);
                    }
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        raw.search(parsed.get(q), 10);
                        long t1 = System.nanoTime();
                        lucene.computeIfAbsent(q, k -> new ArrayList<>()).add(t1 - t0);
                    }
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        raw.search(parsedBm25f.get(q), 10);
                        long t1 = System.nanoTime();
                        luceneBm25f.computeIfAbsent(q, k -> new ArrayList<>()).add(t1 - t0);
                    }
                    for (String q : queries) {
                        long t0 = System.nanoTime();
                        rawSliced.search(parsed.get(q), 10);
                        long t1 = System.nanoTime();
                        luceneSliced.computeIfAbsent(q, k -> new ArrayList<>()).add(t1 - t0);
                    }
                }

                List<String> sampled = new ArrayList<>();
                for (int i = 0; i < queries.size(); i += ilikeEvery) {
                    sampled.add(queries.get(i));
                }
                Map<String, List<Long>> ilike = new HashMap<>();
                ilike(jdbc, "预热");
                for (String q : sampled) {
                    ilike.put(q, List.of(ilike(jdbc, q)));
                }

                System.out.printf(
                        Locale.ROOT,
                        "%d measured rounds after %d warm-up rounds; ILIKE once each on every %d. query (%d"
                                + " queries)%n",
                        rounds,
                        warmup,
                        ilikeEvery,
                        sampled.size());
                System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "ms", "median", "p99", "max");
                Stats httpSingle = Stats.of(http, SINGLE);
                Stats httpPairs = Stats.of(http, PAIRS);
                Stats httpAll = Stats.of(http, queries);
                Stats keptAliveAll = Stats.of(httpKeptAlive, queries);
                Stats engineAll = Stats.of(inProcess, queries);
                Stats rawSingle = Stats.of(lucene, SINGLE);
                Stats rawPairs = Stats.of(lucene, PAIRS);
                Stats rawAll = Stats.of(lucene, queries);
                Stats rawBm25f = Stats.of(luceneBm25f, queries);
                Stats ilikeAll = Stats.of(ilike, sampled);
                Stats httpSampled = Stats.of(http, sampled);
                httpSingle.print("HTTP single-term");
                httpPairs.print("HTTP two-term");
                httpAll.print("HTTP all");
                keptAliveAll.print("HTTP all, blocking");
                engineAll.print("engine in-process all");
                rawSingle.print("raw Lucene single-term");
                rawPairs.print("raw Lucene two-term");
                rawAll.print("raw Lucene all");
                rawBm25f.print("raw BM25F (old) all");
                Stats rawSlicedAll = Stats.of(luceneSliced, queries);
                rawSlicedAll.print("raw Lucene in slices");
                ilikeAll.print("ILIKE (sampled)");
                httpSampled.print("HTTP, same sample");
                System.out.printf(
                        Locale.ROOT,
                        "ratios: HTTP p99 / raw p99 = %.2f (HTTP median / raw median = %.1f); ILIKE median / HTTP"
                                + " median (same queries) = %.0f×%n",
                        httpAll.p99() / rawAll.p99(),
                        httpAll.median() / rawAll.median(),
                        ilikeAll.median() / httpSampled.median());
                System.out.printf(
                        Locale.ROOT,
                        "HTTP through a blocking client on one kept-alive connection (%d connection(s) opened):"
                                + " p99 / raw p99 = %.2f (medians: %.1f); engine in-process p99 / raw p99 = %.2f"
                                + " (medians: %.1f)%n",
                        browser.connections(),
                        keptAliveAll.p99() / rawAll.p99(),
                        keptAliveAll.median() / rawAll.median(),
                        engineAll.p99() / rawAll.p99(),
                        engineAll.median() / rawAll.median());
                Stats first = Stats.of(Map.of("", httpFirst), List.of(""));
                Stats rest = Stats.of(Map.of("", httpRest), List.of(""));
                System.out.printf(
                        Locale.ROOT,
                        "HTTP (java.net.http) by place in the round: the first three requests median %.2f, p99 %.2f;"
                                + " the other 97 median %.2f, p99 %.2f%n",
                        first.median(),
                        first.p99(),
                        rest.median(),
                        rest.p99());
                System.out.printf(
                        Locale.ROOT,
                        "against the raw index searched in slices on %d threads as the engine's is (%d slices):"
                                + " HTTP p99 / its p99 = %.2f (medians %.1f), engine p99 / its p99 = %.2f%n",
                        Runtime.getRuntime().availableProcessors(),
                        rawSliced.getSlices().length,
                        httpAll.p99() / rawSlicedAll.p99(),
                        httpAll.median() / rawSlicedAll.median(),
                        engineAll.p99() / rawSlicedAll.p99());
                System.out.printf(
                        Locale.ROOT,
                        "raw Lucene p99 / raw BM25F (old query) p99 = %.2f (medians: %.2f)%n",
                        rawAll.p99() / rawBm25f.p99(),
                        rawAll.median() / rawBm25f.median());
                System.out.println(
                        "slowest HTTP queries, then the three matching most (median ms: HTTP, HTTP blocking client,"
                                + " engine in-process, raw Lucene, raw BM25F (old query); matching documents):");
                Stream.concat(
                                queries.stream()
                                        .sorted(Comparator.comparingDouble((String q) -> Stats.of(http, List.of(q))
                                                        .median())
                                                .reversed())
                                        .limit(8),
                                queries.stream()
                                        .sorted(Comparator.comparingLong(matching::get)
                                                .reversed())
                                        .limit(3))
                        .forEach(q -> System.out.printf(
                                Locale.ROOT,
                                "  %-16s %8.1f %8.1f %8.1f %8.1f %8.1f %9d%n",
                                q,
                                Stats.of(http, List.of(q)).median(),
                                Stats.of(httpKeptAlive, List.of(q)).median(),
                                Stats.of(inProcess, List.of(q)).median(),
                                Stats.of(lucene, List.of(q)).median(),
                                Stats.of(luceneBm25f, List.of(q)).median(),
                                matching.get(q)));
                System.out.printf(
                        Locale.ROOT,
                        "responses through the blocking client: %.0f bytes on average, %d chunk(s) at most%n",
                        browser.bytes() / (double) browser.responses(),
                        browser.mostChunks());
                samples(raw, parsed, matching);
            }
            heap.stop();
            System.out.println("heap: " + heap.report());
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        }
        if (Boolean.getBoolean("bench.keepIndex")) {
            // for profiling the engine on the same index afterwards (SearchProfile)
            System.out.println("index kept in " + index.toAbsolutePath() + "; measure again with -Dbench.reuse="
                    + index.getFileName().toString().substring("search-".length()));
            return;
        }
        run.delete();
    }

    /**
     * The facets' sample (ADR 0027) of every query matching more than are counted exactly, drawn as the engine draws
     * it (the visibility rule, without scores, the number of matches not known) and its facets counted, its rate taken
     * from a pilot draw (as until ADR 0027 addendum 3) and from the page's count ({@link CountedPrefix}, as now): their
     * time (the same rounds, on the same index) and their total's error.
     */
    private static void samples(IndexSearcher raw, Map<String, Query> parsed, Map<String, Long> matching)
            throws IOException {
        List<String> many = parsed.keySet().stream()
                .filter(q -> matching.get(q) > LuceneSearchEngine.FACETS_COUNTED_UP_TO)
                .sorted()
                .toList();
        if (many.isEmpty()) {
            return;
        }
        SortedSetDocValuesReaderState state =
                new DefaultSortedSetDocValuesReaderState(raw.getIndexReader(), new FacetsConfig());
        Map<String, Weight> weights = new HashMap<>();
        Map<String, Long> expected = new HashMap<>();
        for (String q : many) {
            Query visible = raw.rewrite(new BooleanQuery.Builder()
                    .add(parsed.get(q), BooleanClause.Occur.MUST)
                    .add(LuceneSearchEngine.hiddenFrom(Searcher.VISITOR), BooleanClause.Occur.MUST_NOT)
                    .build());
            weights.put(q, raw.createWeight(visible, ScoreMode.COMPLETE_NO_SCORES, 1f));
            // how dense the matches are, as the engine's page search tells it
            CountedPrefix<?, ?> prefix = new CountedPrefix<>(
                    new TopScoreDocCollectorManager(10, null, LuceneSearchEngine.PAGE_COUNTS_UP_TO));
            raw.search(visible, prefix);
            expected.put(q, prefix.expected(raw.getIndexReader().maxDoc()));
        }
        for (boolean pilot : new boolean[] {true, false}) {
            List<Long> times = new ArrayList<>();
            double worst = 0;
            long bins = 0;
            for (int r = 0; r < 13; r++) {
                for (String q : many) {
                    long t0 = System.nanoTime();
                    FacetSample sample = FacetSample.of(
                            raw,
                            weights.get(q),
                            LuceneSearchEngine.PAGE_COUNTS_UP_TO,
                            false,
                            pilot ? -1 : expected.get(q),
                            LuceneSearchEngine.FACETS_COUNTED_UP_TO,
                            LuceneSearchEngine.SAMPLE_SIZE);
                    new SortedSetDocValuesFacetCounts(state, sample.matches());
                    long t1 = System.nanoTime();
                    if (r >= 3) {
                        times.add(t1 - t0);
                    }
                    if (r == 0) {
                        bins += sample.bin();
                    }
                    worst = Math.max(worst, Math.abs(sample.estimate() - matching.get(q)) / (double) matching.get(q));
                }
            }
            Stats stats = Stats.of(Map.of("", times), List.of(""));
            System.out.printf(
                    Locale.ROOT,
                    "the facets' sample of about %,d in blocks of %d (drawn and counted), its rate from %s, for the %d"
                            + " queries matching more than %,d: median %.2f ms, p99 %.2f ms; total's error at most"
                            + " %.2f %%, one drawn in %.1f on average%n",
                    LuceneSearchEngine.SAMPLE_SIZE,
                    FacetSample.BLOCK,
                    pilot ? "a pilot draw" : "the page's count",
                    many.size(),
                    LuceneSearchEngine.FACETS_COUNTED_UP_TO,
                    stats.median(),
                    stats.p99(),
                    worst * 100,
                    bins / (double) many.size());
        }
    }

    private static String path(String q) {
        return "/api/v1/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String relation(HttpResponse<String> response) {
        Matcher relation = RELATION.matcher(response.body());
        if (!relation.find()) {
            throw new IllegalStateException("no totalRelation: " + response.body());
        }
        return relation.group(1);
    }

    private static long total(HttpResponse<String> response) {
        Matcher total = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !total.find()) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return Long.parseLong(total.group(1));
    }

    /**
     * What a typical platform does without a search engine: the first page of rows with every word somewhere in the
     * title or the description, and how many there are. Returns the nanoseconds of both statements.
     */
    private static long ilike(JdbcClient jdbc, String q) {
        List<String> words = Arrays.stream(q.split(" ")).toList();
        StringBuilder where = new StringBuilder("status = 'PUBLISHED'");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            where.append(" and (title ilike :w")
                    .append(i)
                    .append(" or description ilike :w")
                    .append(i)
                    .append(')');
            params.put("w" + i, "%" + words.get(i) + "%");
        }
        long t0 = System.nanoTime();
        jdbc.sql("select id, title, description from achievement where " + where + " limit 10")
                .params(params)
                .query()
                .listOfRows();
        jdbc.sql("select count(*) from achievement where " + where)
                .params(params)
                .query(Long.class)
                .single();
        return System.nanoTime() - t0;
    }

    /** Generates the rows once into a file (kept in target/bench), then copies them in and analyses the table. */
    private static void fill(int rows, Path dir, JdbcClient jdbc, DataSource dataSource) throws Exception {
        Path file = dir.resolve("search-achievements-" + rows + ".copy");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            Map<String, String> sections = new HashMap<>();
            jdbc.sql("select code, parent_code from reference_industry where level = 1")
                    .query((row, n) -> sections.put(row.getString(1), row.getString(2)))
                    .list();
            SearchBenchAchievements.write(file, rows, sections);
            System.out.printf(
                    Locale.ROOT,
                    "generated %s (%.1f MB) in %.1f s%n",
                    file,
                    Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        }
        Map<String, Long> stations = new HashMap<>();
        jdbc.sql("select code, id from station")
                .query((row, n) -> stations.put(row.getString(1), row.getLong(2)))
                .list();
        long t0 = System.nanoTime();
        long copied;
        try (Connection connection = dataSource.getConnection();
                BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy achievement (" + SearchBenchAchievements.COLUMNS + ") from stdin");
            StringBuilder chunk = new StringBuilder(1 << 20);
            for (String line; (line = lines.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                Long station = stations.get(line.substring(0, tab));
                if (station == null) {
                    throw new IllegalStateException("no station " + line.substring(0, tab));
                }
                chunk.append(station).append(line, tab, line.length()).append('\n');
                if (chunk.length() > 1 << 20) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copied = copy.endCopy();
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        jdbc.sql("vacuum analyze achievement").update();
        long tableBytes = jdbc.sql("select pg_total_relation_size('achievement')")
                .query(Long.class)
                .single();
        System.out.printf(
                Locale.ROOT,
                "database: %d achievements copied in %.1f s, table with indexes %.0f MB%n",
                copied,
                copySeconds,
                tableBytes / 1e6);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
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

    /** Median, p99 and maximum in milliseconds of the samples of some queries. */
    record Stats(double median, double p99, double max) {

        static Stats of(Map<String, List<Long>> samples, List<String> queries) {
            long[] all = queries.stream()
                    .flatMap(q -> samples.get(q).stream())
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            return new Stats(percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, all[all.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %10.2f%n", label, median, p99, max);
        }
    }
}
