package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drawing the sample that facets are counted on, over the matches of one segment. */
class FacetSampleTest {

    private static FixedBitSet matches(int maxDoc, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FixedBitSet matches = new FixedBitSet(maxDoc);
        for (int doc = 0; doc < maxDoc; doc++) {
            if (random.nextDouble() < share) {
                matches.set(doc);
            }
        }
        return matches;
    }

    /** What the drawing must give: each match in a block its group drew, looked at one by one. */
    private static FixedBitSet expected(FixedBitSet matches, long docBase, long bin) {
        FixedBitSet expected = new FixedBitSet(matches.length());
        for (int doc = matches.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; ) {
            long block = (docBase + doc) / FacetSample.BLOCK;
            if (FacetSample.drawnOf(block / bin, bin) == block) {
                expected.set(doc);
            }
            doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS;
        }
        return expected;
    }

    @Test
    void theDrawnMatchesAreFoundBySkippingAsByLookingAtEveryMatch() throws IOException {
        for (long bin : new long[] {1, 2, 3, 4, 5, 64, 100, 1_000}) {
            for (double share : new double[] {0.001, 0.02, 0.5, 0.97}) {
                // a segment starting at a block's edge, and one starting inside a block
                for (int docBase : new int[] {0, 12_344, 12_345}) {
                    FixedBitSet matches = matches(50_000, share, bin);
                    FixedBitSet kept = new FixedBitSet(matches.length());

                    int count = FacetSample.draw(
                            docBase,
                            matches.length(),
                            null,
                            new BitSetIterator(matches, matches.cardinality()),
                            bin,
                            kept);

                    assertThat(kept)
                            .as("bin %d, share %.3f, base %d", bin, share, docBase)
                            .isEqualTo(bin == 1 ? matches : expected(matches, docBase, bin));
                    assertThat(count).isEqualTo(kept.cardinality());
                }
            }
        }
    }

    @Test
    void eachGroupDrawsOneBlockEveryBlockAsLikelyAsAnother() {
        long bin = 50;
        int[] drawnAt = new int[(int) bin];
        for (long b = 0; b < 100_000; b++) {
            long drawn = FacetSample.drawnOf(b, bin);
            assertThat(drawn).isBetween(b * bin, b * bin + bin - 1);
            drawnAt[(int) (drawn - b * bin)]++;
        }
        // 2,000 expected at each place; five standard deviations either way
        assertThat(Arrays.stream(drawnAt).boxed().toList())
                .allSatisfy(n -> assertThat(n).isBetween(1_780, 2_220));
    }

    @Test
    void aShareOfTheMatchesIsDrawnOneInBin() throws IOException {
        FixedBitSet matches = matches(200_000, 0.3, 7);
        FixedBitSet kept = new FixedBitSet(matches.length());

        int count = FacetSample.draw(
                0, matches.length(), null, new BitSetIterator(matches, matches.cardinality()), 100, kept);

        int expected = matches.cardinality() / 100;
        assertThat(count).isBetween(expected * 9 / 10, expected * 11 / 10);
        FixedBitSet outside = kept.clone();
        outside.andNot(matches);
        assertThat(outside.cardinality()).as("drawn but not matching").isZero();
    }

    @Test
    void aDeletedDocumentIsNeverDrawn() throws IOException {
        FixedBitSet matches = matches(20_000, 0.5, 3);
        FixedBitSet live = matches(20_000, 0.5, 4);
        for (long bin : new long[] {1, 7}) {
            FixedBitSet kept = new FixedBitSet(matches.length());

            FacetSample.draw(0, matches.length(), live, new BitSetIterator(matches, matches.cardinality()), bin, kept);

            FixedBitSet expected = bin == 1 ? matches.clone() : expected(matches, 0, bin);
            expected.and(live);
            assertThat(kept).as("bin %d", bin).isEqualTo(expected);
            assertThat(kept.cardinality()).isPositive();
        }
    }

    /** Matches in runs of {@code run} consecutive documents, the runs placed at random, about {@code share} of all. */
    private static FixedBitSet runs(int maxDoc, double share, int run, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FixedBitSet matches = new FixedBitSet(maxDoc);
        for (int start = 0; start + run <= maxDoc; start += run) {
            if (random.nextDouble() < share) {
                matches.set(start, start + run);
            }
        }
        return matches;
    }

    private static double measuredError(FixedBitSet matches, long bin) throws IOException {
        FacetSample.Spread spread = new FacetSample.Spread();
        int drawn = FacetSample.draw(
                0,
                matches.length(),
                null,
                new BitSetIterator(matches, matches.cardinality()),
                bin,
                new FixedBitSet(matches.length()),
                spread);
        return spread.relativeError(FacetSample.groups(matches.length(), bin), drawn);
    }

    @Test
    void theMeasuredErrorOfMatchesSpreadAtRandomIsThatOfSingleDocumentsDrawn() throws IOException {
        FixedBitSet matches = matches(1_000_000, 0.1, 11);
        long bin = 20;
        int drawn = matches.cardinality() / (int) bin;

        double error = measuredError(matches, bin);

        // drawing single documents: √((1 - share) / drawn), about 1.3 % for 5,000 of a tenth
        double singles = Math.sqrt(0.9 / drawn);
        assertThat(error).isBetween(singles * 0.8, singles * 1.25);
    }

    @Test
    void matchesInRunsShowALargerMeasuredError() throws IOException {
        double spread = measuredError(matches(1_000_000, 0.1, 12), 20);
        double inRuns = measuredError(runs(1_000_000, 0.1, 40, 12), 20);

        // runs of 40, five blocks, in groups of 20 blocks: each block drawn counts 8 or 0, the variance of eight single
        // draws in one (runs longer than a group would be found in their share by the groups' blocks)
        assertThat(inRuns).isGreaterThan(spread * 2);
    }

    @Test
    void aSampleOfMatchesInRunsIsDrawnAgainWithMoreBlocksUntilItsErrorIsSmall(@TempDir Path folder) throws IOException {
        int maxDoc = 200_000;
        FixedBitSet spread = matches(maxDoc, 0.1, 21);
        FixedBitSet inRuns = runs(maxDoc, 0.1, 40, 21);
        try (Directory directory = FSDirectory.open(folder)) {
            try (IndexWriter writer =
                    new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()).setRAMBufferSizeMB(256))) {
                for (int doc = 0; doc < maxDoc; doc++) {
                    Document document = new Document();
                    if (spread.get(doc)) {
                        document.add(new StringField("w", "spread", Field.Store.NO));
                    }
                    if (inRuns.get(doc)) {
                        document.add(new StringField("w", "runs", Field.Store.NO));
                    }
                    writer.addDocument(document);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Weight spreadWeight =
                        searcher.createWeight(new TermQuery(new Term("w", "spread")), ScoreMode.COMPLETE_NO_SCORES, 1);
                Weight runsWeight =
                        searcher.createWeight(new TermQuery(new Term("w", "runs")), ScoreMode.COMPLETE_NO_SCORES, 1);

                // about 20,000 matches each; 1,000 known (the page's count), the rest told by the page's search
                FacetSample ofSpread = FacetSample.of(searcher, spreadWeight, 1_000, false, 20_000, 4_000, 2_000);
                FacetSample ofRuns = FacetSample.of(searcher, runsWeight, 1_000, false, 20_000, 4_000, 2_000);

                assertThat(ofSpread.bin())
                        .as("drawn once, at the rate for 2,000")
                        .isEqualTo(10);
                assertThat(ofSpread.inRuns()).isFalse();
                // 1 / √2,000 = 2.2 %: within three standard errors
                assertThat(ofSpread.estimate()).isCloseTo(spread.cardinality(), withinPercentage(6.7));
                assertThat(ofRuns.bin()).as("drawn again with more blocks").isLessThan(10);
                assertThat(ofRuns.bin() == 1 || ofRuns.error() < 1.5 / Math.sqrt(2_000))
                        .as("error %f with %d drawn, one in %d", ofRuns.error(), ofRuns.drawn(), ofRuns.bin())
                        .isTrue();
                assertThat(ofRuns.estimate()).isCloseTo(inRuns.cardinality(), withinPercentage(6.7));
            }
        }
    }
}
