package org.kechuang.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.kechuang.search.analysis.ChineseTextAnalyzer;

/**
 * Tuning aid, not a test and not the evaluation: the ranking's parts re-computed in memory (exact nearest records
 * instead of the HNSW graph, BM25 in memory over the same terms) on a labelled file, so that many settings can be
 * compared in one run. Each line gives P@10 and nDCG@10 on the records of even number (the half settings are chosen
 * on), on those of odd number (the half that checks them) and on all. The evaluation ({@link MatchingEvaluation})
 * measures what was chosen through the platform itself. Run: {@code bench/run-main.sh
 * org.kechuang.matching.MatchingTuning FILE SETS}, SETS one or more letters naming the groups of settings in {@link
 * #main} (a: the ranking's weights before this round; b, c: the space's input; p: power iterations and dimensions; s,
 * f, g, k, r: around 10 power iterations; from ADR 0026's addendum, around the production ranking: m smoothing with
 * the query's record left out, x RM3 and head vectors, h hubness reduction, e joined spaces, i the query's idf power,
 * d and j terms as directions, w whole texts as queries, v the chosen placement against the one before; {@code
 * lengths} prints the terms' coordinate lengths by document frequency). "current" is the ranking before ADR 0026 (3
 * power iterations).
 */
public final class MatchingTuning {

    private MatchingTuning() {}

    static final class Corpus {
        final List<MatchingEvaluation.Labelled> records;
        final List<Map<String, Integer>> text = new ArrayList<>();
        final List<Map<String, Integer>> head = new ArrayList<>();
        final List<Map<String, Integer>> query = new ArrayList<>();
        final List<Map<String, Integer>> textWords = new ArrayList<>();
        final List<Map<String, Integer>> headWords = new ArrayList<>();
        final List<Map<String, Integer>> queryWords = new ArrayList<>();
        final Map<String, Integer> df = new HashMap<>();
        final double averageLength;
        final int[] lengths;

        Corpus(List<MatchingEvaluation.Labelled> records) {
            this.records = records;
            Analyzer analyzer = new ChineseTextAnalyzer();
            long length = 0;
            lengths = new int[records.size()];
            for (MatchingEvaluation.Labelled record : records) {
                Map<String, Integer> tf = new HashMap<>();
                analysed(
                        analyzer,
                        record.title() + "\n" + String.join("；", record.keywords()) + "\n" + record.description(),
                        tf);
                Map<String, Integer> h = new HashMap<>();
                analysed(analyzer, record.title() + "\n" + String.join("；", record.keywords()), h);
                Map<String, Integer> q = new LinkedHashMap<>();
                analysed(analyzer, record.title(), q);
                text.add(tf);
                textWords.add(words(
                        analyzer,
                        record.title() + "\n" + String.join("；", record.keywords()) + "\n" + record.description()));
                headWords.add(words(analyzer, record.title() + "\n" + String.join("；", record.keywords())));
                queryWords.add(words(analyzer, record.title()));
                head.add(h);
                query.add(q);
                tf.keySet().forEach(term -> df.merge(term, 1, Integer::sum));
                lengths[text.size() - 1] =
                        tf.values().stream().mapToInt(Integer::intValue).sum();
                length += lengths[text.size() - 1];
            }
            averageLength = length / (double) records.size();
        }

        Map<String, Integer> vectorInput(int i, int headWeight, boolean wordsOnly) {
            Map<String, Integer> tf = new HashMap<>((wordsOnly ? textWords : text).get(i));
            (wordsOnly ? headWords : head)
                    .get(i)
                    .forEach((term, count) -> tf.merge(term, count * headWeight, Integer::sum));
            return tf;
        }

        double idf(String term) {
            int n = df.getOrDefault(term, 0);
            return Math.log(1 + (records.size() - n + 0.5) / (n + 0.5));
        }

        double[] bm25Weighted(Map<String, Double> q) {
            double[] scores = new double[records.size()];
            for (Map.Entry<String, Double> entry : q.entrySet()) {
                double idf = idf(entry.getKey());
                for (int d = 0; d < records.size(); d++) {
                    Integer f = text.get(d).get(entry.getKey());
                    if (f != null) {
                        double len = lengths[d];
                        scores[d] += entry.getValue() * idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len / averageLength));
                    }
                }
            }
            return scores;
        }

        /** BM25 (k1 1.2, b 0.75) of every record for the query's terms, each boosted by its count. */
        double[] bm25(Map<String, Integer> q) {
            double[] scores = new double[records.size()];
            for (Map.Entry<String, Integer> entry : q.entrySet()) {
                double idf = idf(entry.getKey());
                for (int d = 0; d < records.size(); d++) {
                    Integer f = text.get(d).get(entry.getKey());
                    if (f != null) {
                        double len = lengths[d];
                        scores[d] += entry.getValue() * idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len / averageLength));
                    }
                }
            }
            return scores;
        }
    }

    private static Map<String, Integer> words(Analyzer analyzer, String text) {
        Map<String, Integer> tf = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.TypeAttribute type =
                    tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (!type.type().equals(ChineseTextAnalyzer.BIGRAM)
                        && !type.type().equals(ChineseTextAnalyzer.PART)) {
                    tf.merge(term.toString(), 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tf;
    }

    private static void analysed(Analyzer analyzer, String text, Map<String, Integer> tf) {
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                tf.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings compared. */
    static final class Config implements Cloneable {
        String name = "current";
        int dimensions = 100;
        int headWeight = 1;
        boolean centred;
        int feedback = 5;
        int rounds = 2;
        double feedbackMass = 1;
        double lexicalWeight = 0.1;
        boolean lexicalZ;
        int queryTerms;
        int fusedFeedback;
        boolean wordsOnly;
        int smoothK;
        double smoothAlpha;
        int powerIterations = 3;
        boolean headDocs;
        int minDf = 2;
        int firstPool;
        double sparseWeight;
        int sparseK = 8;
        double sigmaPower = 1;
        boolean keywordTerms;
        int clusters;
        double clusterAlpha;
        boolean clusterQuery;
        int regularizeK;
        double regularizeAlpha;
        double maxDf = 0.5;
        /** Smoothing without the query's own record: its neighbours smoothed as if it were not in the index. */
        boolean smoothLeaveOut;
        /** Pseudo-relevance feedback on the lexical side (RM3-style): records, terms, weight of the expansion. */
        int rm3Docs;

        int rm3Terms;
        double rm3Weight;
        /** A second vector per record, of its title and keywords alone, added with this weight. */
        double headVectorWeight;
        /** Hubness reduction (CSLS-style): minus this times the record's mean similarity to its closest records. */
        double cslsWeight;

        double queryIdfPower = 1;
        boolean queryDirections;
        double recordIdfPower = 1;
        boolean recordDirections;
        /** The query is the record's whole text (title, keywords, abstract), not its title: a long query. */
        boolean wholeQuery;
        /** A second space joined to the first (vectors concatenated, each half weighted): its size, input, weight. */
        int secondDims;

        boolean secondWordsOnly;
        int secondHeadWeight = 1;
        double secondWeight = 1;
        int cslsK = 10;

        Config with(String name, java.util.function.Consumer<Config> change) {
            try {
                Config copy = (Config) clone();
                copy.name = name;
                change.accept(copy);
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        String spaceKey() {
            return dimensions + "/" + headWeight + "/" + centred + "/" + wordsOnly + "/" + smoothK + "/" + smoothAlpha
                    + "/" + powerIterations + "/" + headDocs + "/" + minDf + "/" + maxDf + "/"
                    + sigmaPower + "/" + keywordTerms + "/" + clusters + "/" + clusterAlpha + "/" + clusterQuery + "/"
                    + smoothK + "/" + (headVectorWeight > 0) + "/" + secondDims + "/" + secondWordsOnly + "/"
                    + secondHeadWeight + "/"
                    + secondWeight + "/" + recordIdfPower + "/" + recordDirections;
        }
    }

    static final Config CURRENT = new Config();

    private static final Map<String, Object[]> SPACES = new HashMap<>();
    private static final Map<String, float[]> SCALES = new HashMap<>();

    static float[] scaled(float[] v, float[] scale) {
        if (v == null || scale == null) {
            return v;
        }
        float[] c = v.clone();
        for (int d = 0; d < c.length; d++) {
            c[d] *= scale[d];
        }
        return LatentSpace.normalized(c);
    }

    /** Log-tf × idf of the record's terms (title and keywords counted once more), of unit length. */
    static Map<String, Double> sparse(Corpus corpus, int i) {
        Map<String, Double> weights = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> entry : corpus.vectorInput(i, 1, false).entrySet()) {
            double w = (1 + Math.log(entry.getValue())) * corpus.idf(entry.getKey());
            weights.put(entry.getKey(), w);
            norm += w * w;
        }
        double scale = 1 / Math.sqrt(Math.max(norm, 1e-12));
        weights.replaceAll((term, w) -> w * scale);
        return weights;
    }

    private static final Map<Integer, Map<String, Double>> SPARSE = new HashMap<>();

    public static void main(String[] args) throws Exception {
        Corpus corpus = new Corpus(MatchingEvaluation.read(Path.of(args[0])));
        String set = args.length > 1 ? args[1] : "all";
        if (set.equals("lengths")) {
            lengths(corpus);
            return;
        }
        List<Config> configs = new ArrayList<>();
        configs.add(CURRENT);
        if (set.equals("all") || set.contains("a")) {
            configs.add(CURRENT.with("vectors only (lexical 0)", c -> c.lexicalWeight = 0));
            for (int dims : new int[] {50, 150, 200}) {
                configs.add(CURRENT.with("dims " + dims, c -> c.dimensions = dims));
            }
            configs.add(CURRENT.with("centred", c -> c.centred = true));
            for (double mass : new double[] {0.5, 2, 4}) {
                configs.add(CURRENT.with("feedback mass " + mass, c -> c.feedbackMass = mass));
            }
            for (int f : new int[] {3, 10}) {
                configs.add(CURRENT.with("feedback docs " + f, c -> c.feedback = f));
            }
            for (double w : new double[] {0.05, 0.2, 0.3}) {
                configs.add(CURRENT.with("lexical max-norm " + w, c -> c.lexicalWeight = w));
            }
            for (double w : new double[] {0.01, 0.02, 0.04}) {
                configs.add(CURRENT.with("lexical z-score " + w, c -> {
                    c.lexicalZ = true;
                    c.lexicalWeight = w;
                }));
            }
            for (int t : new int[] {3, 5, 10}) {
                configs.add(CURRENT.with("fused-list feedback " + t, c -> c.fusedFeedback = t));
            }
        }
        if (set.contains("b")) {
            configs.add(CURRENT.with("words only in the space", c -> c.wordsOnly = true));
            for (int k : new int[] {5, 10}) {
                for (double alpha : new double[] {0.5, 1}) {
                    configs.add(CURRENT.with("records smoothed by " + k + " nearest, " + alpha, c -> {
                        c.smoothK = k;
                        c.smoothAlpha = alpha;
                    }));
                }
            }
        }
        if (set.contains("c")) {
            configs.add(CURRENT.with("power iterations 6", c -> c.powerIterations = 6));
            configs.add(CURRENT.with("heads also learnt as records", c -> c.headDocs = true));
            configs.add(CURRENT.with("heads as records, head weight 0", c -> {
                c.headDocs = true;
                c.headWeight = 0;
            }));
            configs.add(CURRENT.with("min df 3", c -> c.minDf = 3));
            configs.add(CURRENT.with("max df 0.2", c -> c.maxDf = 0.2));
            configs.add(CURRENT.with("heads as records + smoothed 5", c -> {
                c.headDocs = true;
                c.smoothK = 5;
                c.smoothAlpha = 1;
            }));
        }
        if (set.contains("p")) {
            for (int pi : new int[] {10, 20}) {
                configs.add(CURRENT.with("power iterations " + pi, c -> c.powerIterations = pi));
            }
            for (int dims : new int[] {150, 200}) {
                configs.add(CURRENT.with("power iterations 10, dims " + dims, c -> {
                    c.powerIterations = 10;
                    c.dimensions = dims;
                }));
            }
            configs.add(CURRENT.with("power iterations 10, smoothed 5", c -> {
                c.powerIterations = 10;
                c.smoothK = 5;
                c.smoothAlpha = 1;
            }));
            configs.add(CURRENT.with("power iterations 10, centred", c -> {
                c.powerIterations = 10;
                c.centred = true;
            }));
        }
        if (set.contains("s")) {
            Config base = CURRENT.with("power iterations 10", c -> c.powerIterations = 10);
            configs.set(0, base);
            configs.add(base.with("pi10 rounds 1", c -> c.rounds = 1));
            configs.add(base.with("pi10 rounds 3", c -> c.rounds = 3));
            configs.add(base.with("pi10 feedback 3", c -> c.feedback = 3));
            configs.add(base.with("pi10 feedback 8", c -> c.feedback = 8));
            configs.add(base.with("pi10 mass 0.5", c -> c.feedbackMass = 0.5));
            configs.add(base.with("pi10 mass 2", c -> c.feedbackMass = 2));
            configs.add(base.with("pi10 lexical 0", c -> c.lexicalWeight = 0));
            configs.add(base.with("pi10 lexical 0.05", c -> c.lexicalWeight = 0.05));
            configs.add(base.with("pi10 lexical 0.2", c -> c.lexicalWeight = 0.2));
            configs.add(base.with("pi10 lexical z 0.01", c -> {
                c.lexicalZ = true;
                c.lexicalWeight = 0.01;
            }));
            configs.add(base.with("pi10 fused feedback 5", c -> c.fusedFeedback = 5));
            configs.add(base.with("pi10 head weight 0", c -> c.headWeight = 0));
            configs.add(base.with("pi10 head weight 2", c -> c.headWeight = 2));
            configs.add(base.with("pi10 dims 80", c -> c.dimensions = 80));
            configs.add(base.with("pi10 dims 120", c -> c.dimensions = 120));
            for (int t : new int[] {5, 10, 20}) {
                configs.add(base.with("pi10 query's " + t + " best terms", c -> c.queryTerms = t));
            }
        }
        if (set.contains("f")) {
            Config base = CURRENT.with("power iterations 10", c -> c.powerIterations = 10);
            configs.set(0, base);
            for (int pool : new int[] {50, 100, 200}) {
                configs.add(base.with("pi10 one search of " + pool, c -> c.firstPool = pool));
            }
        }
        if (set.contains("g")) {
            Config base = CURRENT.with("power iterations 10", c -> c.powerIterations = 10);
            configs.set(0, base);
            for (double w : new double[] {0.25, 0.5, 1}) {
                configs.add(base.with("pi10 sparse centroid of 8, " + w, c -> c.sparseWeight = w));
            }
            for (double sp : new double[] {0.5, 1.5}) {
                configs.add(base.with("pi10 sigma power " + sp, c -> c.sigmaPower = sp));
            }
        }
        if (set.contains("k")) {
            Config base = CURRENT.with("power iterations 10", c -> c.powerIterations = 10);
            configs.set(0, base);
            configs.add(base.with("pi10 keywords as terms", c -> c.keywordTerms = true));
            for (int clusters : new int[] {50, 100}) {
                for (double alpha : new double[] {0.5, 1}) {
                    configs.add(base.with("pi10 " + clusters + " clusters, " + alpha, c -> {
                        c.clusters = clusters;
                        c.clusterAlpha = alpha;
                    }));
                }
            }
            configs.add(base.with("pi10 100 clusters, 0.5, query too", c -> {
                c.clusters = 100;
                c.clusterAlpha = 0.5;
                c.clusterQuery = true;
            }));
            configs.add(base.with("pi10 smoothed 5 + feedback 8", c -> {
                c.smoothK = 5;
                c.smoothAlpha = 1;
                c.feedback = 8;
            }));
        }
        if (set.contains("r")) {
            Config base = CURRENT.with("power iterations 10", c -> c.powerIterations = 10);
            configs.set(0, base);
            for (int k : new int[] {5, 10}) {
                for (double alpha : new double[] {0.5, 1, 2}) {
                    configs.add(base.with("pi10 regularized over the pool, " + k + ", " + alpha, c -> {
                        c.regularizeK = k;
                        c.regularizeAlpha = alpha;
                    }));
                }
            }
        }
        Config production = CURRENT.with("production (ADR 0026)", c -> {
            c.powerIterations = 10;
            c.firstPool = 50;
            c.regularizeK = 5;
            c.regularizeAlpha = 0.5;
        });
        if (set.contains("m")) {
            configs.set(0, production);
            for (int k : new int[] {5}) {
                configs.add(production.with("smoothed " + k, c -> {
                    c.smoothK = k;
                    c.smoothAlpha = 1;
                }));
                configs.add(production.with("smoothed " + k + ", query's record left out", c -> {
                    c.smoothK = k;
                    c.smoothAlpha = 1;
                    c.smoothLeaveOut = true;
                }));
                configs.add(production.with("smoothed " + k + " + 8 feedback, left out", c -> {
                    c.smoothK = k;
                    c.smoothAlpha = 1;
                    c.smoothLeaveOut = true;
                    c.feedback = 8;
                }));
            }
        }
        if (set.contains("x")) {
            configs.set(0, production);
            for (int docs : new int[] {5, 10}) {
                for (double w : new double[] {0.3, 1}) {
                    configs.add(production.with("RM3 " + docs + " records, 20 terms, " + w, c -> {
                        c.rm3Docs = docs;
                        c.rm3Terms = 20;
                        c.rm3Weight = w;
                    }));
                }
            }
            for (double w : new double[] {0.1, 0.25, 0.5}) {
                configs.add(production.with("head vector " + w, c -> c.headVectorWeight = w));
            }
        }
        if (set.contains("h")) {
            configs.set(0, production);
            for (int k : new int[] {5, 10, 20}) {
                for (double w : new double[] {0.1, 0.25, 0.5}) {
                    configs.add(production.with("hubness: minus " + w + " x density of " + k, c -> {
                        c.cslsWeight = w;
                        c.cslsK = k;
                    }));
                }
            }
        }
        if (set.contains("e")) {
            configs.set(0, production);
            configs.add(production.with("+ words-only space of 100", c -> {
                c.secondDims = 100;
                c.secondWordsOnly = true;
            }));
            configs.add(production.with("+ words-only space of 50", c -> {
                c.secondDims = 50;
                c.secondWordsOnly = true;
            }));
            configs.add(production.with("50 + words-only 50", c -> {
                c.dimensions = 50;
                c.secondDims = 50;
                c.secondWordsOnly = true;
            }));
            configs.add(production.with("+ head-weight-0 space of 100", c -> {
                c.secondDims = 100;
                c.secondHeadWeight = 0;
            }));
            configs.add(production.with("+ words-only 100, weight 0.7", c -> {
                c.secondDims = 100;
                c.secondWordsOnly = true;
                c.secondWeight = 0.7;
            }));
        }
        if (set.contains("i")) {
            configs.set(0, production);
            for (double p : new double[] {0.5, 1.5, 2, 2.5, 3, 4}) {
                configs.add(production.with("query's idf ^ " + p, c -> c.queryIdfPower = p));
            }
        }
        if (set.contains("j")) {
            configs.set(0, production);
            configs.add(production.with("query's terms as directions", c -> c.queryDirections = true));
            configs.add(production.with("query's terms as directions, idf ^ 2", c -> {
                c.queryDirections = true;
                c.queryIdfPower = 2;
            }));
            configs.add(production.with("query's + records' terms as directions", c -> {
                c.queryDirections = true;
                c.recordDirections = true;
            }));
            configs.add(production.with("query's and records' idf ^ 2", c -> {
                c.queryIdfPower = 2;
                c.recordIdfPower = 2;
            }));
            configs.add(production.with("query's and records' idf ^ 3", c -> {
                c.queryIdfPower = 3;
                c.recordIdfPower = 3;
            }));
            configs.add(production.with("query's idf ^ 3, no support", c -> {
                c.queryIdfPower = 3;
                c.regularizeK = 0;
            }));
            configs.add(production.with("query's idf ^ 3, lexical 0", c -> {
                c.queryIdfPower = 3;
                c.lexicalWeight = 0;
            }));
        }
        if (set.contains("d")) {
            configs.set(0, production);
            configs.add(production.with("query's terms as directions", c -> c.queryDirections = true));
            for (double p : new double[] {1.5, 2, 2.5, 3}) {
                configs.add(production.with("query's terms as directions, idf ^ " + p, c -> {
                    c.queryDirections = true;
                    c.queryIdfPower = p;
                }));
            }
            configs.add(production.with("query's + records' terms as directions", c -> {
                c.queryDirections = true;
                c.recordDirections = true;
            }));
            configs.add(production.with("query's and records' idf ^ 2", c -> {
                c.queryIdfPower = 2;
                c.recordIdfPower = 2;
            }));
            configs.add(production.with("directions, idf ^ 2, no support", c -> {
                c.queryDirections = true;
                c.queryIdfPower = 2;
                c.regularizeK = 0;
            }));
            configs.add(production.with("directions, idf ^ 2, lexical 0", c -> {
                c.queryDirections = true;
                c.queryIdfPower = 2;
                c.lexicalWeight = 0;
            }));
            configs.add(production.with("directions, idf ^ 2, rounds 1", c -> {
                c.queryDirections = true;
                c.queryIdfPower = 2;
                c.rounds = 1;
            }));
        }
        if (set.contains("w")) {
            Config whole = production.with("production, whole text as the query", c -> c.wholeQuery = true);
            configs.set(0, whole);
            configs.add(whole.with("whole text, terms as directions", c -> c.queryDirections = true));
            configs.add(whole.with("whole text, directions, idf ^ 2", c -> {
                c.queryDirections = true;
                c.queryIdfPower = 2;
            }));
            configs.add(whole.with("whole text, idf ^ 2", c -> c.queryIdfPower = 2));
        }
        if (set.contains("v")) {
            // the chosen weighting against the one before, for a check on another labelling (e.g. csl's category)
            configs.set(0, production);
            configs.add(production.with("query's terms as directions", c -> c.queryDirections = true));
            configs.add(production.with("query's terms as directions, idf ^ 2", c -> {
                c.queryDirections = true;
                c.queryIdfPower = 2;
            }));
            configs.add(production.with("query's idf ^ 2", c -> c.queryIdfPower = 2));
        }
        if (set.contains("q")) {
            for (int t : new int[] {10, 20, 30, 40}) {
                configs.add(CURRENT.with("query's " + t + " best terms", c -> c.queryTerms = t));
            }
        }
        System.out.printf(
                Locale.ROOT, "%-36s %13s %13s %13s%n", "setting (P@10 / nDCG@10)", "even (tune)", "odd (check)", "all");
        for (Config config : configs) {
            double[][] figures = evaluate(corpus, config);
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %.3f / %.3f %.3f / %.3f %.3f / %.3f%n",
                    config.name,
                    figures[0][0],
                    figures[0][1],
                    figures[1][0],
                    figures[1][1],
                    figures[2][0],
                    figures[2][1]);
        }
    }

    /** [even, odd, all] × [P@10, nDCG@10]. */
    static double[][] evaluate(Corpus corpus, Config config) {
        int n = corpus.records.size();
        Object[] cached = SPACES.computeIfAbsent(config.spaceKey(), key -> space(corpus, config));
        LatentSpace space = (LatentSpace) cached[0];
        float[][] vectors = (float[][]) cached[1];
        float[] mean = (float[]) cached[2];
        Map<String, Integer> perLabel = new HashMap<>();
        corpus.records.forEach(record -> perLabel.merge(record.label(), 1, Integer::sum));
        double[][] sums = new double[3][2];
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            float[][] used = config.smoothLeaveOut ? leftOut(config, vectors, (float[][]) cached[3], i) : vectors;
            HEADS = (float[][]) cached[4];
            List<Integer> top = rank(corpus, config, space, used, mean, i);
            String label = corpus.records.get(i).label();
            double dcg = 0;
            int hits = 0;
            for (int rank = 0; rank < Math.min(10, top.size()); rank++) {
                if (label.equals(corpus.records.get(top.get(rank)).label())) {
                    hits++;
                    dcg += 1 / (Math.log(rank + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(10, perLabel.get(label) - 1); rank++) {
                ideal += 1 / (Math.log(rank + 2) / Math.log(2));
            }
            int half = MatchingEvaluation.half(corpus.records.get(i).sourceId());
            for (int slot : new int[] {half, 2}) {
                sums[slot][0] += hits / 10.0;
                sums[slot][1] += ideal == 0 ? 0 : dcg / ideal;
                counts[slot]++;
            }
        }
        for (int slot = 0; slot < 3; slot++) {
            sums[slot][0] /= counts[slot];
            sums[slot][1] /= counts[slot];
        }
        return sums;
    }

    private static final Map<float[][], int[][]> CLOSEST = new java.util.IdentityHashMap<>();

    /** Each record's mean similarity to its cslsK closest records, the query's own record left out. */
    static double[] density(Config config, float[][] vectors, int self) {
        int[][] lists = CLOSEST.computeIfAbsent(vectors, key -> {
            int[][] closest = new int[vectors.length][];
            for (int i = 0; i < vectors.length; i++) {
                if (vectors[i] == null) {
                    continue;
                }
                Integer[] top = order(similarities(vectors, vectors[i]), i);
                closest[i] = new int[Math.min(30, top.length)];
                for (int j = 0; j < closest[i].length; j++) {
                    closest[i][j] = top[j];
                }
            }
            return closest;
        });
        double[] density = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            if (lists[i] == null) {
                continue;
            }
            double sum = 0;
            for (int j = 0, taken = 0; j < lists[i].length && taken < config.cslsK; j++) {
                if (lists[i][j] != self) {
                    sum += MatchingIndex.dot(vectors[i], vectors[lists[i][j]]);
                    taken++;
                }
            }
            density[i] = sum / config.cslsK;
        }
        return density;
    }

    private static final Map<String, LatentSpace> SECOND = new HashMap<>();

    static float[] joined(Config config, float[] a, float[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        float[] joined = new float[a.length + b.length];
        for (int d = 0; d < a.length; d++) {
            joined[d] = a[d];
        }
        for (int d = 0; d < b.length; d++) {
            joined[a.length + d] = (float) (config.secondWeight * b[d]);
        }
        return LatentSpace.normalized(joined);
    }

    /** The mean length of the terms' coordinates in the production space, by document frequency. */
    static void lengths(Corpus corpus) {
        Config config = CURRENT.with("production", c -> c.powerIterations = 10);
        LatentSpace space = (LatentSpace) space(corpus, config)[0];
        int[] bounds = {2, 3, 5, 10, 20, 50, 100, 200, 501};
        double[] sums = new double[bounds.length];
        int[] counts = new int[bounds.length];
        for (Map.Entry<String, Integer> entry : corpus.df.entrySet()) {
            float[] v = space.embedQuery(Map.of(entry.getKey(), 1), 1) == null
                    ? null
                    : space.termCoordinates(entry.getKey());
            if (v == null) {
                continue;
            }
            double length = Math.sqrt(MatchingIndex.dot(v, v));
            for (int b = bounds.length - 1; b >= 0; b--) {
                if (entry.getValue() >= bounds[b]) {
                    sums[b] += length;
                    counts[b]++;
                    break;
                }
            }
        }
        for (int b = 0; b < bounds.length; b++) {
            System.out.printf(
                    Locale.ROOT,
                    "df >= %3d: %6d terms, mean length %.4f%n",
                    bounds[b],
                    counts[b],
                    counts[b] == 0 ? 0 : sums[b] / counts[b]);
        }
    }

    private static float[][] HEADS;
    private static final Map<String, int[][]> NEIGHBOURS = new HashMap<>();

    /**
     * The smoothed vectors as they would be had the query's record not been in the index: every record that had it
     * among its closest is smoothed again with its closest but it.
     */
    static float[][] leftOut(Config config, float[][] smoothed, float[][] plain, int self) {
        int[][] neighbours = NEIGHBOURS.computeIfAbsent(config.spaceKey(), key -> {
            int[][] lists = new int[plain.length][];
            for (int i = 0; i < plain.length; i++) {
                if (plain[i] == null) {
                    continue;
                }
                Integer[] top = order(similarities(plain, plain[i]), i);
                lists[i] = new int[config.smoothK + 1];
                for (int j = 0; j <= config.smoothK; j++) {
                    lists[i][j] = top[j];
                }
            }
            return lists;
        });
        float[][] used = smoothed.clone();
        for (int i = 0; i < plain.length; i++) {
            if (neighbours[i] == null) {
                continue;
            }
            boolean had = false;
            for (int j = 0; j < config.smoothK; j++) {
                had |= neighbours[i][j] == self;
            }
            if (!had) {
                continue;
            }
            float[] v = plain[i].clone();
            for (int j = 0, taken = 0; j <= config.smoothK && taken < config.smoothK; j++) {
                int other = neighbours[i][j];
                if (other == self) {
                    continue;
                }
                taken++;
                double w = config.smoothAlpha * MatchingIndex.dot(plain[i], plain[other]) / config.smoothK;
                for (int d = 0; d < v.length; d++) {
                    v[d] += (float) (w * plain[other][d]);
                }
            }
            used[i] = LatentSpace.normalized(v);
        }
        return used;
    }

    private static Object[] space(Corpus corpus, Config config) {
        int n = corpus.records.size();
        LatentSpace space = LatentSpace.train(
                consumer -> {
                    for (int i = 0; i < n; i++) {
                        consumer.accept(input(corpus, config, i));
                        if (config.headDocs) {
                            consumer.accept(corpus.head.get(i));
                        }
                    }
                },
                new LatentSpace.Settings(
                        config.dimensions, config.minDf, config.maxDf, 60_000, config.powerIterations, 42));
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = space.embed(input(corpus, config, i), config.recordIdfPower, config.recordDirections);
        }
        if (config.secondDims > 0) {
            LatentSpace second = LatentSpace.train(
                    consumer -> {
                        for (int i = 0; i < n; i++) {
                            consumer.accept(corpus.vectorInput(i, config.secondHeadWeight, config.secondWordsOnly));
                        }
                    },
                    new LatentSpace.Settings(
                            config.secondDims, config.minDf, config.maxDf, 60_000, config.powerIterations, 42));
            SECOND.put(config.spaceKey(), second);
            for (int i = 0; i < n; i++) {
                vectors[i] = joined(
                        config,
                        vectors[i],
                        second.embed(corpus.vectorInput(i, config.secondHeadWeight, config.secondWordsOnly)));
            }
        }
        float[] mean = null;
        if (config.centred) {
            mean = new float[config.dimensions];
            for (float[] v : vectors) {
                for (int d = 0; d < v.length; d++) {
                    mean[d] += v[d] / n;
                }
            }
            for (int i = 0; i < n; i++) {
                vectors[i] = centred(vectors[i], mean);
            }
        }
        if (config.sigmaPower != 1) {
            double[] rms = new double[config.dimensions];
            for (float[] v : vectors) {
                if (v != null) {
                    for (int d = 0; d < v.length; d++) {
                        rms[d] += v[d] * v[d];
                    }
                }
            }
            float[] scale = new float[config.dimensions];
            for (int d = 0; d < scale.length; d++) {
                scale[d] = rms[d] == 0 ? 0 : (float) Math.pow(Math.sqrt(rms[d] / n), config.sigmaPower - 1);
            }
            SCALES.put(config.spaceKey(), scale);
            for (int i = 0; i < n; i++) {
                vectors[i] = scaled(vectors[i], scale);
            }
        }
        if (config.clusters > 0) {
            float[][] centroids = kmeans(vectors, config.clusters);
            CENTROIDS.put(config.spaceKey(), centroids);
            for (int i = 0; i < n; i++) {
                vectors[i] = towardsCentroid(centroids, vectors[i], config.clusterAlpha);
            }
        }
        float[][] plain = null;
        if (config.smoothK > 0) {
            float[][] smoothed = new float[n][];
            for (int i = 0; i < n; i++) {
                if (vectors[i] == null) {
                    continue;
                }
                double[] sims = similarities(vectors, vectors[i]);
                Integer[] top = order(sims, i);
                float[] v = vectors[i].clone();
                for (int j = 0; j < config.smoothK; j++) {
                    double w = config.smoothAlpha * sims[top[j]] / config.smoothK;
                    for (int d = 0; d < v.length; d++) {
                        v[d] += (float) (w * vectors[top[j]][d]);
                    }
                }
                smoothed[i] = LatentSpace.normalized(v);
            }
            plain = vectors;
            vectors = smoothed;
        }
        float[][] heads = null;
        if (config.headVectorWeight > 0) {
            heads = new float[n][];
            for (int i = 0; i < n; i++) {
                heads[i] = space.embed(corpus.head.get(i));
            }
        }
        return new Object[] {space, vectors, mean, plain, heads};
    }

    static Map<String, Integer> input(Corpus corpus, Config config, int i) {
        Map<String, Integer> tf = corpus.vectorInput(i, config.headWeight, config.wordsOnly);
        if (config.keywordTerms) {
            for (String keyword : corpus.records.get(i).keywords()) {
                tf.merge("kw:" + keyword.strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return tf;
    }

    /** k-means (dot product on unit vectors, 10 rounds, seeded by every (n/c)-th record): the centroids. */
    static float[][] kmeans(float[][] vectors, int c) {
        int n = vectors.length;
        int dims = 0;
        for (float[] v : vectors) {
            if (v != null) {
                dims = v.length;
            }
        }
        float[][] centroids = new float[c][];
        for (int j = 0; j < c; j++) {
            int at = (int) ((long) j * n / c);
            while (vectors[at] == null) {
                at = (at + 1) % n;
            }
            centroids[j] = vectors[at].clone();
        }
        int[] assigned = new int[n];
        for (int iteration = 0; iteration < 10; iteration++) {
            for (int i = 0; i < n; i++) {
                assigned[i] = nearestCentroid(centroids, vectors[i]);
            }
            float[][] sums = new float[c][dims];
            for (int i = 0; i < n; i++) {
                if (vectors[i] != null) {
                    for (int d = 0; d < dims; d++) {
                        sums[assigned[i]][d] += vectors[i][d];
                    }
                }
            }
            for (int j = 0; j < c; j++) {
                float[] normalized = LatentSpace.normalized(sums[j]);
                if (normalized != null) {
                    centroids[j] = normalized;
                }
            }
        }
        return centroids;
    }

    static int nearestCentroid(float[][] centroids, float[] v) {
        if (v == null) {
            return 0;
        }
        int best = 0;
        double bestDot = -2;
        for (int j = 0; j < centroids.length; j++) {
            double dot = MatchingIndex.dot(centroids[j], v);
            if (dot > bestDot) {
                bestDot = dot;
                best = j;
            }
        }
        return best;
    }

    static float[] towardsCentroid(float[][] centroids, float[] v, double alpha) {
        if (v == null || centroids == null) {
            return v;
        }
        float[] c = centroids[nearestCentroid(centroids, v)];
        float[] moved = v.clone();
        for (int d = 0; d < moved.length; d++) {
            moved[d] += (float) (alpha * c[d]);
        }
        return LatentSpace.normalized(moved);
    }

    private static final Map<String, float[][]> CENTROIDS = new HashMap<>();

    static float[] centred(float[] v, float[] mean) {
        if (v == null || mean == null) {
            return v;
        }
        float[] c = v.clone();
        for (int d = 0; d < c.length; d++) {
            c[d] -= mean[d];
        }
        return LatentSpace.normalized(c);
    }

    private static double[] similarities(float[][] vectors, float[] q) {
        double[] s = new double[vectors.length];
        for (int d = 0; d < vectors.length; d++) {
            s[d] = q == null || vectors[d] == null ? -2 : MatchingIndex.dot(q, vectors[d]);
        }
        return s;
    }

    private static Integer[] order(double[] scores, int self) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return Arrays.stream(order).filter(d -> d != self).toArray(Integer[]::new);
    }

    private static float[] rocchio(float[] q, float[][] vectors, Integer[] top, double[] weights, int k, double mass) {
        float[] moved = q.clone();
        double best = weights[top[0]];
        for (int j = 0; j < Math.min(k, top.length); j++) {
            double s = weights[top[j]];
            if (best <= 0 || s <= 0 || vectors[top[j]] == null) {
                continue;
            }
            double w = mass * Math.pow(s / best, 2) / k;
            for (int d = 0; d < moved.length; d++) {
                moved[d] += (float) (w * vectors[top[j]][d]);
            }
        }
        float[] normalized = LatentSpace.normalized(moved);
        return normalized == null ? q : normalized;
    }

    static List<Integer> rank(
            Corpus corpus, Config config, LatentSpace space, float[][] vectors, float[] mean, int self) {
        Map<String, Integer> qtf = config.wholeQuery ? corpus.text.get(self) : corpus.query.get(self);
        if (config.queryTerms > 0 && qtf.size() > config.queryTerms) {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(qtf.entrySet());
            entries.sort((a, b) ->
                    Double.compare(b.getValue() * corpus.idf(b.getKey()), a.getValue() * corpus.idf(a.getKey())));
            Map<String, Integer> kept = new LinkedHashMap<>();
            entries.subList(0, config.queryTerms).forEach(e -> kept.put(e.getKey(), e.getValue()));
            qtf = kept;
        }
        float[] q = scaled(
                centred(
                        space.embed(
                                config.wordsOnly ? corpus.queryWords.get(self) : qtf,
                                config.queryIdfPower,
                                config.queryDirections),
                        mean),
                SCALES.get(config.spaceKey()));
        if (config.secondDims > 0) {
            q = joined(
                    config,
                    q,
                    SECOND.get(config.spaceKey()).embed(config.secondWordsOnly ? corpus.queryWords.get(self) : qtf));
        }
        float[] q0 = q;
        if (config.clusterQuery) {
            q = towardsCentroid(CENTROIDS.get(config.spaceKey()), q, config.clusterAlpha);
        }
        double[] sims = similarities(vectors, q);
        boolean[] allowed = null;
        if (config.firstPool > 0) {
            allowed = new boolean[sims.length];
            Integer[] first = order(sims, self);
            for (int j = 0; j < Math.min(config.firstPool, first.length); j++) {
                allowed[first[j]] = true;
            }
        }
        for (int round = 0; round < config.rounds && q != null; round++) {
            q = rocchio(q, vectors, order(sims, self), sims, config.feedback, config.feedbackMass);
            sims = restricted(similarities(vectors, q), allowed);
        }
        double[] bm25 = corpus.bm25(qtf);
        double[] poolSims = sims;
        if (allowed != null && q != null) {
            sims = similarities(vectors, q);
            poolSims = restricted(sims.clone(), allowed);
        }
        double[] score = fuse(config, poolSims, sims, bm25, self);
        if (config.rm3Docs > 0) {
            // RM3-style: the query's terms and the most weighty terms of the best fused candidates, BM25 again
            Integer[] top = order(score, self);
            Map<String, Double> expansion = new HashMap<>();
            for (int j = 0; j < Math.min(config.rm3Docs, top.length); j++) {
                double w = Math.max(0, score[top[j]]);
                SPARSE.computeIfAbsent(top[j], d -> sparse(corpus, d))
                        .forEach((term, v) -> expansion.merge(term, w * v, Double::sum));
            }
            List<Map.Entry<String, Double>> entries = new ArrayList<>(expansion.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            Map<String, Double> weighted = new HashMap<>();
            qtf.forEach((term, count) -> weighted.merge(term, (double) count, Double::sum));
            double best = entries.isEmpty() ? 1 : entries.get(0).getValue();
            for (Map.Entry<String, Double> entry : entries.subList(0, Math.min(config.rm3Terms, entries.size()))) {
                weighted.merge(entry.getKey(), config.rm3Weight * entry.getValue() / best, Double::sum);
            }
            bm25 = corpus.bm25Weighted(weighted);
            score = fuse(config, poolSims, sims, bm25, self);
        }
        if (config.cslsWeight > 0) {
            double[] density = density(config, vectors, self);
            for (int d = 0; d < score.length; d++) {
                if (score[d] > -10) {
                    score[d] -= config.cslsWeight * density[d];
                }
            }
        }
        if (config.headVectorWeight > 0 && q0 != null) {
            for (int d = 0; d < score.length; d++) {
                if (score[d] > -10 && HEADS[d] != null) {
                    score[d] += config.headVectorWeight * MatchingIndex.dot(q0, HEADS[d]);
                }
            }
        }
        if (config.fusedFeedback > 0 && q != null) {
            Integer[] top = order(score, self);
            q = rocchio(q, vectors, top, score, config.fusedFeedback, config.feedbackMass);
            sims = similarities(vectors, q);
            score = fuse(config, sims, sims, bm25, self);
        }
        if (config.regularizeK > 0 && q != null) {
            // score regularization over the pool: each candidate's similarity joined by its closest candidates'
            List<Integer> pool = new ArrayList<>();
            for (int d = 0; d < score.length; d++) {
                if (score[d] > -10) {
                    pool.add(d);
                }
            }
            double[] regularized = score.clone();
            for (int d : pool) {
                if (vectors[d] == null) {
                    continue;
                }
                double[] near = new double[pool.size()];
                Integer[] idx = new Integer[pool.size()];
                for (int j = 0; j < pool.size(); j++) {
                    idx[j] = j;
                    int other = pool.get(j);
                    near[j] = other == d || vectors[other] == null ? -2 : MatchingIndex.dot(vectors[d], vectors[other]);
                }
                Arrays.sort(idx, (a, b) -> Double.compare(near[b], near[a]));
                double sum = 0;
                for (int j = 0; j < Math.min(config.regularizeK, idx.length); j++) {
                    if (near[idx[j]] > 0) {
                        sum += near[idx[j]] * sims[pool.get(idx[j])];
                    }
                }
                regularized[d] += config.regularizeAlpha * sum / config.regularizeK;
            }
            score = regularized;
        }
        if (config.sparseWeight > 0 && q != null) {
            // the sparse centroid of the closest records (by the refined vector): their exact terms
            Integer[] near = order(sims, self);
            Map<String, Double> centroid = new HashMap<>();
            for (int j = 0; j < config.sparseK; j++) {
                double w = Math.max(0, sims[near[j]]);
                SPARSE.computeIfAbsent(near[j], d -> sparse(corpus, d))
                        .forEach((term, v) -> centroid.merge(term, w * v, Double::sum));
            }
            double norm =
                    Math.sqrt(centroid.values().stream().mapToDouble(v -> v * v).sum());
            for (int d = 0; d < score.length; d++) {
                if (score[d] > -10 && norm > 0) {
                    double dot = 0;
                    for (Map.Entry<String, Double> entry :
                            SPARSE.computeIfAbsent(d, x -> sparse(corpus, x)).entrySet()) {
                        Double c = centroid.get(entry.getKey());
                        if (c != null) {
                            dot += c * entry.getValue();
                        }
                    }
                    score[d] += config.sparseWeight * dot / norm;
                }
            }
        }
        Integer[] top = order(score, self);
        return Arrays.asList(top).subList(0, Math.min(10, top.length));
    }

    private static double[] restricted(double[] sims, boolean[] allowed) {
        if (allowed != null) {
            for (int d = 0; d < sims.length; d++) {
                if (!allowed[d]) {
                    sims[d] = -2;
                }
            }
        }
        return sims;
    }

    private static double[] fuse(Config config, double[] poolSims, double[] sims, double[] bm25, int self) {
        // the pool: the 50 nearest and the 50 best by BM25, as the platform's candidates
        Integer[] byVector = order(poolSims, self);
        Integer[] byLexical = order(bm25, self);
        double[] score = new double[sims.length];
        Arrays.fill(score, -10);
        double top = bm25[byLexical[0]] <= 0 ? 1 : bm25[byLexical[0]];
        double mean = 0;
        double sd = 1;
        if (config.lexicalZ) {
            double sum = 0;
            double squares = 0;
            int m = 0;
            for (int d = 0; d < bm25.length; d++) {
                if (d != self) {
                    sum += bm25[d];
                    squares += bm25[d] * bm25[d];
                    m++;
                }
            }
            mean = sum / m;
            sd = Math.sqrt(Math.max(1e-12, squares / m - mean * mean));
        }
        for (Integer[] pool : List.of(byVector, byLexical)) {
            for (int j = 0; j < Math.min(50, pool.length); j++) {
                int d = pool[j];
                double lexical = config.lexicalZ ? (bm25[d] - mean) / sd : bm25[d] / top;
                score[d] = sims[d] + config.lexicalWeight * lexical;
            }
        }
        return score;
    }
}
