package org.kechuang.matching;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.kechuang.search.Access;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.Searcher;
import org.kechuang.search.analysis.ChineseTextAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching index: the libraries' searchable records (as their {@code SearchSource}s give them) in a Lucene index
 * of its own, each with its terms (for BM25 and for the learnt vectors) and its place in the {@link LatentSpace}
 * learnt from those records (an HNSW graph answers the nearest ones). The learnt space is kept in a file beside the
 * index; the vectors in the index always belong to the space in that file (the commit names it).
 */
final class MatchingIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MatchingIndex.class);

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String BODY = "body";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String VECTOR_STORED = "vector_stored";
    static final String PUBLISHED = "published";
    static final String CONFIDENTIAL = "confidential";
    static final String STATION = "station";
    static final String OWNER = "owner";
    private static final List<String> CODES =
            List.of("industrySection", "industryCode", "chainNodeCode", "regionCode", "status");

    private static final String LAYOUT_DATA = "kechuang.layout";
    private static final String SPACE_DATA = "kechuang.space";
    private static final String SPACE_RECORDS_DATA = "kechuang.space.records";
    /** Records analysed together on every processor when a space is re-placed. */
    private static final int PARALLEL_PAGE = 1_000;
    /** A group at least this large is analysed on every processor. */
    private static final int PARALLEL_FROM = 200;
    /** The analysis and fields the documents were written with: another layout is rebuilt. */
    static final String LAYOUT = "analysis " + ChineseTextAnalyzer.VERSION + ", matching 1";

    private static final String SPACE_FILE = "latent-space.bin";
    private static final String NO_SPACE = "none";
    private static final FieldType TEXT_WITH_VECTORS = new FieldType();
    /**
     * The HNSW graph of the vectors: Lucene's 16 neighbours per node, but 50 candidates kept while a node is linked
     * instead of 100, which halves what building the graph costs (the largest part of indexing a million records);
     * the graph's recall for the 5 to 50 nearest records the ranking asks for stays high (ADR 0016).
     */
    private static final KnnVectorsFormat GRAPH = new Lucene99HnswVectorsFormat(16, 50);

    static {
        TEXT_WITH_VECTORS.setTokenized(true);
        TEXT_WITH_VECTORS.setStored(false);
        TEXT_WITH_VECTORS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TEXT_WITH_VECTORS.setStoreTermVectors(true);
        TEXT_WITH_VECTORS.freeze();
    }

    private final Path folder;
    private final Directory directory;
    private final Analyzer analyzer = new ChineseTextAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LatentSpace.Settings settings;
    private final String layout;
    private volatile boolean rebuildNeeded;
    private volatile Space space;
    /** Writers of records at work (waiting for the index or writing), and when the last one finished. */
    private final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();

    private volatile long lastWrite = System.nanoTime();

    /**
     * The learnt space with the name that the index's vectors carry.
     *
     * @param records how many records the index held when it was learnt (it learnt from at most a sample of them)
     */
    record Space(String name, LatentSpace vectors, long records) {}

    MatchingIndex(Path folder, LatentSpace.Settings settings) {
        this.folder = folder;
        this.settings = settings;
        try {
            Files.createDirectories(folder);
            this.directory = FSDirectory.open(folder);
            boolean exists = DirectoryReader.indexExists(directory);
            this.writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(analyzer)
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                            // fewer, larger segments: each flushed segment builds an HNSW graph of its own
                            .setRAMBufferSizeMB(64)
                            // segments of at most 1 GB: merging a graph of millions of vectors takes more time and
                            // heap than searching a few more segments costs
                            .setMergePolicy(new TieredMergePolicy().setMaxMergedSegmentMB(1024))
                            .setCodec(new Lucene104Codec() {
                                @Override
                                public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                                    return GRAPH;
                                }
                            })
                            .setCommitOnClose(true));
            String layout = stored(LAYOUT_DATA);
            String spaceName = stored(SPACE_DATA);
            this.layout = LAYOUT + ", " + settings.dimensions() + " dimensions";
            this.rebuildNeeded = !exists || !this.layout.equals(layout);
            if (rebuildNeeded) {
                writer.deleteAll();
                spaceName = NO_SPACE;
            }
            String spaceRecords = stored(SPACE_RECORDS_DATA);
            this.space = loadSpace(spaceName, spaceRecords == null ? -1 : Long.parseLong(spaceRecords));
            this.searchers = new SearcherManager(writer, null);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the matching index in " + folder, e);
        }
    }

    private String stored(String key) {
        if (writer.getLiveCommitData() != null) {
            for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
                if (entry.getKey().equals(key)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private Space loadSpace(String name, long records) {
        Path file = folder.resolve(SPACE_FILE);
        if (name == null || name.equals(NO_SPACE) || !Files.exists(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String fileName = in.readUTF();
            if (!fileName.equals(name)) {
                log.warn("The learnt vectors in {} are not those of the matching index: they are retrained", file);
                return null;
            }
            LatentSpace vectors = LatentSpace.read(in);
            return new Space(name, vectors, records < 0 ? vectors.documents() : records);
        } catch (IOException e) {
            log.warn("The learnt vectors in {} cannot be read ({}): they are retrained", file, e.toString());
            return null;
        }
    }

    boolean needsRebuild() {
        return rebuildNeeded;
    }

    void rebuilt() {
        rebuildNeeded = false;
        commitQuietly();
    }

    /** The current learnt space, null before the first training. */
    LatentSpace space() {
        Space current = space;
        return current == null ? null : current.vectors();
    }

    /** How many records the index held when the current space was learnt; 0 before the first training. */
    long spaceRecords() {
        Space current = space;
        return current == null ? 0 : current.records();
    }

    long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Adds the records or replaces those of the same type and id; they get their place in the current space. */
    void index(Collection<SearchDocument> documents) {
        writing.incrementAndGet();
        try {
            indexNow(documents);
        } finally {
            lastWrite = System.nanoTime();
            writing.decrementAndGet();
        }
    }

    /** Whether no record was added, replaced or removed for the duration, and none is being written now. */
    boolean quietFor(java.time.Duration duration) {
        return writing.get() == 0 && System.nanoTime() - lastWrite >= duration.toNanos();
    }

    private synchronized void indexNow(Collection<SearchDocument> documents) {
        Space current = space;
        // the last state of a record given twice wins, as it would one after the other
        Map<String, SearchDocument> latest = new LinkedHashMap<>();
        documents.forEach(document -> latest.put(document.type() + ":" + document.id(), document));
        try {
            write(List.copyOf(latest.values()), current);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces the records, analysed on every processor for a large group (the writer takes documents from
     * several threads); each record once.
     */
    private void write(List<SearchDocument> documents, Space current) throws IOException {
        if (documents.size() < PARALLEL_FROM) {
            for (SearchDocument document : documents) {
                writer.updateDocument(key(document.type(), document.id()), toLucene(document, current));
            }
            return;
        }
        try {
            documents.parallelStream().forEach(document -> {
                try {
                    writer.updateDocument(key(document.type(), document.id()), toLucene(document, current));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    synchronized void delete(String type, Collection<Long> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(id -> key(type, id)).toArray(Term[]::new));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lastWrite = System.nanoTime();
        }
    }

    synchronized void clear() {
        try {
            writer.deleteAll();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Learns the space again from the records in the index (from an even sample of at most {@code sample} of them) and
     * gives every record its new place; searches go on meanwhile with the old space (the new places become visible
     * with the new space, at one commit). Returns the new space, or null when there is too little to learn from.
     */
    synchronized LatentSpace retrain(int sample) {
        IndexSearcher snapshot = acquire();
        try {
            IndexReader reader = snapshot.getIndexReader();
            int records = reader.numDocs();
            int taken = Math.max(1, Math.min(sample, records));
            LatentSpace trained =
                    LatentSpace.train(consumer -> eachTermFrequencies(reader, records, taken, consumer), settings);
            if (trained == null) {
                return null;
            }
            Space next = new Space(UUID.randomUUID().toString(), trained, records);
            writeSpace(next);
            StoredFields stored = reader.storedFields();
            List<SearchDocument> page = new ArrayList<>(PARALLEL_PAGE);
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    page.add(fromLucene(stored.document(leaf.docBase + doc)));
                    if (page.size() == PARALLEL_PAGE) {
                        write(page, next);
                        page.clear();
                    }
                }
            }
            write(page, next);
            space = next;
            commit();
            log.info(
                    "Matching vectors learnt from {} of {} records: {} terms, {} dimensions",
                    trained.documents(),
                    records,
                    trained.vocabularySize(),
                    trained.dimensions());
            return trained;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot);
        }
    }

    /** Learns the space again from every record in the index (no sampling). */
    LatentSpace retrain() {
        return retrain(Integer.MAX_VALUE);
    }

    private void writeSpace(Space next) throws IOException {
        Path temporary = folder.resolve(SPACE_FILE + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeUTF(next.name());
            next.vectors().write(out);
        }
        Files.move(temporary, folder.resolve(SPACE_FILE), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The term frequencies of {@code taken} of the {@code records} live records, evenly spread over the index (all of
     * them when they are as many), title and keywords counted once more.
     */
    private static void eachTermFrequencies(
            IndexReader reader, int records, int taken, Consumer<Map<String, Integer>> consumer) {
        try {
            TermVectors vectors = reader.termVectors();
            long seen = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    // the n-th live record is taken when n · taken / records passes a whole number
                    if ((live == null || live.get(doc)) && (seen++ * taken) % records < taken) {
                        Map<String, Integer> frequencies = termFrequencies(vectors.get(leaf.docBase + doc, TEXT));
                        Document head = reader.storedFields().document(leaf.docBase + doc, Set.of(TITLE, KEYWORDS));
                        addHead(frequencies, head.get(TITLE), Arrays.asList(head.getValues(KEYWORDS)));
                        consumer.accept(frequencies);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> termFrequencies(Terms terms) throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                frequencies.put(term.utf8ToString(), (int) each.totalTermFreq());
            }
        }
        return frequencies;
    }

    /** The terms of a text as the index makes them, with their counts. */
    Map<String, Integer> termFrequencies(String text) {
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        forEachToken(text, (term, type) -> frequencies.merge(term, 1, Integer::sum));
        return frequencies;
    }

    /** The whole words and terms of a text (no character bigrams), as the index makes them. */
    List<String> words(String text) {
        List<String> words = new ArrayList<>();
        forEachToken(text, (term, type) -> {
            if (!type.equals(ChineseTextAnalyzer.BIGRAM) && !type.equals(ChineseTextAnalyzer.PART)) {
                words.add(term);
            }
        });
        return words;
    }

    private void forEachToken(String text, java.util.function.BiConsumer<String, String> each) {
        if (text == null || text.isBlank()) {
            return;
        }
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                each.accept(term.toString(), type.type());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many records hold the term, and how many there are: for the weight of a shared concept. */
    double idf(String term) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            int df = reader.docFreq(new Term(TEXT, term));
            return Math.log((reader.numDocs() + 1.0) / (df + 1.0));
        });
    }

    Optional<SearchDocument> document(String type, long id) {
        return withSearcher(searcher -> {
            TopDocs found = searcher.search(new TermQuery(key(type, id)), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(fromLucene(searcher.storedFields().document(found.scoreDocs[0].doc)));
        });
    }

    /**
     * A candidate with its vector similarity to the (refined) query, its BM25 score relative to the best, and the
     * support of its closest fellow candidates (0 unless asked for).
     */
    record Hit(SearchDocument document, double similarity, double lexical, double support) {}

    /**
     * How many of a text's terms its BM25 share asks for: the most informative ones by tf × idf against the index
     * (MoreLikeThis-style). A title has fewer; a demand's whole text (title, background, problems) has a hundred and
     * more, whose common ones cost most of the lexical search and add little (ADR 0026).
     */
    static final int QUERY_TERMS = 30;

    /**
     * The records among {@code filter} closest to the text: by the learnt vectors, the query refined with the
     * {@code feedback} closest records (pseudo-relevance feedback), {@code rounds} times over (each round starting
     * from the previous round's vector), together with BM25 over its most informative terms; at most {@code size} of
     * each, unordered. One nearest-neighbour search finds the {@code size} records closest to the text's own vector;
     * the refinement rounds and the final order use their vectors in memory (a second search with the refined vector
     * found the same proposals on the labelled file, ADR 0026).
     */
    List<Hit> candidates(String text, Query filter, int size, int feedback, int rounds) {
        return candidates(text, filter, size, feedback, rounds, 0, 0, QueryWeighting.DEFAULT);
    }

    /**
     * How the text asked about is placed in the learnt space: its terms by their directions or by their coordinates,
     * each weighted by (1 + log count) × idf^{@code idfPower} (ADR 0026, addendum: directions, idf squared).
     * {@link #RECORD} places it as a record is placed (the ranking before the addendum).
     */
    record QueryWeighting(boolean directions, double idfPower) {

        static final QueryWeighting DEFAULT = new QueryWeighting(true, 2);
        static final QueryWeighting RECORD = new QueryWeighting(false, 1);

        float[] place(LatentSpace space, Map<String, Integer> terms) {
            return space.embed(terms, idfPower, directions);
        }
    }

    /**
     * As {@link #candidates(String, Query, int, int, int)}, each candidate's similarity joined by its {@code
     * neighbours} closest candidates' (score regularization over the candidates: a record close to several good
     * candidates is likelier of their subject than one that stands alone): {@link Hit#support} is {@code
     * neighbourWeight} × the mean over them of (their closeness to it × their similarity to the query); the text
     * placed in the space as {@code weighting} says.
     */
    List<Hit> candidates(
            String text,
            Query filter,
            int size,
            int feedback,
            int rounds,
            int neighbours,
            double neighbourWeight,
            QueryWeighting weighting) {
        Map<String, Integer> terms = termFrequencies(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            Map<Integer, double[]> pool = new LinkedHashMap<>();
            Map<Integer, float[]> placed = new HashMap<>();
            Space current = space;
            float[] query = current == null ? null : weighting.place(current.vectors(), terms);
            if (query != null) {
                int first = Math.max(size, feedback);
                TopDocs nearest = searcher.search(new KnnFloatVectorQuery(VECTOR, query, first, filter), first);
                int[] docs = new int[nearest.scoreDocs.length];
                for (int i = 0; i < docs.length; i++) {
                    docs[i] = nearest.scoreDocs[i].doc;
                }
                float[][] vectors = vectorsOf(searcher, docs);
                for (int round = 0; round < rounds; round++) {
                    query = refined(query, vectors, feedback);
                }
                for (int i = 0; i < docs.length; i++) {
                    pool.put(docs[i], new double[] {vectors[i] == null ? 0 : dot(query, vectors[i]), 0, 0});
                    placed.put(docs[i], vectors[i]);
                }
            }
            TopDocs best = searcher.search(
                    new BooleanQuery.Builder()
                            .add(informative(searcher, terms, QUERY_TERMS), Occur.MUST)
                            .add(filter, Occur.FILTER)
                            .build(),
                    size);
            float top = best.scoreDocs.length == 0 ? 1 : best.scoreDocs[0].score;
            List<Integer> unplaced = new ArrayList<>();
            for (ScoreDoc hit : best.scoreDocs) {
                double[] scores = pool.get(hit.doc);
                if (scores == null) {
                    scores = new double[] {0, 0, 0};
                    pool.put(hit.doc, scores);
                    unplaced.add(hit.doc);
                }
                scores[1] = hit.score / top;
            }
            if (query != null && !unplaced.isEmpty()) {
                int[] docs = unplaced.stream().mapToInt(Integer::intValue).toArray();
                float[][] vectors = vectorsOf(searcher, docs);
                for (int i = 0; i < docs.length; i++) {
                    pool.get(docs[i])[0] = vectors[i] == null ? 0 : dot(query, vectors[i]);
                    placed.put(docs[i], vectors[i]);
                }
            }
            if (query != null && neighbours > 0 && neighbourWeight > 0) {
                supported(pool, placed, neighbours, neighbourWeight);
            }
            List<Hit> hits = new ArrayList<>(pool.size());
            StoredFields stored = searcher.storedFields();
            for (Map.Entry<Integer, double[]> entry : pool.entrySet()) {
                double[] scores = entry.getValue();
                hits.add(new Hit(fromLucene(stored.document(entry.getKey())), scores[0], scores[1], scores[2]));
            }
            return hits;
        });
    }

    /** Sets each candidate's support (its third score) from its {@code neighbours} closest candidates. */
    private static void supported(
            Map<Integer, double[]> pool, Map<Integer, float[]> placed, int neighbours, double neighbourWeight) {
        List<Integer> docs = new ArrayList<>(pool.keySet());
        double[] closeness = new double[docs.size()];
        Integer[] order = new Integer[docs.size()];
        for (int d = 0; d < docs.size(); d++) {
            float[] vector = placed.get(docs.get(d));
            if (vector == null) {
                continue;
            }
            for (int j = 0; j < docs.size(); j++) {
                float[] other = placed.get(docs.get(j));
                closeness[j] = j == d || other == null ? -2 : dot(vector, other);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(closeness[b], closeness[a]));
            double sum = 0;
            for (int j = 0; j < Math.min(neighbours, order.length); j++) {
                if (closeness[order[j]] > 0) {
                    sum += closeness[order[j]] * pool.get(docs.get(order[j]))[0];
                }
            }
            pool.get(docs.get(d))[2] = neighbourWeight * sum / neighbours;
        }
    }

    /**
     * The text's {@code max} most informative terms that the index holds, by (1 + log count) × BM25's idf, OR-ed, each
     * boosted by its count; the terms' statistics are looked up once, for choosing them and for scoring.
     */
    private static Query informative(IndexSearcher searcher, Map<String, Integer> terms, int max) throws IOException {
        record Weighted(Term term, TermStates states, int count, double weight) {}
        long records = searcher.getIndexReader().maxDoc();
        List<Weighted> found = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : terms.entrySet()) {
            Term term = new Term(TEXT, entry.getKey());
            TermStates states = TermStates.build(searcher, term, true);
            int df = states.docFreq();
            if (df > 0) {
                double idf = Math.log(1 + (records - df + 0.5) / (df + 0.5));
                found.add(new Weighted(term, states, entry.getValue(), (1 + Math.log(entry.getValue())) * idf));
            }
        }
        found.sort(java.util.Comparator.comparingDouble(Weighted::weight)
                .reversed()
                .thenComparing(each -> each.term().text()));
        BooleanQuery.Builder lexical = new BooleanQuery.Builder();
        for (Weighted each : found.subList(0, Math.min(max, found.size()))) {
            lexical.add(new BoostQuery(new TermQuery(each.term(), each.states()), each.count()), Occur.SHOULD);
        }
        return lexical.build();
    }

    /** The records' vectors (null for one without), read from the vector values, not the stored fields. */
    private static float[][] vectorsOf(IndexSearcher searcher, int[] docs) throws IOException {
        float[][] vectors = new float[docs.length][];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, java.util.Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        org.apache.lucene.index.FloatVectorValues values = null;
        org.apache.lucene.index.KnnVectorValues.DocIndexIterator iterator = null;
        for (int i : order) {
            int leaf = org.apache.lucene.index.ReaderUtil.subIndex(docs[i], leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getFloatVectorValues(VECTOR);
                iterator = values == null ? null : values.iterator();
            }
            if (iterator == null) {
                continue;
            }
            int doc = docs[i] - leaves.get(leaf).docBase;
            if (iterator.docID() < doc) {
                iterator.advance(doc);
            }
            if (iterator.docID() == doc) {
                vectors[i] = values.vectorValue(iterator.index()).clone();
            }
        }
        return vectors;
    }

    /** The record's place in the learnt space: its stored vector, or the text's for a record not indexed; or null. */
    float[] vectorOf(SearchDocument source) {
        if (source.id() != 0) {
            float[] stored = withSearcher(searcher -> {
                TopDocs found = searcher.search(new TermQuery(key(source.type(), source.id())), 1);
                return found.scoreDocs.length == 0 ? null : storedVector(searcher, found.scoreDocs[0].doc);
            });
            if (stored != null) {
                return stored;
            }
        }
        Space current = space;
        return current == null ? null : current.vectors().embed(termFrequenciesOf(source));
    }

    /** A record close to a vector, with its similarity. */
    record Neighbour(SearchDocument document, double similarity) {}

    /** The {@code k} records among {@code filter} closest to the vector in the learnt space, closest first. */
    List<Neighbour> nearest(float[] vector, Query filter, int k) {
        if (vector == null || space == null) {
            return List.of();
        }
        return withSearcher(searcher -> {
            TopDocs nearest = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k);
            List<Neighbour> found = new ArrayList<>();
            for (ScoreDoc hit : nearest.scoreDocs) {
                found.add(new Neighbour(fromLucene(searcher.storedFields().document(hit.doc)), 2 * hit.score - 1));
            }
            return found;
        });
    }

    /**
     * The record as a candidate, when it is among {@code filter}: its similarity to the vector (0 without one), no BM25
     * share.
     */
    Optional<Hit> hit(String type, long id, Query filter, float[] vector) {
        return withSearcher(searcher -> {
            Query query = new BooleanQuery.Builder()
                    .add(new TermQuery(key(type, id)), Occur.MUST)
                    .add(filter, Occur.FILTER)
                    .build();
            TopDocs found = searcher.search(query, 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = found.scoreDocs[0].doc;
            float[] stored = vector == null ? null : storedVector(searcher, doc);
            return Optional.of(new Hit(
                    fromLucene(searcher.storedFields().document(doc)), stored == null ? 0 : dot(vector, stored), 0, 0));
        });
    }

    /**
     * Plain BM25 over the same terms (the text's terms OR-ed, each boosted by its count), the top {@code size} ids: the
     * in-run baseline of the benchmarks; not used for ranking.
     */
    List<Long> lexicalIds(String text, Query filter, int size) {
        Map<String, Integer> terms = termFrequencies(text);
        return withSearcher(searcher -> {
            BooleanQuery.Builder lexical = new BooleanQuery.Builder();
            terms.forEach((term, count) ->
                    lexical.add(new BoostQuery(new TermQuery(new Term(TEXT, term)), count), Occur.SHOULD));
            Query query = new BooleanQuery.Builder()
                    .add(lexical.build(), Occur.MUST)
                    .add(filter, Occur.FILTER)
                    .build();
            List<Long> ids = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query, size).scoreDocs) {
                ids.add(stored.document(hit.doc, Set.of(ID))
                        .getField(ID)
                        .numericValue()
                        .longValue());
            }
            return ids;
        });
    }

    /**
     * Rocchio in the learnt space: the query moved towards its {@code feedback} closest records among those given, each
     * weighted by (similarity / best)² / {@code feedback}.
     */
    static float[] refined(float[] query, float[][] vectors, int feedback) {
        if (feedback <= 0) {
            return query;
        }
        double[] similarities = new double[vectors.length];
        Integer[] order = new Integer[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            order[i] = i;
            similarities[i] = vectors[i] == null ? -2 : dot(query, vectors[i]);
        }
        Arrays.sort(order, (a, b) -> Double.compare(similarities[b], similarities[a]));
        if (order.length == 0 || vectors[order[0]] == null) {
            return query;
        }
        float[] moved = query.clone();
        double best = similarities[order[0]];
        for (int j = 0; j < Math.min(feedback, order.length); j++) {
            double similarity = similarities[order[j]];
            if (best <= 0 || similarity <= 0) {
                continue;
            }
            double weight = Math.pow(similarity / best, 2) / feedback;
            float[] vector = vectors[order[j]];
            for (int i = 0; i < moved.length; i++) {
                moved[i] += (float) (weight * vector[i]);
            }
        }
        float[] normalized = LatentSpace.normalized(moved);
        return normalized == null ? query : normalized;
    }

    private static float[] storedVector(IndexSearcher searcher, int doc) throws IOException {
        IndexableField field =
                searcher.storedFields().document(doc, Set.of(VECTOR_STORED)).getField(VECTOR_STORED);
        if (field == null) {
            return null;
        }
        BytesRef bytes = field.binaryValue();
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer().get(vector);
        return vector;
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The records of the type the searcher may see, but those excluded. */
    static Query filter(String type, Searcher searcher, Collection<Term> excluded) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, type)), Occur.FILTER);
        if (!searcher.operator()) {
            BooleanQuery.Builder visible = new BooleanQuery.Builder();
            if (searcher.accountId() != null) {
                visible.add(LongPoint.newExactQuery(OWNER, searcher.accountId()), Occur.SHOULD);
            }
            if (!searcher.stations().isEmpty()) {
                visible.add(LongPoint.newSetQuery(STATION, searcher.stations()), Occur.SHOULD);
            }
            BooleanQuery.Builder published =
                    new BooleanQuery.Builder().add(new TermQuery(new Term(PUBLISHED, "true")), Occur.FILTER);
            if (!searcher.manager()) {
                published.add(new TermQuery(new Term(CONFIDENTIAL, "true")), Occur.MUST_NOT);
            }
            visible.add(published.build(), Occur.SHOULD);
            filter.add(visible.build(), Occur.FILTER);
        }
        excluded.forEach(term -> filter.add(new TermQuery(term), Occur.MUST_NOT));
        BooleanQuery built = filter.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    static Term key(String type, long id) {
        return new Term(KEY, type + ":" + id);
    }

    private static Document toLucene(SearchDocument document, Space space) {
        Document lucene = new Document();
        lucene.add(new StringField(KEY, document.type() + ":" + document.id(), Field.Store.NO));
        lucene.add(new StringField(TYPE, document.type(), Field.Store.YES));
        lucene.add(new StoredField(ID, document.id()));
        lucene.add(new StoredField(TITLE, document.title()));
        document.keywords().forEach(keyword -> lucene.add(new StoredField(KEYWORDS, keyword)));
        lucene.add(new StoredField(BODY, document.body()));
        // the text is analysed once: its terms counted for the vector, then the same tokens replayed into the field
        Map<String, Integer> frequencies = new HashMap<>();
        addHead(frequencies, document.title(), document.keywords());
        lucene.add(new Field(TEXT, counted(text(document), frequencies), TEXT_WITH_VECTORS));
        put(lucene, "industrySection", document.industrySection());
        put(lucene, "industryCode", document.industryCode());
        put(lucene, "chainNodeCode", document.chainNodeCode());
        put(lucene, "regionCode", document.regionCode());
        put(lucene, "status", document.status());
        if (document.trl() != null) {
            lucene.add(new StoredField("trl", document.trl()));
        }
        lucene.add(new StoredField("updatedAt", document.updatedAt().toEpochMilli()));
        Access access = document.access();
        lucene.add(new StringField(PUBLISHED, Boolean.toString(access.published()), Field.Store.YES));
        lucene.add(new StringField(CONFIDENTIAL, Boolean.toString(access.confidential()), Field.Store.YES));
        if (access.stationId() != null) {
            lucene.add(new LongPoint(STATION, access.stationId()));
            lucene.add(new StoredField(STATION, access.stationId()));
        }
        for (Long owner : access.owners()) {
            lucene.add(new LongPoint(OWNER, owner));
            lucene.add(new StoredField(OWNER, owner));
        }
        float[] vector = space == null ? null : space.vectors().embed(frequencies);
        if (vector != null) {
            lucene.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
            bytes.asFloatBuffer().put(vector);
            lucene.add(new StoredField(VECTOR_STORED, bytes.array()));
        }
        return lucene;
    }

    private static final ThreadLocal<Analyzer> ANALYZERS = ThreadLocal.withInitial(ChineseTextAnalyzer::new);
    /** For the field's tokens, which stay open until the writer has taken them: an analyzer of their own. */
    private static final ThreadLocal<Analyzer> FIELD_ANALYZERS = ThreadLocal.withInitial(ChineseTextAnalyzer::new);

    /**
     * The text's tokens, counted into {@code frequencies} and kept for the writer to replay (it resets, reads, ends and
     * closes them, in this thread, before the next record's).
     */
    private static TokenStream counted(String text, Map<String, Integer> frequencies) {
        CachingTokenFilter tokens = new CachingTokenFilter(FIELD_ANALYZERS.get().tokenStream(TEXT, text));
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        try {
            tokens.reset();
            while (tokens.incrementToken()) {
                frequencies.merge(term.toString(), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Map<String, Integer> termFrequenciesOf(SearchDocument document) {
        Map<String, Integer> frequencies = new HashMap<>();
        analysed(text(document), 1, frequencies);
        addHead(frequencies, document.title(), document.keywords());
        return frequencies;
    }

    /**
     * How many times more the title and keywords (the record's own summary of itself) count in its vector than in its
     * text alone: once more. Part of what the vectors mean, both when learning and when placing a record (ADR 0013).
     */
    static final int HEAD_WEIGHT = 1;

    private static void addHead(Map<String, Integer> frequencies, String title, List<String> keywords) {
        analysed((title == null ? "" : title) + "\n" + String.join("；", keywords), HEAD_WEIGHT, frequencies);
    }

    private static void analysed(String text, int weight, Map<String, Integer> frequencies) {
        try (TokenStream tokens = ANALYZERS.get().tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                frequencies.merge(term.toString(), weight, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record's whole text: title, keywords, body. */
    static String text(SearchDocument document) {
        return document.title() + "\n" + String.join("；", document.keywords()) + "\n" + document.body();
    }

    private static void put(Document lucene, String name, String value) {
        if (value != null) {
            lucene.add(new StoredField(name, value));
        }
    }

    private static SearchDocument fromLucene(Document lucene) {
        Set<Long> owners = new HashSet<>();
        for (IndexableField owner : lucene.getFields(OWNER)) {
            owners.add(owner.numericValue().longValue());
        }
        IndexableField station = lucene.getField(STATION);
        IndexableField trl = lucene.getField("trl");
        return new SearchDocument(
                lucene.get(TYPE),
                lucene.getField(ID).numericValue().longValue(),
                lucene.get(TITLE),
                Arrays.asList(lucene.getValues(KEYWORDS)),
                lucene.get(BODY),
                lucene.get(CODES.get(0)),
                lucene.get(CODES.get(1)),
                lucene.get(CODES.get(2)),
                lucene.get(CODES.get(3)),
                trl == null ? null : trl.numericValue().intValue(),
                lucene.get(CODES.get(4)),
                new Access(
                        Boolean.parseBoolean(lucene.get(PUBLISHED)),
                        Boolean.parseBoolean(lucene.get(CONFIDENTIAL)),
                        station == null ? null : station.numericValue().longValue(),
                        owners),
                Instant.ofEpochMilli(lucene.getField("updatedAt").numericValue().longValue()));
    }

    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(Read<T> read) {
        IndexSearcher searcher = acquire();
        try {
            return read.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void commit() throws IOException {
        Space current = space;
        writer.setLiveCommitData(Map.of(
                        LAYOUT_DATA,
                        rebuildNeeded ? "incomplete" : layout,
                        SPACE_DATA,
                        current == null ? NO_SPACE : current.name(),
                        SPACE_RECORDS_DATA,
                        Long.toString(current == null ? 0 : current.records()))
                .entrySet());
        writer.commit();
        if (searchers != null) {
            searchers.maybeRefreshBlocking();
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
