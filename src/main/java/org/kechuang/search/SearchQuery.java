package org.kechuang.search;

import java.time.Instant;
import java.util.Objects;

/**
 * What to look for: the words typed (blank for everything) and filters, each optional; a filter code of a higher level
 * (a province, an industry section, a chain) covers the codes below it.
 *
 * @param order best matches first, or the latest changed first
 * @param searcher who is searching: the results are what they may see
 * @param page from 0
 * @param changedSince only the documents changed (written to the index with a last change) at or after this instant;
 *     null for every one
 * @param wordShare null for what a user types (every bigram of the text is required); otherwise a text used as an
 *     example (a demand looking for achievements): its distinct words, each optional, of which at least this share
 *     (0–1] must be found in a result
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
        int size,
        Instant changedSince,
        Double wordShare) {

    public SearchQuery {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(searcher, "searcher");
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page or size");
        }
        if (wordShare != null && (wordShare <= 0 || wordShare > 1)) {
            throw new IllegalArgumentException("wordShare");
        }
    }

    /** Every document changed at any time, the text as a user types it. */
    public SearchQuery(
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
        this(text, type, industry, chain, region, trl, order, searcher, page, size, null, null);
    }

    /** The same search among the documents changed at or after {@code since}. */
    public SearchQuery changedSince(Instant since) {
        return new SearchQuery(text, type, industry, chain, region, trl, order, searcher, page, size, since, wordShare);
    }

    /** The same search with the text as an example: results contain at least this share of its distinct words. */
    public SearchQuery sharingWords(double share) {
        return new SearchQuery(
                text, type, industry, chain, region, trl, order, searcher, page, size, changedSince, share);
    }

    /** The same search, another page. */
    public SearchQuery atPage(int other) {
        return new SearchQuery(
                text, type, industry, chain, region, trl, order, searcher, other, size, changedSince, wordShare);
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
