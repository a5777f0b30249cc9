package org.kechuang.demand;

import java.util.List;

/**
 * How completely a demand is described (完整度), as {@link DemandCompleteness} scores it: 0–100 and what the author could
 * add, most valuable first.
 *
 * @param score 0 (only the required title and background) to 100 (everything a technology manager needs)
 */
public record Completeness(int score, List<Suggestion> suggestions) {

    public Completeness {
        suggestions = List.copyOf(suggestions);
    }

    /**
     * One thing the author could add or improve.
     *
     * @param field the demand field it is about ({@code targetIndicators}, {@code budgetMax}, …), as the API names it
     * @param key the message key of the suggestion in the demand bundles, in Chinese and English ({@code
     *     demand.completeness.<…>})
     */
    public record Suggestion(String field, String key) {}
}
