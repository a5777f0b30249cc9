package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SplittableRandom;
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

    @Test
    void wordByWordDrawsTheSameDocumentsAsMatchByMatch() throws IOException {
        for (long bin : new long[] {1, 3, 64, 100, 1_000}) {
            for (double share : new double[] {0.02, 0.5, 0.97}) {
                FixedBitSet matches = matches(50_000, share, bin);
                FixedBitSet byWords = new FixedBitSet(matches.length());
                FixedBitSet byMatches = new FixedBitSet(matches.length());

                int counted = new FacetSample.Draw(bin).fromWords(matches, byWords);
                int iterated = new FacetSample.Draw(bin)
                        .fromIterator(new BitSetIterator(matches, matches.cardinality()), byMatches);

                assertThat(byWords).as("bin %d, share %.2f", bin, share).isEqualTo(byMatches);
                assertThat(counted).isEqualTo(iterated).isEqualTo(byWords.cardinality());
            }
        }
    }

    @Test
    void oneDocumentOfEachBinOfMatchesIsDrawnAndOnlyMatches() {
        FixedBitSet matches = matches(100_000, 0.3, 7);
        int total = matches.cardinality();
        FixedBitSet kept = new FixedBitSet(matches.length());

        int drawn = new FacetSample.Draw(100).fromWords(matches, kept);

        assertThat(drawn).isBetween(total / 100, total / 100 + 1);
        FixedBitSet outside = kept.clone();
        outside.andNot(matches);
        assertThat(outside.cardinality()).as("drawn but not matching").isZero();
        // every bin of 100 consecutive matches gives exactly one
        int inBin = 0;
        int keptInBin = 0;
        for (int doc = matches.nextSetBit(0); doc != Integer.MAX_VALUE && doc >= 0; ) {
            if (kept.get(doc)) {
                keptInBin++;
            }
            if (++inBin == 100) {
                assertThat(keptInBin).isEqualTo(1);
                inBin = 0;
                keptInBin = 0;
            }
            doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : Integer.MAX_VALUE;
        }
    }
}
