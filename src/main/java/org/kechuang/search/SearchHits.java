package org.kechuang.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results, best first, with how many documents matched in all and the facet counts of all of them.
 *
 * @param facets per facet ({@code type}, {@code industry} (section), {@code chain}, {@code region} (province),
 *     {@code trl}) its values with their counts, most frequent first
 */
public record SearchHits(long total, List<Hit> results, Map<String, List<FacetCount>> facets) {

    /**
     * @param status the record's publication status, null for a library without one
     * @param snippet a passage of the body (or the start of it) with the matches in {@code <em>…</em>}; the text is
     *     HTML-escaped
     */
    public record Hit(String type, long id, String title, String status, String snippet, float score) {}

    public record FacetCount(String value, long count) {}
}
