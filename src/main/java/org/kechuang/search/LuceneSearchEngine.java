package org.kechuang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.kechuang.search.analysis.ChineseTextAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: one Lucene index in a folder. Every change is committed before the method returns, so it
 * survives a crash, and searches see it at once. At start the index is checked; a missing or unreadable one is
 * replaced by an empty index that {@linkplain #needsRebuild() needs a rebuild}.
 *
 * <p>Each document carries the generation of the index it was written in: a rebuild starts a new generation and, when
 * it finishes, deletes the documents of older generations, so the index serves searches all through a rebuild.
 */
final class LuceneSearchEngine implements SearchEngine, AutoCloseable {

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String BODY = "body";
    static final String INDUSTRY = "industry";
    static final String CHAIN = "chain";
    static final String REGION = "region";
    static final String TRL = "trl";
    static final String STATUS = "status";
    static final String PUBLISHED = "published";
    static final String CONFIDENTIAL = "confidential";
    /** Whom a document is hidden from (unless theirs or their station's): {@link #FROM_PUBLIC}, {@link #FROM_MANAGERS}. */
    static final String HIDDEN = "hidden";

    static final String FROM_PUBLIC = "public";
    static final String FROM_MANAGERS = "managers";
    static final String STATION = "station";
    static final String OWNER = "owner";
    static final String COMPLETION = "completion";
    static final String INITIALS = "initials";
    static final String UPDATED = "updated";
    static final String GENERATION = "generation";
    static final List<String> FACETS = List.of(TYPE, INDUSTRY, CHAIN, REGION, TRL);

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);
    private static final String GENERATION_DATA = "kechuang.generation";
    private static final String LAYOUT_DATA = "kechuang.layout";
    /**
     * The analysis and the fields the documents were written with: an index of another layout is rebuilt at start.
     * Fields 2: completions for suggestions. Fields 3: whom a document is hidden from.
     */
    static final String LAYOUT = "analysis " + ChineseTextAnalyzer.VERSION + ", fields 3";

    private static final int SNIPPET_LENGTH = 120;
    /**
     * Up to this many matches the total and the facets are counted exactly. A search that matches more counts its facets
     * on a random sample of about {@link #SAMPLE_SIZE} of its matches, scaled to estimates ({@link
     * SearchHits#facetsEstimated()}), and estimates its total from the same sample ({@link SearchHits#totalExact()}
     * false, unless the index can tell the count without visiting the matches): counting every match of a word found in
     * most records took longer than finding the best of them.
     */
    static final int FACETS_COUNTED_UP_TO = 20_000;
    /**
     * How many of the matches are drawn, about, when they are more than {@link #FACETS_COUNTED_UP_TO}: a total within
     * ±3 % in about 19 searches out of 20 (relative standard error 1 / √5,000 = 1.4 %), a facet value held by a tenth
     * of the matches within about ±9 %. 10,000 until 2026-12-03 (±2 %, ±6 %), when the sample was drawn one document at a
     * time and cost as much as the page's search for a conjunction matching a tenth of the index (ADR 0027); drawn in
     * blocks since addendum 3 ({@link FacetSample}).
     */
    static final int SAMPLE_SIZE = 5_000;
    /**
     * The page's own search counts its matches only up to this many (Lucene's default, as the raw index's search does),
     * then skips those that cannot make the page; the total of a search matching more comes from the facets' sample.
     */
    static final int PAGE_COUNTS_UP_TO = 1_000;
    /** The stored fields a result shows, and its body: highlighted, or its opening when nothing is to highlight. */
    private static final Set<String> SHOWN_WITH_BODY = Set.of(TYPE, ID, TITLE, STATUS, BODY);
    /**
     * Documents held in memory before they are written as a segment (Lucene's default is 16 MB): a rebuild of a million
     * records then writes fewer, larger segments and merges less.
     */
    private static final double RAM_BUFFER_MB = 64;

    private static final String KEYWORD_SEPARATOR = "；";
    private static final FieldType TEXT = new FieldType();
    private static final Sort BY_DATE =
            new Sort(new SortField(UPDATED, SortField.Type.LONG, true), SortField.FIELD_SCORE, SortField.FIELD_DOC);

    static {
        TEXT.setTokenized(true);
        TEXT.setStored(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private final Directory directory;
    private final Analyzer analyzer;
    private final TextQueries queries;
    private final Completions completions;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong generation;
    private volatile boolean rebuildNeeded;
    /** The layout of the documents until a rebuild finishes: what a commit records meanwhile. */
    private final String layoutOfDocuments;

    private volatile View view;
    private final Map<String, Completions.Keys> keywordKeys = new ConcurrentHashMap<>();
    private static final int KEYWORD_KEYS = 50_000;

    /** @param facets null when no document has facets */
    private record View(IndexSearcher searcher, SortedSetDocValuesReaderState facets, BodyHighlighter highlighter) {}

    /**
     * The threads a search's slices of segments run on besides the request's own: one per processor. A search of a
     * large index is split into slices (Lucene's, up to 250,000 documents or 5 segments each) searched at once, so a
     * search matching much of the index takes about its time divided by the processors when the machine has them free
     * (ADR 0027 addendum 4).
     */
    private final ExecutorService slices = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().daemon().name("search-slice-", 0).factory());

    private final int facetsCountedUpTo;
    private final int pageCountsUpTo;
    private final int sampleSize;

    LuceneSearchEngine(Path folder) {
        this(folder, FACETS_COUNTED_UP_TO, SAMPLE_SIZE);
    }

    /** With a sample as large as {@code countedUpTo}. */
    LuceneSearchEngine(Path folder, int countedUpTo) {
        this(folder, countedUpTo, countedUpTo);
    }

    /**
     * @param countedUpTo up to how many matches the total and the facets are counted exactly (the page's search counts
     *     up to {@value #PAGE_COUNTS_UP_TO} of them, or this when fewer)
     * @param sampleSize about how many matches are drawn above {@code countedUpTo}
     */
    LuceneSearchEngine(Path folder, int countedUpTo, int sampleSize) {
        this.facetsCountedUpTo = countedUpTo;
        this.sampleSize = sampleSize;
        this.pageCountsUpTo = Math.min(PAGE_COUNTS_UP_TO, countedUpTo);
        this.analyzer = new ChineseTextAnalyzer();
        this.queries = new TextQueries(analyzer);
        this.completions = new Completions(analyzer, queries);
        try {
            Files.createDirectories(folder);
            this.directory = FSDirectory.open(folder);
            boolean usable = usable(directory, folder);
            if (!usable) {
                for (String file : directory.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        directory.deleteFile(file);
                    }
                }
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(usable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setCommitOnClose(true);
            this.writer = new IndexWriter(directory, config);
            this.generation = new AtomicLong(Long.parseLong(stored(writer, GENERATION_DATA, "1")));
            String layout = stored(writer, LAYOUT_DATA, null);
            boolean sameLayout = LAYOUT.equals(layout);
            if (usable && !sameLayout) {
                log.info(
                        "The search index in {} was written as \"{}\", this is \"{}\": it is rebuilt",
                        folder,
                        layout,
                        LAYOUT);
            }
            this.rebuildNeeded = !usable || !sameLayout;
            this.layoutOfDocuments = usable ? layout : null;
            if (!usable) {
                commit();
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new IndexSearcher(reader, slices);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    /** False when there is no index yet or it cannot be read; the write lock held by another process is an error. */
    private static boolean usable(Directory directory, Path folder) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            log.info("No search index in {}: an empty one is created and must be rebuilt", folder);
            return false;
        }
        try (CheckIndex check = new CheckIndex(directory)) {
            check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
            CheckIndex.Status status = check.checkIndex();
            if (!status.clean) {
                log.warn("The search index in {} is damaged: it is replaced and must be rebuilt", folder);
                return false;
            }
            return true;
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn(
                    "The search index in {} cannot be read ({}): it is replaced and must be rebuilt",
                    folder,
                    e.toString());
            return false;
        } catch (IOException e) {
            log.warn(
                    "The search index in {} cannot be read ({}): it is replaced and must be rebuilt",
                    folder,
                    e.toString());
            return false;
        }
    }

    private static String stored(IndexWriter writer, String key, String absent) {
        if (writer.getLiveCommitData() == null) {
            return absent;
        }
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(key)) {
                return entry.getValue();
            }
        }
        return absent;
    }

    @Override
    public void index(Collection<SearchDocument> documents) {
        write(documents, generation.get());
    }

    private void write(Collection<SearchDocument> documents, long stamp) {
        try {
            add(documents, stamp);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the documents in the writer, not committed; any number of threads at once. */
    private void add(Collection<SearchDocument> documents, long stamp) throws IOException {
        for (SearchDocument document : documents) {
            writer.updateDocument(new Term(KEY, key(document.type(), document.id())), toLucene(document, stamp));
        }
    }

    @Override
    public void delete(String type, Collection<Long> ids) {
        try {
            writer.deleteDocuments(
                    ids.stream().map(id -> new Term(KEY, key(type, id))).toArray(Term[]::new));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean needsRebuild() {
        return rebuildNeeded;
    }

    @Override
    public Rebuild beginRebuild() {
        long stamp = generation.incrementAndGet();
        return new Rebuild() {
            @Override
            public void add(List<SearchDocument> documents) {
                try {
                    LuceneSearchEngine.this.add(documents, stamp);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void finish() {
                try {
                    writer.deleteDocuments(LongPoint.newRangeQuery(GENERATION, Long.MIN_VALUE, stamp - 1));
                    rebuildNeeded = false;
                    commit();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private synchronized void commit() throws IOException {
        writer.setLiveCommitData(Map.of(
                        GENERATION_DATA,
                        Long.toString(generation.get()),
                        LAYOUT_DATA,
                        rebuildNeeded ? String.valueOf(layoutOfDocuments) : LAYOUT)
                .entrySet());
        writer.commit();
        if (searchers != null) {
            searchers.maybeRefreshBlocking();
        }
    }

    @Override
    public SearchHits search(SearchQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> words(String text) {
        return queries.words(text);
    }

    private SearchHits search(IndexSearcher searcher, SearchQuery query) throws IOException {
        Query text = query.wordShare() == null
                ? queries.build(query.text())
                : queries.sharing(query.text(), query.wordShare());
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (query.changedSince() != null) {
            filtered.add(
                    LongPoint.newRangeQuery(UPDATED, query.changedSince().toEpochMilli(), Long.MAX_VALUE),
                    Occur.FILTER);
        }
        filter(filtered, TYPE, query.type());
        filter(filtered, INDUSTRY, query.industry());
        filter(filtered, CHAIN, query.chain());
        filter(filtered, REGION, query.region());
        filter(filtered, TRL, query.trl() == null ? null : query.trl().toString());
        Query hidden = hiddenFrom(query.searcher());
        if (hidden != null) {
            filtered.add(hidden, Occur.MUST_NOT);
        }
        // rewritten once: the text query's terms are looked up in the index once for the page, the count and the facets
        Query combined = searcher.rewrite(filtered.build());

        int from = query.page() * query.size();
        int wanted = Math.max(1, from + query.size());
        // the page's search counts up to pageCountsUpTo matches, then Lucene may skip the matches that cannot make it;
        // by relevance, noting how many it was given before skipping: how dense the matches are, for the rate of the
        // facets' sample (the date order skips through its own iterator, unseen: the sample takes a pilot draw)
        TopDocs found;
        long expected = -1;
        if (query.order() == SearchQuery.Order.DATE) {
            found = searcher.search(combined, new TopFieldCollectorManager(BY_DATE, wanted, null, pageCountsUpTo));
            TopFieldCollector.populateScores(found.scoreDocs, searcher, combined);
        } else {
            CountedPrefix<?, TopDocs> prefix =
                    new CountedPrefix<>(new TopScoreDocCollectorManager(wanted, null, pageCountsUpTo));
            found = searcher.search(combined, prefix);
            expected = prefix.expected(searcher.getIndexReader().maxDoc());
        }
        boolean exact = found.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        long total = found.totalHits.value();
        Weight matching = searcher.createWeight(combined, ScoreMode.COMPLETE_NO_SCORES, 1f);
        if (!exact) {
            long counted = cheapCount(searcher, matching);
            exact = counted >= 0;
            total = exact ? counted : total;
        }
        // every match when they are at most facetsCountedUpTo (then their exact number), else a random sample of them
        FacetSample sample = FacetSample.of(searcher, matching, total, exact, expected, facetsCountedUpTo, sampleSize);
        if (!exact) {
            exact = sample.bin() == 1;
            total = exact ? sample.drawn() : Math.max(total, sample.estimate());
        }
        ScoreDoc[] all = found.scoreDocs;
        ScoreDoc[] page = from >= all.length ? new ScoreDoc[0] : Arrays.copyOfRange(all, from, all.length);
        // each result's stored fields read once, the body for the highlighter too
        StoredFields storedFields = searcher.storedFields();
        Document[] stored = new Document[page.length];
        Map<Integer, String> bodies = new HashMap<>();
        for (int i = 0; i < page.length; i++) {
            stored[i] = storedFields.document(page[i].doc, SHOWN_WITH_BODY);
            bodies.put(page[i].doc, stored[i].get(BODY));
        }
        String[] snippets = snippets(searcher, text, page, bodies);
        List<SearchHits.Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            String snippet = snippets[i] != null ? snippets[i] : opening(stored[i].get(BODY));
            hits.add(new SearchHits.Hit(
                    stored[i].get(TYPE),
                    stored[i].getField(ID).numericValue().longValue(),
                    stored[i].get(TITLE),
                    stored[i].get(STATUS),
                    snippet,
                    Float.isNaN(page[i].score) ? 0f : page[i].score));
        }
        return new SearchHits(total, exact, hits, facets(searcher, sample, total), sample.bin() > 1);
    }

    /**
     * How many documents match when the index can tell without visiting them (a term's document frequency in a segment
     * without deletions, every document), else -1.
     */
    private static long cheapCount(IndexSearcher searcher, Weight matching) throws IOException {
        long count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int inLeaf = matching.count(leaf);
            if (inLeaf < 0) {
                return -1;
            }
            count += inLeaf;
        }
        return count;
    }

    /**
     * {@link Searcher#maySee} as the documents to leave out: those hidden from the searcher's kind (unpublished ones,
     * and for all but technology managers confidential ones) that are neither theirs nor their stations'; null for
     * operators, who see everything. Hidden documents are few, so leaving them out costs a search next to nothing,
     * where a filter of the visible ones would be walked along every match.
     */
    static Query hiddenFrom(Searcher searcher) {
        if (searcher.operator()) {
            return null;
        }
        BooleanQuery.Builder hidden = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(HIDDEN, searcher.manager() ? FROM_MANAGERS : FROM_PUBLIC)), Occur.FILTER);
        if (searcher.accountId() != null) {
            hidden.add(new TermQuery(new Term(OWNER, searcher.accountId().toString())), Occur.MUST_NOT);
        }
        searcher.stations()
                .forEach(station -> hidden.add(new TermQuery(new Term(STATION, station.toString())), Occur.MUST_NOT));
        return hidden.build();
    }

    /** Who a document is hidden from, by the rule of {@link Searcher#maySee} without owners and stations. */
    static List<String> hiddenFrom(Access access) {
        if (!access.published()) {
            return List.of(FROM_PUBLIC, FROM_MANAGERS);
        }
        return access.confidential() ? List.of(FROM_PUBLIC) : List.of();
    }

    private String[] snippets(IndexSearcher searcher, Query text, ScoreDoc[] page, Map<Integer, String> bodies)
            throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        return view(searcher).highlighter().highlight(text, pageDocs, bodies);
    }

    /**
     * Marks the query's terms in the body from the offsets in the postings, term by term: without the highlighter's
     * default of asking the query where it matches (its weight, rebuilt for every result and every field), which cost
     * more than finding the results.
     */
    private BodyHighlighter highlighter(IndexSearcher searcher) {
        return new BodyHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.CHINA), SNIPPET_LENGTH, 0.3f))
                .withMaxLength(20_000)
                .withMaxNoHighlightPassages(0)
                .withWeightMatches(false));
    }

    /**
     * Highlights the body of the results, taking the bodies already read with their other stored fields instead of
     * reading them again (which decompressed each result's block of stored fields a second time).
     */
    private static final class BodyHighlighter extends UnifiedHighlighter {

        /** The bodies of the results being highlighted on this thread, by document number. */
        private static final ThreadLocal<Map<Integer, String>> READ = new ThreadLocal<>();

        BodyHighlighter(Builder builder) {
            super(builder);
        }

        String[] highlight(Query text, TopDocs page, Map<Integer, String> bodies) throws IOException {
            READ.set(bodies);
            try {
                return highlight(BODY, text, page, 2);
            } finally {
                READ.remove();
            }
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            Map<Integer, String> bodies = READ.get();
            if (bodies == null || fields.length != 1 || !fields[0].equals(BODY)) {
                return super.loadFieldValues(fields, docs, cacheCharsThreshold);
            }
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                String body = bodies.get(doc);
                body = body == null ? "" : body;
                values.add(
                        new CharSequence[] {body.length() > getMaxLength() ? body.substring(0, getMaxLength()) : body});
            }
            return values;
        }
    }

    private static String opening(String body) {
        StringBuilder out = new StringBuilder();
        if (body != null) {
            SnippetFormatter.escape(body, 0, Math.min(body.length(), SNIPPET_LENGTH), out);
            if (body.length() > SNIPPET_LENGTH) {
                out.append("…");
            }
        }
        return out.toString();
    }

    /**
     * The counts per facet value of the sampled matches, each scaled by the number of matches a sampled one stands for
     * (when it stands for more than itself: an estimate, at least 1, at most {@code most}).
     */
    private Map<String, List<SearchHits.FacetCount>> facets(IndexSearcher searcher, FacetSample sample, long most)
            throws IOException {
        Map<String, List<SearchHits.FacetCount>> counts = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = view(searcher).facets();
        if (state == null) {
            return counts;
        }
        Facets facets = new SortedSetDocValuesFacetCounts(state, sample.matches());
        for (String dimension : FACETS) {
            FacetResult result;
            try {
                result = facets.getTopChildren(100, dimension);
            } catch (IllegalArgumentException notIndexed) {
                continue;
            }
            if (result != null) {
                List<SearchHits.FacetCount> values = new ArrayList<>();
                for (LabelAndValue value : result.labelValues) {
                    long count = value.value.longValue();
                    if (sample.bin() > 1) {
                        count = Math.clamp(count * sample.bin(), 1, most);
                    }
                    values.add(new SearchHits.FacetCount(value.label, count));
                }
                counts.put(dimension, values);
            }
        }
        return counts;
    }

    /** The facets' ordinals and the highlighter of the current searcher, made once per searcher (reader). */
    private View view(IndexSearcher searcher) throws IOException {
        View current = view;
        if (current != null && current.searcher() == searcher) {
            return current;
        }
        current = new View(searcher, facetState(searcher.getIndexReader()), highlighter(searcher));
        view = current;
        return current;
    }

    /** The facets' ordinals of a reader; null when no document has facets. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        if (reader.numDocs() == 0) {
            return null;
        }
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IllegalArgumentException noFacetsYet) {
            return null;
        }
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value.strip())), Occur.FILTER);
        }
    }

    private Document toLucene(SearchDocument source, long stamp) throws IOException {
        Document document = new Document();
        document.add(new StringField(KEY, key(source.type(), source.id()), Field.Store.NO));
        document.add(new StringField(TYPE, source.type(), Field.Store.YES));
        document.add(new StoredField(ID, source.id()));
        document.add(new Field(TITLE, source.title(), TEXT));
        document.add(new Field(KEYWORDS, String.join(KEYWORD_SEPARATOR, source.keywords()), TEXT));
        document.add(new Field(BODY, source.body(), TEXT));
        document.add(new SortedSetDocValuesFacetField(TYPE, source.type()));
        for (String level : industryLevels(source.industrySection(), source.industryCode())) {
            document.add(new StringField(INDUSTRY, level, Field.Store.NO));
        }
        if (source.industrySection() != null) {
            document.add(new SortedSetDocValuesFacetField(INDUSTRY, source.industrySection()));
        }
        String chain = chainOf(source.chainNodeCode());
        if (chain != null) {
            document.add(new StringField(CHAIN, chain, Field.Store.NO));
            if (!chain.equals(source.chainNodeCode())) {
                document.add(new StringField(CHAIN, source.chainNodeCode(), Field.Store.NO));
            }
            document.add(new SortedSetDocValuesFacetField(CHAIN, chain));
        }
        List<String> regions = regionLevels(source.regionCode());
        for (String level : regions) {
            document.add(new StringField(REGION, level, Field.Store.NO));
        }
        if (!regions.isEmpty()) {
            document.add(new SortedSetDocValuesFacetField(REGION, regions.getLast()));
        }
        if (source.trl() != null) {
            document.add(new StringField(TRL, source.trl().toString(), Field.Store.NO));
            document.add(new SortedSetDocValuesFacetField(TRL, source.trl().toString()));
        }
        if (source.status() != null) {
            document.add(new StringField(STATUS, source.status(), Field.Store.YES));
        }
        List<Completions.Keys> completionKeys = new ArrayList<>();
        source.keywords().forEach(keyword -> completionKeys.add(keywordKeys(keyword)));
        completionKeys.add(completions.keys(source.title()));
        for (Completions.Keys keys : completionKeys) {
            for (String key : keys.words()) {
                document.add(new StringField(COMPLETION, key, Field.Store.NO));
            }
            for (String key : keys.initials()) {
                document.add(new StringField(INITIALS, key, Field.Store.NO));
            }
        }
        Access access = source.access();
        document.add(new StringField(PUBLISHED, Boolean.toString(access.published()), Field.Store.NO));
        document.add(new StringField(CONFIDENTIAL, Boolean.toString(access.confidential()), Field.Store.NO));
        for (String from : hiddenFrom(access)) {
            document.add(new StringField(HIDDEN, from, Field.Store.NO));
        }
        if (access.stationId() != null) {
            document.add(new StringField(STATION, access.stationId().toString(), Field.Store.NO));
        }
        for (Long owner : access.owners()) {
            document.add(new StringField(OWNER, owner.toString(), Field.Store.NO));
        }
        long updated = source.updatedAt().toEpochMilli();
        document.add(new LongPoint(UPDATED, updated));
        document.add(new NumericDocValuesField(UPDATED, updated));
        document.add(new LongPoint(GENERATION, stamp));
        return facetsConfig.build(document);
    }

    /**
     * The completion keys of a keyword: the same keywords recur from record to record (a rebuild of a million records
     * meets a few thousand), and their analysis is what indexing a record's completions costs most. Bounded: emptied
     * when full.
     */
    private Completions.Keys keywordKeys(String keyword) {
        Completions.Keys keys = keywordKeys.get(keyword);
        if (keys == null) {
            keys = completions.keys(keyword);
            if (keywordKeys.size() >= KEYWORD_KEYS) {
                keywordKeys.clear();
            }
            keywordKeys.put(keyword, keys);
        }
        return keys;
    }

    /** How many documents a suggestion is drawn from: the latest changed among those that complete the text typed. */
    private static final int SUGGESTION_SOURCES = 50;

    @Override
    public List<String> suggest(String typed, Searcher searcher, int size) {
        String prefix = completions.typed(typed);
        if (prefix.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder completing =
                new BooleanQuery.Builder().add(new PrefixQuery(new Term(COMPLETION, prefix)), Occur.SHOULD);
        if (Completions.mayBeInitials(prefix)) {
            completing.add(new PrefixQuery(new Term(INITIALS, prefix)), Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(completing.build(), Occur.MUST);
        Query hidden = hiddenFrom(searcher);
        if (hidden != null) {
            query.add(hidden, Occur.MUST_NOT);
        }
        try {
            IndexSearcher indexSearcher = searchers.acquire();
            try {
                TopDocs found = indexSearcher.search(
                        query.build(), SUGGESTION_SOURCES, new Sort(new SortField(UPDATED, SortField.Type.LONG, true)));
                Map<String, Integer> counts = new LinkedHashMap<>();
                Map<String, String> shown = new LinkedHashMap<>();
                for (ScoreDoc hit : found.scoreDocs) {
                    Document stored = indexSearcher.storedFields().document(hit.doc);
                    List<String> texts = new ArrayList<>(keywords(stored.get(KEYWORDS)));
                    texts.add(stored.get(TITLE));
                    for (String text : texts) {
                        if (completions.completes(text, prefix)) {
                            String key = completions.typed(text);
                            shown.putIfAbsent(key, text.strip());
                            counts.merge(key, 1, Integer::sum);
                        }
                    }
                }
                return counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(e -> e.getKey().length())
                                .thenComparing(Map.Entry::getKey))
                        .limit(size)
                        .map(e -> shown.get(e.getKey()))
                        .toList();
            } finally {
                searchers.release(indexSearcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keywords(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(KEYWORD_SEPARATOR))
                .filter(k -> !k.isBlank())
                .toList();
    }

    static String key(String type, long id) {
        return type + ":" + id;
    }

    /** The section letter and every level of the numeric code: {@code C}, {@code 33}, {@code 331}, {@code 3311}. */
    static List<String> industryLevels(String section, String code) {
        Set<String> levels = new LinkedHashSet<>();
        if (section != null && !section.isBlank()) {
            levels.add(section);
        }
        if (code != null && !code.isBlank()) {
            for (int length = Math.min(2, code.length()); length <= code.length(); length++) {
                levels.add(code.substring(0, length));
            }
        }
        return List.copyOf(levels);
    }

    /** The chain of a node code {@code <chain>-<node>}, or the code itself when it names a chain. */
    static String chainOf(String nodeCode) {
        if (nodeCode == null || nodeCode.isBlank()) {
            return null;
        }
        int dash = nodeCode.indexOf('-');
        return dash < 0 ? nodeCode : nodeCode.substring(0, dash);
    }

    /** The code, its city and its province (GB/T 2260: {@code 330106}, {@code 330100}, {@code 330000}), province last. */
    static List<String> regionLevels(String code) {
        if (code == null || code.length() != 6) {
            return List.of();
        }
        Set<String> levels = new LinkedHashSet<>();
        levels.add(code);
        levels.add(code.substring(0, 4) + "00");
        levels.add(code.substring(0, 2) + "0000");
        return List.copyOf(levels);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        analyzer.close();
        slices.shutdown();
    }
}
