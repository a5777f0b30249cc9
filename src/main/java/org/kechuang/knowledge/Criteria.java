package org.kechuang.knowledge;

import org.kechuang.search.SearchQuery;
import org.kechuang.search.Searcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a saved search looks for: the words and the filters of the results page, each optional.
 *
 * @param type a library ({@code demand}, {@code achievement}, …)
 */
record Criteria(String q, String type, String industry, String chain, String region, Integer trl) {

    Criteria {
        q = blankToNull(q);
        type = blankToNull(type);
        industry = blankToNull(industry);
        chain = blankToNull(chain);
        region = blankToNull(region);
    }

    /** The latest changed matches first. */
    SearchQuery query(Searcher searcher, int size) {
        return new SearchQuery(q, type, industry, chain, region, trl, SearchQuery.Order.DATE, searcher, 0, size);
    }

    /** The results page of this search. */
    public String href() {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/search");
        add(link, "q", q);
        add(link, "type", type);
        add(link, "industry", industry);
        add(link, "chain", chain);
        add(link, "region", region);
        add(link, "trl", trl == null ? null : trl.toString());
        return link.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
