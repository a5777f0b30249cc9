package org.kechuang.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results, best first, with how many documents matched in all and the facet counts of all of them.
 *
 * @param total how many documents matched: exactly when {@code totalExact}, else an estimate from a random sample of
 *     the matches (a search matching more than {@value LuceneSearchEngine#FACETS_COUNTED_UP_TO}; within ±3 % of the
 *     true number in about 19 searches out of 20, see {@link FacetSample}), so that the best could be found without
 *     visiting all of them
 * @param totalExact whether {@code total} is the exact count
 * @param facets per facet ({@code type}, {@code industry} (section), {@code chain}, {@code region} (province),
 *     {@code trl}) its values with their counts, most frequent first
 * @param facetsEstimated true when the search matched too many documents to count them all into the facets: the
 *     counts are then estimates from a random sample of the matches (each at least 1, values too rare to be drawn
 *     missing); false when they are exact
 */
public record SearchHits(
        long total,
        boolean totalExact,
        List<Hit> results,
        Map<String, List<FacetCount>> facets,
        boolean facetsEstimated) {

    /**
     * @param status the record's publication status, null for a library without one
     * @param snippet a passage of the body (or the start of it) with the matches in {@code <em>…</em>}; the text is
     *     HTML-escaped
     */
    public record Hit(String type, long id, String title, String status, String snippet, float score) {}

    public record FacetCount(String value, long count) {}
}
