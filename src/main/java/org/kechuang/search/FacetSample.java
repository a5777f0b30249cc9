package org.kechuang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The matches of a search that facets are counted on: all of them, or a random sample when they are many. The index's
 * documents (by number, over every segment) are cut into blocks of {@value #BLOCK} consecutive documents, the blocks
 * into groups of {@code bin} consecutive blocks, and one block of each group is drawn at random; the sample is the
 * matches in the drawn blocks. Every match has the same chance, 1 in {@code bin}, so a count on the sample times {@code
 * bin} estimates the count on all matches; since each group gives one block, a library or a period indexed in one
 * stretch is sampled in its share (a sample of the first matches would be one library's). Only the drawn blocks are
 * looked for among the matches (the matches skip to a drawn block, then step through it), without scoring: a word found
 * in most records is sampled without visiting all of its matches. Blocks rather than single documents (until ADR 0027
 * addendum 3): the matches skip once per block instead of once per document drawn, about a quarter of the work for the
 * same number drawn. The seed is fixed: the same search on the same index draws the same sample.
 *
 * <p>The number drawn times {@code bin} estimates how many documents match, without bias. How far off it may be depends
 * on how the matches lie: when they are spread over the index as if at random, the blocks' counts vary as those of
 * single documents would, and the relative standard error is about 1 / √drawn (1.4 % with the 5,000 the engine draws);
 * when they come in runs of neighbouring documents (records imported together), the blocks' counts vary more. So the
 * standard error is measured on each sample, from the differences between neighbouring groups' counts (the estimate
 * for one drawn unit per group, which a slow change along the index does not inflate), and when it is more than {@value
 * #RUNS} times that of as many single documents the sample is drawn once more with as many more blocks as bring it to
 * that of about the size asked for ({@link #of}): the total stays within about ±3 % in 19 searches out of 20 either
 * way.
 *
 * @param matches the matches drawn, as the facet counts read them
 * @param bin how many matches each one drawn stands for: 1 when every match was taken
 * @param drawn how many were drawn
 * @param error the estimate's relative standard error, measured on the sample (0 when every match was taken)
 */
record FacetSample(FacetsCollector matches, long bin, long drawn, double error) {

    /** Consecutive documents drawn together. */
    static final int BLOCK = 8;
    /**
     * A sample whose measured error is more than this many times that of as many single documents drawn is drawn again
     * with more blocks ({@link #inRuns()}).
     */
    static final double RUNS = 1.5;

    private static final long SEED = 0x6b656368L;
    /** The pilot draw, when the number of matches is not known, draws this share of the sample's size (1 / n). */
    private static final int PILOT_SHARE = 8;

    /**
     * Every match of {@code weight} when there are at most {@code countedUpTo} (then {@link #bin()} is 1 and {@link
     * #drawn()} is their exact number), else about {@code size} of them (at least half of it, rarely more; more when
     * they lie in runs, see above).
     *
     * @param total how many documents match, or a lower bound of it when not {@code exact}
     * @param expected about how many match when not {@code exact}, as the page's search found them ({@link
     *     CountedPrefix}), or -1: the rate is then taken from a pilot draw
     */
    static FacetSample of(
            IndexSearcher searcher, Weight weight, long total, boolean exact, long expected, int countedUpTo, int size)
            throws IOException {
        FacetSample sample;
        if (exact) {
            sample = draw(searcher, weight, binFor(total, countedUpTo, size));
        } else {
            // the number of matches is not known: at most as many as their postings hold (their cost), which
            // overestimates a conjunction's; the page's search tells roughly how many match from how far it went to
            // count its first ones, else a pilot draw of an eighth of the size out of as many does; the sample is drawn
            // at the rate that gives about size of them
            long most = Math.max(total, Math.min(searcher.getIndexReader().maxDoc(), cost(searcher, weight)));
            if (most <= countedUpTo) {
                return draw(searcher, weight, 1);
            }
            sample = draw(
                    searcher,
                    weight,
                    expected > countedUpTo
                            ? binFor(Math.min(expected, most), countedUpTo, size)
                            : Math.max(1, most / Math.max(1, size / PILOT_SHARE)));
            for (int redraws = 0; sample.bin() > 1 && sample.drawn() < size / 2 && redraws < 2; redraws++) {
                long bin = binFor(Math.max(total, sample.estimate()), countedUpTo, size);
                if (bin >= sample.bin()) {
                    break;
                }
                sample = draw(searcher, weight, bin);
            }
        }
        if (sample.bin() > 1 && sample.inRuns()) {
            // the error falls with the square root of the number of blocks drawn: as many more as bring it to that of
            // about size single documents
            double more = Math.pow(sample.error() * Math.sqrt(size), 2);
            long bin = Math.max(1, (long) Math.floor(sample.bin() / more));
            sample = draw(searcher, weight, Math.min(bin, sample.bin() - 1));
        }
        return sample;
    }

    /**
     * Whether the measured error is more than {@value #RUNS} times that of as many single documents drawn (1 / √drawn at
     * most): the matches lie in runs of neighbouring documents.
     */
    boolean inRuns() {
        return drawn > 0 && error > RUNS / Math.sqrt(drawn);
    }

    /** How many matches the sample stands for: exact when {@link #bin()} is 1, else an unbiased estimate. */
    long estimate() {
        return drawn * bin;
    }

    /** 1 (every match) up to {@code countedUpTo} matches, else the bin that draws about {@code size} of them. */
    private static long binFor(long matches, int countedUpTo, int size) {
        return matches <= countedUpTo ? 1 : Math.max(1, (matches + size - 1) / size);
    }

    /** At most how many documents match, as the postings tell without visiting them (Lucene's cost). */
    private static long cost(IndexSearcher searcher, Weight weight) throws IOException {
        long cost = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier scorers = weight.scorerSupplier(leaf);
            if (scorers != null) {
                cost += scorers.cost();
            }
        }
        return cost;
    }

    private static FacetSample draw(IndexSearcher searcher, Weight weight, long bin) throws IOException {
        List<FacetsCollector.MatchingDocs> sampled = new ArrayList<>();
        long drawn = 0;
        Spread spread = new Spread();
        // one entry for every segment, matching or not: the facet counts map the segments' ordinals to the index's
        // only when there are several entries (an index of one segment needs no mapping), so a sample found in one
        // segment of several would be counted under the wrong values
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                sampled.add(new FacetsCollector.MatchingDocs(leaf, DocIdSet.EMPTY, 0, null));
                continue;
            }
            FixedBitSet kept = new FixedBitSet(leaf.reader().maxDoc());
            int count = draw(
                    leaf.docBase,
                    leaf.reader().maxDoc(),
                    leaf.reader().getLiveDocs(),
                    scorer.iterator(),
                    bin,
                    kept,
                    spread);
            sampled.add(new FacetsCollector.MatchingDocs(leaf, new BitDocIdSet(kept, count), count, null));
            drawn += count;
        }
        double error = bin == 1
                ? 0
                : spread.relativeError(groups(searcher.getIndexReader().maxDoc(), bin), drawn);
        return new FacetSample(new Sampled(sampled), bin, drawn, error);
    }

    /** How many groups of {@code bin} blocks an index of {@code maxDoc} documents has. */
    static long groups(long maxDoc, long bin) {
        long blocks = (maxDoc + BLOCK - 1) / BLOCK;
        return Math.max(1, (blocks + bin - 1) / bin);
    }

    /** {@link #draw(long, int, Bits, DocIdSetIterator, long, FixedBitSet, Spread)} of one segment alone. */
    static int draw(long docBase, int maxDoc, Bits live, DocIdSetIterator matches, long bin, FixedBitSet kept)
            throws IOException {
        return draw(docBase, maxDoc, live, matches, bin, kept, new Spread());
    }

    /**
     * The matches of one segment in its drawn blocks, into {@code kept}; how many. Each one kept is told to {@code
     * spread} with its group.
     *
     * @param docBase the number of the segment's first document in the index
     * @param live the documents not deleted, null for all
     */
    static int draw(
            long docBase, int maxDoc, Bits live, DocIdSetIterator matches, long bin, FixedBitSet kept, Spread spread)
            throws IOException {
        int count = 0;
        if (bin == 1) {
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (live == null || live.get(doc)) {
                    kept.set(doc);
                    count++;
                }
            }
            return count;
        }
        int doc = matches.docID();
        for (long group = (docBase / BLOCK) / bin; ; ) {
            long start = drawnOf(group, bin) * BLOCK - docBase;
            long end = start + BLOCK;
            if (start >= maxDoc) {
                break;
            }
            if (end <= Math.max(0, doc)) {
                // drawn before this segment, or before the next match: this group gives nothing
                group++;
                continue;
            }
            if (doc < Math.max(0, start)) {
                doc = matches.advance((int) Math.max(0, start));
            }
            while (doc < end && doc != DocIdSetIterator.NO_MORE_DOCS) {
                if (live == null || live.get(doc)) {
                    kept.set(doc);
                    count++;
                    spread.add(group);
                }
                doc = matches.nextDoc();
            }
            if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            // on to the group of the next match
            group = Math.max(group + 1, ((docBase + doc) / BLOCK) / bin);
        }
        return count;
    }

    /** The block (number over every segment) drawn in group {@code g} of {@code bin} blocks: the same for the same group and size. */
    static long drawnOf(long g, long bin) {
        long z = (g + SEED) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return g * bin + Math.floorMod(z, bin);
    }

    /**
     * The counts of the drawn blocks, group by group in order (a group not told of counted none), for the variance
     * estimate for one unit drawn per group: half the mean squared difference between neighbouring groups' counts.
     */
    static final class Spread {

        private long[] groups = new long[256];
        private int[] counts = new int[256];
        private int size;

        /** One more match counted in {@code group}; groups come in order. */
        void add(long group) {
            if (size > 0 && groups[size - 1] == group) {
                counts[size - 1]++;
                return;
            }
            if (size == groups.length) {
                groups = Arrays.copyOf(groups, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            groups[size] = group;
            counts[size] = 1;
            size++;
        }

        /**
         * The relative standard error of {@code drawn × bin} as the number of matches, with {@code all} groups in the
         * index; 0 when nothing was drawn.
         */
        double relativeError(long all, long drawn) {
            if (drawn == 0 || all < 2) {
                return 0;
            }
            double squares = 0;
            for (int i = 0; i < size; i++) {
                long g = groups[i];
                double y = counts[i];
                boolean afterNeighbour = i > 0 && groups[i - 1] == g - 1;
                boolean beforeNeighbour = i + 1 < size && groups[i + 1] == g + 1;
                if (afterNeighbour) {
                    squares += (y - counts[i - 1]) * (y - counts[i - 1]);
                } else if (g > 0) {
                    // up from a group that counted none
                    squares += y * y;
                }
                if (!beforeNeighbour && g < all - 1) {
                    // down to a group that counts none
                    squares += y * y;
                }
            }
            double variance = squares / (2.0 * (all - 1));
            return Math.sqrt(all * variance) / drawn;
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
