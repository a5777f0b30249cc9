package org.kechuang.search;

import java.util.Objects;

/**
 * What to look for: the words typed (blank for everything) and filters, each optional; a filter code of a higher level
 * (a province, an industry section, a chain) covers the codes below it.
 *
 * @param order best matches first, or the latest changed first
 * @param searcher who is searching: the results are what they may see
 * @param page from 0
 */
public record SearchQuery(
        String text,
        String type,
        String industry,
        String chain,
        String region,
        Integer trl,
        Order order,
        Searcher searcher,
        int page,
        int size) {

    public SearchQuery {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(searcher, "searcher");
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page or size");
        }
    }

    /** The documents a visitor may find matching {@code text}, first page. */
    public static SearchQuery publicly(String text, int size) {
        return new SearchQuery(text, null, null, null, null, null, Order.RELEVANCE, Searcher.VISITOR, 0, size);
    }

    public enum Order {
        RELEVANCE,
        /** The record changed last first; equally recent ones best match first. */
        DATE
    }
}
