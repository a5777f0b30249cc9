package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many documents match, as the page's own search tells it before it begins to skip. */
class CountedPrefixTest {

    private static final int DOCUMENTS = 200_000;

    @Test
    void thePagesSearchTellsAboutHowManyMatchInOneSliceAndInSeveralAtOnce(@TempDir Path folder) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        int matching = 0;
        try (Directory directory = FSDirectory.open(folder)) {
            // segments of 20,000 documents, not merged: Lucene searches them in several slices when it has threads
            try (IndexWriter writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(new WhitespaceAnalyzer())
                            .setMaxBufferedDocs(20_000)
                            .setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int doc = 0; doc < DOCUMENTS; doc++) {
                    boolean matches = random.nextDouble() < 0.3;
                    matching += matches ? 1 : 0;
                    // some matches score higher than others, so the page's search has something to skip
                    String text = matches ? "sensor" + " sensor".repeat(random.nextInt(3)) : "motor";
                    Document document = new Document();
                    document.add(new TextField("text", text + " filler".repeat(random.nextInt(5)), Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            Query sensor = new TermQuery(new Term("text", "sensor"));
            try (DirectoryReader reader = DirectoryReader.open(directory);
                    ExecutorService threads = Executors.newFixedThreadPool(2)) {
                for (IndexSearcher searcher :
                        new IndexSearcher[] {new IndexSearcher(reader), new IndexSearcher(reader, threads)}) {
                    CountedPrefix<?, TopDocs> prefix =
                            new CountedPrefix<>(new TopScoreDocCollectorManager(10, null, 1_000));

                    TopDocs page = searcher.search(sensor, prefix);

                    assertThat(page.scoreDocs).hasSize(10);
                    assertThat(page.totalHits.value())
                            .as("skipped: not every match counted")
                            .isLessThan(matching);
                    assertThat(prefix.expected(reader.maxDoc()))
                            .as("%d slices", searcher.getSlices().length)
                            .isCloseTo(matching, withinPercentage(15));
                }
            }
        }
    }

    @Test
    void aSearchCountingEveryMatchTellsNothing(@TempDir Path folder) throws IOException {
        try (Directory directory = FSDirectory.open(folder)) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int doc = 0; doc < 50; doc++) {
                    Document document = new Document();
                    document.add(new TextField("text", "sensor", Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                CountedPrefix<?, TopDocs> prefix =
                        new CountedPrefix<>(new TopScoreDocCollectorManager(10, null, 1_000));

                new IndexSearcher(reader).search(new TermQuery(new Term("text", "sensor")), prefix);

                assertThat(prefix.expected(reader.maxDoc()))
                        .as("fewer matches than enough: the page's search counted them all")
                        .isEqualTo(-1);
            }
        }
    }
}
