package org.kechuang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * A term in any of several fields: per field a {@link TermQuery} (BM25) weighted by the field's weight, the fields'
 * scores summed; every field scored with the same IDF, that of the term over all the fields (the highest document
 * frequency and document count among them, as BM25F takes them), so that a field few documents have (keywords) does
 * not get a lower IDF than the body for the same term and drown its weight. Unlike {@code CombinedFieldQuery} (BM25F),
 * this is a disjunction of term queries, whose postings carry block-max scores: Lucene finds the top results without
 * scoring every match (MaxScore / block-max WAND).
 *
 * <p>Rewritten against a searcher: the IDF correction is a boost per field, {@code weight × shared IDF / field IDF}
 * (the IDF of {@link org.apache.lucene.search.similarities.BM25Similarity}, the searchers' similarity).
 */
final class AnyFieldTermQuery extends Query {

    private final String text;
    private final Map<String, Float> weights;

    /** @param weights field → weight, in a stable order */
    AnyFieldTermQuery(String text, Map<String, Float> weights) {
        this.text = Objects.requireNonNull(text);
        this.weights = Map.copyOf(weights);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        List<String> fields = new ArrayList<>();
        List<TermStates> states = new ArrayList<>();
        List<CollectionStatistics> statistics = new ArrayList<>();
        long docFreq = 0;
        long docCount = 0;
        for (String field : weights.keySet().stream().sorted().toList()) {
            TermStates found = TermStates.build(searcher, new Term(field, text), true);
            CollectionStatistics collection = searcher.collectionStatistics(field);
            if (found.docFreq() == 0 || collection == null) {
                continue;
            }
            fields.add(field);
            states.add(found);
            statistics.add(collection);
            docFreq = Math.max(docFreq, found.docFreq());
            docCount = Math.max(docCount, collection.docCount());
        }
        if (fields.isEmpty()) {
            return new MatchNoDocsQuery("\"" + text + "\" is in no field");
        }
        double shared = idf(docFreq, docCount);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            double own = idf(states.get(i).docFreq(), statistics.get(i).docCount());
            float boost = (float) (weights.get(field) * shared / own);
            Query term = new BoostQuery(new TermQuery(new Term(field, text), states.get(i)), boost);
            if (fields.size() == 1) {
                return term;
            }
            any.add(term, Occur.SHOULD);
        }
        return any.build();
    }

    /** BM25's IDF, as {@code BM25Similarity} computes it. */
    static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    @Override
    public void visit(QueryVisitor visitor) {
        for (String field : weights.keySet()) {
            if (visitor.acceptField(field)) {
                visitor.consumeTerms(this, new Term(field, text));
            }
        }
    }

    @Override
    public String toString(String field) {
        return "anyField(" + text + " " + weights + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && text.equals(((AnyFieldTermQuery) other).text)
                && weights.equals(((AnyFieldTermQuery) other).weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), text, weights);
    }
}
