package org.kechuang.search;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search as the results page links to it: the words, the library and the filters; each change gives a new link.
 *
 * @param sort {@code null} for relevance, {@code date}
 */
record SearchLink(String q, String type, String industry, String chain, String region, Integer trl, String sort) {

    static final List<String> FILTERS = List.of("industry", "chain", "region", "trl");

    SearchLink {
        q = blankToNull(q);
        type = blankToNull(type);
        industry = blankToNull(industry);
        chain = blankToNull(chain);
        region = blankToNull(region);
        sort = "date".equals(sort) ? sort : null;
    }

    String value(String filter) {
        return switch (filter) {
            case "industry" -> industry;
            case "chain" -> chain;
            case "region" -> region;
            case "trl" -> trl == null ? null : trl.toString();
            default -> throw new IllegalArgumentException(filter);
        };
    }

    SearchLink with(String filter, String value) {
        return switch (filter) {
            case "industry" -> new SearchLink(q, type, value, chain, region, trl, sort);
            case "chain" -> new SearchLink(q, type, industry, value, region, trl, sort);
            case "region" -> new SearchLink(q, type, industry, chain, value, trl, sort);
            case "trl" ->
                new SearchLink(q, type, industry, chain, region, value == null ? null : Integer.valueOf(value), sort);
            default -> throw new IllegalArgumentException(filter);
        };
    }

    SearchLink withType(String library) {
        return new SearchLink(q, library, industry, chain, region, trl, sort);
    }

    SearchLink withQ(String words) {
        return new SearchLink(words, type, industry, chain, region, trl, sort);
    }

    /** The first page in that order. */
    String sorted(String order) {
        return new SearchLink(q, type, industry, chain, region, trl, order).href();
    }

    String href() {
        return page(0);
    }

    String page(int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/search");
        add(link, "q", q);
        add(link, "type", type);
        add(link, "industry", industry);
        add(link, "chain", chain);
        add(link, "region", region);
        add(link, "trl", trl == null ? null : trl.toString());
        add(link, "sort", sort);
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }

    /** The first results of this search, for counting. */
    SearchQuery query(Searcher searcher, int size) {
        return new SearchQuery(
                q,
                type,
                industry,
                chain,
                region,
                trl,
                sort == null ? SearchQuery.Order.RELEVANCE : SearchQuery.Order.DATE,
                searcher,
                0,
                size);
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
