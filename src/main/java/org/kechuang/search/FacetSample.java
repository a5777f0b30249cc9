package org.kechuang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * A random sample of the documents a search matched, for counting facets on it: the matches, in index order, are cut
 * into bins of equal size and one document of each bin is drawn at random. Every match has the same chance of being
 * drawn, and since each bin gives one, a library or a period indexed in one stretch is sampled in its share (a sample
 * of the first matches would be one library's). The seed is fixed: the same search on the same index draws the same
 * sample.
 */
final class FacetSample {

    private static final long SEED = 0x6b656368L;

    private FacetSample() {}

    /** About {@code size} of the {@code total} documents matched by {@code all} (between half and all of it). */
    static FacetsCollector of(FacetsCollector all, long total, int size) throws IOException {
        Draw draw = new Draw(Math.max(1, (total + size - 1) / size));
        List<FacetsCollector.MatchingDocs> sampled = new ArrayList<>();
        for (FacetsCollector.MatchingDocs docs : all.getMatchingDocs()) {
            if (docs.totalHits() == 0 || docs.bits() == null) {
                continue;
            }
            FixedBitSet kept = new FixedBitSet(docs.context().reader().maxDoc());
            int count = docs.bits() instanceof BitDocIdSet set && set.bits() instanceof FixedBitSet matches
                    ? draw.fromWords(matches, kept)
                    : draw.fromIterator(docs.bits().iterator(), kept);
            sampled.add(new FacetsCollector.MatchingDocs(docs.context(), new BitDocIdSet(kept, count), count, null));
        }
        return new Sampled(sampled);
    }

    /** Where the drawing stands over all the matches so far: one drawn in each bin of {@code bin} matches. */
    static final class Draw {

        private final long bin;
        private final SplittableRandom random = new SplittableRandom(SEED);
        /** Matches passed so far, over every segment. */
        private long seen;
        /** The number (from 0, over every segment) of the next match to keep. */
        private long next;

        Draw(long bin) {
            this.bin = bin;
            this.next = random.nextLong(bin);
        }

        private void drawn() {
            next = next - next % bin + bin + random.nextLong(bin);
        }

        /** Match by match. */
        int fromIterator(DocIdSetIterator matches, FixedBitSet kept) throws IOException {
            int count = 0;
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (seen++ == next) {
                    kept.set(doc);
                    count++;
                    drawn();
                }
            }
            return count;
        }

        /** 64 documents at a time: a word's matches are counted at once, and only a drawn one is looked for. */
        int fromWords(FixedBitSet matches, FixedBitSet kept) {
            long[] words = matches.getBits();
            int count = 0;
            for (int w = 0; w < words.length; w++) {
                long word = words[w];
                int inWord = Long.bitCount(word);
                while (next < seen + inWord) {
                    long rest = word;
                    for (long skip = next - seen; skip > 0; skip--) {
                        rest &= rest - 1;
                    }
                    kept.set(w * 64 + Long.numberOfTrailingZeros(rest));
                    count++;
                    drawn();
                }
                seen += inWord;
            }
            return count;
        }
    }

    /** The sample as the facet counts read it. */
    private static final class Sampled extends FacetsCollector {

        private final List<MatchingDocs> sampled;

        Sampled(List<MatchingDocs> sampled) {
            this.sampled = List.copyOf(sampled);
        }

        @Override
        public List<MatchingDocs> getMatchingDocs() {
            return sampled;
        }
    }
}
