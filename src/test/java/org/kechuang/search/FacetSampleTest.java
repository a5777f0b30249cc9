package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

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

    /** What the drawing must give: each match whose bin drew it, looked at one by one. */
    private static FixedBitSet expected(FixedBitSet matches, long docBase, long bin) {
        FixedBitSet expected = new FixedBitSet(matches.length());
        for (int doc = matches.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; ) {
            long global = docBase + doc;
            if (FacetSample.drawnOf(global / bin, bin) == global) {
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
                for (int docBase : new int[] {0, 12_345}) {
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
    void eachBinDrawsOneDocumentEveryDocumentAsLikelyAsAnother() {
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
    void aShareOfTheMatchesIsDrawnAboutOneInEachBin() throws IOException {
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
}
