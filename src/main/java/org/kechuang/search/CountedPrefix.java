package org.kechuang.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The page's search, noting how far into the index it had to go to count its first {@code n} matches: the page's
 * search counts every match up to that many before it may skip (ADR 0027), so the matches among the documents it went
 * through tell, for free, roughly how dense the matches are over the whole index. The facets' sample takes its rate from
 * that instead of from a pilot draw (ADR 0027 addendum 3); the estimate of the total still comes from the sample
 * itself, whatever the rate.
 *
 * @param <C> the page's collector
 * @param <T> its result
 */
final class CountedPrefix<C extends Collector, T> implements CollectorManager<CountedPrefix.Counting<C>, T> {

    private final CollectorManager<C, T> page;
    private final int n;
    private long through = -1;
    private boolean complete = true;

    CountedPrefix(CollectorManager<C, T> page, int n) {
        this.page = page;
        this.n = n;
    }

    @Override
    public Counting<C> newCollector() throws IOException {
        return new Counting<>(page.newCollector(), n);
    }

    @Override
    public T reduce(Collection<Counting<C>> collectors) throws IOException {
        long counted = 0;
        for (Counting<C> collector : collectors) {
            counted += collector.counted;
            through = Math.max(through, collector.through);
            complete &= collector.complete;
        }
        if (counted < n) {
            through = -1;
        }
        return page.reduce(collectors.stream().map(c -> c.page).toList());
    }

    /**
     * About how many documents of an index of {@code maxDoc} match, from the number of documents the search went through
     * to count the first {@code n} matches; -1 when it counted fewer (then it counted them all) or could not tell.
     */
    long expected(int maxDoc) {
        if (through < 0 || !complete) {
            return -1;
        }
        return Math.min(maxDoc, Math.max(n, Math.round((double) n * maxDoc / (through + 1))));
    }

    /** The page's collector, counting the matches it is given until {@code n}. */
    static final class Counting<C extends Collector> implements Collector {

        private final C page;
        private final int n;
        private int counted;
        private long through = -1;
        private boolean complete = true;

        Counting(C page, int n) {
            this.page = page;
            this.n = n;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            LeafCollector in = page.getLeafCollector(leaf);
            int docBase = leaf.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    in.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (counted < n) {
                        counted++;
                        through = Math.max(through, docBase + (long) doc);
                    }
                    in.collect(doc);
                }

                @Override
                public void collect(DocIdStream stream) throws IOException {
                    // given in bulk: not counted one by one, so the density is not told
                    complete = false;
                    in.collect(stream);
                }

                @Override
                public void collectRange(int min, int max) throws IOException {
                    complete = false;
                    in.collectRange(min, max);
                }

                @Override
                public DocIdSetIterator competitiveIterator() throws IOException {
                    return in.competitiveIterator();
                }

                @Override
                public void finish() throws IOException {
                    in.finish();
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
