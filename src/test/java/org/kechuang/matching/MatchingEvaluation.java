package org.kechuang.matching;

import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.kechuang.imports.PlatformImports;
import org.kechuang.search.Searcher;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching-quality protocol of {@code ../shared/data/README.md} through the platform's own import and matching:
 * every labelled record is imported as an achievement (title, abstract as description, keywords, source id; the label
 * stays here), then for every record the matching is asked for the ten achievements closest to a demand whose text is
 * the record's title; the record itself is excluded before ranking (so it can neither count nor feed the query's
 * refinement). A hit is an achievement of the same label; achievements that are not labelled records (demo data) are
 * misses. Prints P@10 and nDCG@10 of the platform's method, of its parts, and of a plain character-bigram BM25 over the
 * same stored records, computed in the same run.
 */
public final class MatchingEvaluation {

    /** Runs the protocol on a fresh database and index: {@code bench/matching-eval.sh [file.jsonl]}. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/eval/csl-dev.jsonl");
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        org.springframework.boot.SpringApplication application =
                new org.springframework.boot.SpringApplication(org.kechuang.KechuangApplication.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        String run = java.util.UUID.randomUUID().toString();
        Path database = dir.resolve("db-" + run);
        Path search = dir.resolve("search-" + run);
        Path matchingIndex = dir.resolve("matching-" + run);
        long start = System.nanoTime();
        try (org.springframework.context.ConfigurableApplicationContext context = application.run(
                "--kechuang.database.embedded.data-directory=" + database,
                "--kechuang.search.directory=" + search,
                "--kechuang.matching.directory=" + matchingIndex,
                "--kechuang.database.embedded.binaries-directory=target/pg-binaries",
                "--kechuang.database.embedded.port=0",
                // the demo's stations and handful of written records, none of its generated ones
                "--kechuang.demo.demands=0",
                "--kechuang.demo.achievements=0",
                "--kechuang.demo.experts=0",
                "--kechuang.demo.cases=0",
                "--kechuang.mail.embedded.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            System.out.printf(Locale.ROOT, "file: %s%n", file);
            for (Figures figures : run(context, file, "zju", dir)) {
                System.out.println(figures.line());
            }
            System.out.printf(Locale.ROOT, "run took %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        for (Path folder : List.of(database, search, matchingIndex)) {
            if (Files.exists(folder)) {
                try (var paths = Files.walk(folder)) {
                    for (Path path :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int K = 10;

    private MatchingEvaluation() {}

    record Labelled(String sourceId, String title, String description, List<String> keywords, String label) {}

    /**
     * The figures of a method over all queries, and over the two halves of them: the records of even number (settings
     * were chosen on these) and of odd number (which check the choice), see {@link #half}.
     */
    record Figures(
            String method,
            double precision,
            double ndcg,
            int queries,
            double evenPrecision,
            double evenNdcg,
            double oddPrecision,
            double oddNdcg) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-52s P@10 = %.3f   nDCG@10 = %.3f   (%d queries; even %.3f / %.3f, odd %.3f / %.3f)",
                    method,
                    precision,
                    ndcg,
                    queries,
                    evenPrecision,
                    evenNdcg,
                    oddPrecision,
                    oddNdcg);
        }
    }

    /**
     * 0 for a record of even number, 1 for odd: the number is the last digits of its source id (csl-dev-0042 → 42),
     * or its hash when it has none.
     */
    static int half(String sourceId) {
        String digits = sourceId.replaceAll("\\D", "");
        int number = digits.isEmpty()
                ? sourceId.hashCode()
                : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 6)));
        return Math.floorMod(number, 2);
    }

    static List<Labelled> read(Path jsonl) throws IOException {
        List<Labelled> records = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            List<String> keywords = new ArrayList<>();
            node.path("keywords").forEach(keyword -> keywords.add(keyword.asString()));
            String label = node.hasNonNull("discipline")
                    ? node.get("discipline").asString()
                    : node.path("label").asString();
            records.add(new Labelled(
                    node.get("id").asString(),
                    node.get("title").asString(),
                    node.path("abstract").asString(),
                    keywords,
                    label));
        }
        return records;
    }

    /** The import file: only what the protocol imports, never the label. */
    static Path importFile(List<Labelled> records, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("matching-eval-" + System.nanoTime() + ".jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Labelled record : records) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sourceId", record.sourceId());
                row.put("title", record.title());
                row.put("description", record.description());
                row.put("keywords", record.keywords());
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
        }
        return file;
    }

    /**
     * Imports the records, waits until matching has them all and has learnt its vectors from them, then measures.
     *
     * @param station the station code the records are imported into
     */
    static List<Figures> run(ApplicationContext context, Path jsonl, String station, Path workFolder)
            throws IOException {
        List<Labelled> records = read(jsonl);
        long start = System.nanoTime();
        int accepted = PlatformImports.importAndWait(context, "achievement", station, importFile(records, workFolder));
        if (accepted != records.size()) {
            throw new IllegalStateException("expected " + records.size() + " accepted rows, got " + accepted);
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select a.id, a.source_id from achievement a join station s on s.id = a.station_id"
                        + " where s.code = :station and a.source_id = any(:sources)")
                .param("station", station)
                .param("sources", records.stream().map(Labelled::sourceId).toArray(String[]::new))
                .query(row -> {
                    ids.put(row.getString("source_id"), row.getLong("id"));
                });
        MatchingIndex index = context.getBean(MatchingIndex.class);
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ids.values().stream()
                        .allMatch(id -> index.document("achievement", id).isPresent()));
        // the platform retrains when the index has grown enough; the harness does not wait for chance timing
        long imported = System.nanoTime();
        System.out.printf(Locale.ROOT, "matching index: %d records of all libraries%n", index.count());
        index.retrain();
        System.out.printf(
                Locale.ROOT,
                "imported and indexed %d records in %.1f s, vectors learnt in %.1f s%n",
                records.size(),
                (imported - start) / 1e9,
                (System.nanoTime() - imported) / 1e9);

        Map<Long, String> labels = new HashMap<>();
        records.forEach(record -> labels.put(ids.get(record.sourceId()), record.label()));
        Matching matching = context.getBean(Matching.class);
        MatchingProperties properties = context.getBean(MatchingProperties.class);
        Searcher everyone = new Searcher(null, true, false, Set.of());
        List<Figures> figures = new ArrayList<>();
        figures.add(measure(
                "platform matching (refined vectors + support + BM25)",
                records,
                ids,
                labels,
                (record, self) -> matching.rankedIds(record.title(), "achievement", everyone, K, self)));
        figures.add(measure(
                "  the same, the text placed as a record (before)",
                records,
                ids,
                labels,
                (record, self) -> weighted(
                        index, properties, record.title(), everyone, self, MatchingIndex.QueryWeighting.RECORD)));
        figures.add(measure(
                "  the same, terms as directions, idf once",
                records,
                ids,
                labels,
                (record, self) -> weighted(
                        index, properties, record.title(), everyone, self, new MatchingIndex.QueryWeighting(true, 1))));
        figures.add(measure(
                "  vectors only, no refinement",
                records,
                ids,
                labels,
                (record, self) -> variant(index, record.title(), everyone, self, 0, 0, 0)));
        figures.add(measure(
                "  vectors refined once by the closest records",
                records,
                ids,
                labels,
                (record, self) ->
                        variant(index, record.title(), everyone, self, properties.feedbackDocuments(), 1, 0)));
        figures.add(measure(
                "  vectors refined by the closest records, " + properties.feedbackRounds() + " rounds",
                records,
                ids,
                labels,
                (record, self) -> variant(
                        index,
                        record.title(),
                        everyone,
                        self,
                        properties.feedbackDocuments(),
                        properties.feedbackRounds(),
                        0)));
        figures.add(measure(
                "  the same + " + properties.lexicalWeight() + " x BM25, no support",
                records,
                ids,
                labels,
                (record, self) -> variant(
                        index,
                        record.title(),
                        everyone,
                        self,
                        properties.feedbackDocuments(),
                        properties.feedbackRounds(),
                        properties.lexicalWeight())));
        figures.add(measure(
                "  BM25 over the platform's analysis (words+bigrams)",
                records,
                ids,
                labels,
                (record, self) -> variant(index, record.title(), everyone, self, 0, 0, -1)));
        figures.add(measure(
                "  RRF of refined vectors and BM25",
                records,
                ids,
                labels,
                (record, self) -> fused(
                        index,
                        record.title(),
                        everyone,
                        self,
                        properties.feedbackDocuments(),
                        properties.feedbackRounds())));
        // the baseline ranks the same achievements as the platform: every one stored, labelled or not
        Map<Long, Labelled> byId = new HashMap<>();
        jdbc.sql("select id, title, description, keywords from achievement where status <> 'ARCHIVED'")
                .query(row -> {
                    byId.put(
                            row.getLong("id"),
                            new Labelled(
                                    null,
                                    row.getString("title"),
                                    row.getString("description"),
                                    List.of((String[]) row.getArray("keywords").getArray()),
                                    null));
                });
        Function<Labelled, Long> idOf = record -> ids.get(record.sourceId());
        try (BigramBm25 baseline = new BigramBm25(byId)) {
            figures.add(measure(
                    "baseline: character-bigram BM25",
                    records,
                    ids,
                    labels,
                    (record, self) -> baseline.top(record.title(), idOf.apply(record), K)));
        }
        return figures;
    }

    interface Ranker {
        List<Long> top(Labelled query, long self) throws IOException;
    }

    /** {@code lexicalWeight} -1: BM25 alone. */
    private static List<Long> variant(
            MatchingIndex index,
            String text,
            Searcher searcher,
            long self,
            int feedback,
            int rounds,
            double lexicalWeight) {
        var hits = index.candidates(
                text,
                MatchingIndex.filter("achievement", searcher, List.of(MatchingIndex.key("achievement", self))),
                50,
                feedback,
                rounds);
        return ordered(hits, lexicalWeight);
    }

    /**
     * The platform's ranking (refined vectors + support + BM25) with the text placed in the space as {@code
     * weighting} says: {@link MatchingIndex.QueryWeighting#RECORD} is the ranking before ADR 0026's addendum.
     */
    private static List<Long> weighted(
            MatchingIndex index,
            MatchingProperties properties,
            String text,
            Searcher searcher,
            long self,
            MatchingIndex.QueryWeighting weighting) {
        var hits = index.candidates(
                text,
                MatchingIndex.filter("achievement", searcher, List.of(MatchingIndex.key("achievement", self))),
                50,
                properties.feedbackDocuments(),
                properties.feedbackRounds(),
                properties.neighbourCount(),
                properties.neighbourWeight(),
                weighting);
        return hits.stream()
                .sorted(java.util.Comparator.comparingDouble((MatchingIndex.Hit hit) ->
                                hit.similarity() + hit.support() + properties.lexicalWeight() * hit.lexical())
                        .reversed())
                .limit(K)
                .map(hit -> hit.document().id())
                .toList();
    }

    private static List<Long> ordered(List<MatchingIndex.Hit> hits, double lexicalWeight) {
        return hits.stream()
                .sorted(java.util.Comparator.comparingDouble((MatchingIndex.Hit hit) ->
                                lexicalWeight < 0 ? hit.lexical() : hit.similarity() + lexicalWeight * hit.lexical())
                        .reversed())
                .limit(K)
                .map(hit -> hit.document().id())
                .toList();
    }

    /** Reciprocal-rank fusion (k = 60) of the refined vectors' order and BM25's order over the same pool. */
    private static List<Long> fused(
            MatchingIndex index, String text, Searcher searcher, long self, int feedback, int rounds) {
        var hits = index.candidates(
                text,
                MatchingIndex.filter("achievement", searcher, List.of(MatchingIndex.key("achievement", self))),
                50,
                feedback,
                rounds);
        Map<Long, Double> fused = new HashMap<>();
        List<MatchingIndex.Hit> byVector = new ArrayList<>(hits);
        byVector.sort(java.util.Comparator.comparingDouble(MatchingIndex.Hit::similarity)
                .reversed());
        for (int rank = 0; rank < byVector.size(); rank++) {
            fused.merge(byVector.get(rank).document().id(), 1.0 / (60 + rank + 1), Double::sum);
        }
        List<MatchingIndex.Hit> byLexical =
                new ArrayList<>(hits.stream().filter(hit -> hit.lexical() > 0).toList());
        byLexical.sort(
                java.util.Comparator.comparingDouble(MatchingIndex.Hit::lexical).reversed());
        for (int rank = 0; rank < byLexical.size(); rank++) {
            fused.merge(byLexical.get(rank).document().id(), 1.0 / (60 + rank + 1), Double::sum);
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .limit(K)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Figures measure(
            String method, List<Labelled> records, Map<String, Long> ids, Map<Long, String> labels, Ranker ranker)
            throws IOException {
        Map<String, Integer> perLabel = new HashMap<>();
        records.forEach(record -> perLabel.merge(record.label(), 1, Integer::sum));
        double[] precision = new double[3];
        double[] ndcg = new double[3];
        int[] queries = new int[3];
        for (Labelled record : records) {
            long self = ids.get(record.sourceId());
            List<Long> top = ranker.top(record, self);
            if (top.contains(self)) {
                throw new IllegalStateException(method + " returned the query's own record");
            }
            double dcg = 0;
            int hits = 0;
            for (int rank = 0; rank < Math.min(K, top.size()); rank++) {
                if (record.label().equals(labels.get(top.get(rank)))) {
                    hits++;
                    dcg += 1 / log2(rank + 2);
                }
            }
            int relevant = Math.min(K, perLabel.get(record.label()) - 1);
            double ideal = 0;
            for (int rank = 0; rank < relevant; rank++) {
                ideal += 1 / log2(rank + 2);
            }
            for (int slot : new int[] {half(record.sourceId()), 2}) {
                precision[slot] += hits / (double) K;
                ndcg[slot] += ideal == 0 ? 0 : dcg / ideal;
                queries[slot]++;
            }
        }
        return new Figures(
                method,
                precision[2] / queries[2],
                ndcg[2] / queries[2],
                queries[2],
                precision[0] / Math.max(1, queries[0]),
                ndcg[0] / Math.max(1, queries[0]),
                precision[1] / Math.max(1, queries[1]),
                ndcg[1] / Math.max(1, queries[1]));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * The reference method: one field of title, description and keywords cut into character bigrams (and Latin
     * words), BM25, the query's bigrams OR-ed.
     */
    static final class BigramBm25 implements AutoCloseable {

        private final CJKAnalyzer analyzer = new CJKAnalyzer(CharArraySet.EMPTY_SET);
        private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        private final DirectoryReader reader;
        private final IndexSearcher searcher;

        BigramBm25(Map<Long, Labelled> records) throws IOException {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Map.Entry<Long, Labelled> entry : records.entrySet()) {
                    Labelled record = entry.getValue();
                    Document document = new Document();
                    document.add(new StoredField("id", entry.getKey()));
                    document.add(new StringField("key", Long.toString(entry.getKey()), Field.Store.NO));
                    document.add(new TextField(
                            "text",
                            record.title() + "\n" + record.description() + "\n" + String.join(" ", record.keywords()),
                            Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        }

        List<Long> top(String text, long self, int size) throws IOException {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            try (TokenStream tokens = analyzer.tokenStream("text", text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    query.add(new TermQuery(new Term("text", term.toString())), Occur.SHOULD);
                }
                tokens.end();
            }
            query.add(new TermQuery(new Term("key", Long.toString(self))), Occur.MUST_NOT);
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), size).scoreDocs) {
                ids.add(searcher.storedFields()
                        .document(hit.doc)
                        .getField("id")
                        .numericValue()
                        .longValue());
            }
            return ids;
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }
}
