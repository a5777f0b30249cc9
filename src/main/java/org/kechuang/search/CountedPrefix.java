package org.kechuang.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The page's search by relevance, noting how many matches it was given before it began to skip, and among how many
 * documents: the page's search is given every match, in the order of the index, until it has counted enough (1,000)
 * to raise the lowest score worth finding, so the matches among the documents it went through tell, for free, roughly
 * how dense the matches are over the whole index. The facets' sample takes its rate from that instead of from a pilot
 * draw (ADR 0027 addendum 3); the estimate of the total still comes from the sample itself, whatever the rate. When
 * the index is searched in slices at once, each slice goes through its own segments: their counts are added.
 *
 * @param <C> the page's collector
 * @param <T> its result
 */
final class CountedPrefix<C extends Collector, T> implements CollectorManager<CountedPrefix.Counting<C>, T> {

    /** Fewer matches given one by one before skipping tell too little (the page's search counted them all, or bulk). */
    static final int ENOUGH = 100;

    private final CollectorManager<C, T> page;
    private long counted;
    private long through;
    private boolean told = true;

    CountedPrefix(CollectorManager<C, T> page) {
        this.page = page;
    }

    @Override
    public Counting<C> newCollector() throws IOException {
        return new Counting<>(page.newCollector());
    }

    @Override
    public T reduce(Collection<Counting<C>> collectors) throws IOException {
        for (Counting<C> collector : collectors) {
            counted += collector.counted;
            through += collector.through;
            told &= collector.told;
        }
        return page.reduce(collectors.stream().map(c -> c.page).toList());
    }

    /**
     * About how many documents of an index of {@code maxDoc} match, from the matches given before the search began to
     * skip and the documents they were found among; -1 when that tells too little.
     */
    long expected(int maxDoc) {
        if (!told || counted < ENOUGH || through <= 0) {
            return -1;
        }
        return Math.min(maxDoc, Math.max(counted, Math.round((double) counted * maxDoc / through)));
    }

    /** The page's collector, counting the matches it is given one by one until its scorer is told to skip. */
    static final class Counting<C extends Collector> implements Collector {

        private final C page;
        /** Matches given before skipping, over the segments done. */
        private long counted;
        /** Documents gone through before skipping, over the segments done. */
        private long through;

        private boolean told = true;

        Counting(C page) {
            this.page = page;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            LeafCollector pageLeaf = page.getLeafCollector(leaf);
            int maxDoc = leaf.reader().maxDoc();
            return new LeafCollector() {
                private boolean skipping;
                private int last = -1;
                private long inLeaf;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    pageLeaf.setScorer(new FilterScorable(scorer) {
                        @Override
                        public void setMinCompetitiveScore(float minScore) throws IOException {
                            if (minScore > 0 && !skipping) {
                                skipping = true;
                                // the documents up to the last match given: gone through one by one
                                through += last + 1;
                                counted += inLeaf;
                            }
                            // the scorer's own (FilterScorable's field)
                            in.setMinCompetitiveScore(minScore);
                        }
                    });
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!skipping) {
                        inLeaf++;
                        last = doc;
                    }
                    pageLeaf.collect(doc);
                }

                @Override
                public void collect(DocIdStream stream) throws IOException {
                    // given in bulk: not counted one by one
                    told = false;
                    pageLeaf.collect(stream);
                }

                @Override
                public void collectRange(int min, int max) throws IOException {
                    told = false;
                    pageLeaf.collectRange(min, max);
                }

                @Override
                public DocIdSetIterator competitiveIterator() throws IOException {
                    return pageLeaf.competitiveIterator();
                }

                @Override
                public void finish() throws IOException {
                    if (!skipping) {
                        // every document of the segment gone through
                        through += maxDoc;
                        counted += inLeaf;
                    }
                    pageLeaf.finish();
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return page.scoreMode();
        }

        @Override
        public void setWeight(Weight weight) {
            page.setWeight(weight);
        }
    }
}
