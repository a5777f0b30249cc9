package org.kechuang.search;

import java.util.Objects;
import java.util.Set;

/**
 * What to look for: the words typed (blank for everything) and filters, each optional; a filter code of a higher level
 * (a province, an industry section, a chain) covers the codes below it.
 *
 * @param visibilities the documents the caller may find; at least one
 * @param page from 0
 */
public record SearchQuery(
        String text,
        String type,
        String industry,
        String chain,
        String region,
        Integer trl,
        Set<Visibility> visibilities,
        int page,
        int size) {

    public SearchQuery {
        visibilities = Set.copyOf(Objects.requireNonNull(visibilities, "visibilities"));
        if (visibilities.isEmpty() || page < 0 || size < 1) {
            throw new IllegalArgumentException("visibilities, page or size");
        }
    }

    /** The public documents matching {@code text}, first page. */
    public static SearchQuery publicly(String text, int size) {
        return new SearchQuery(text, null, null, null, null, null, Set.of(Visibility.PUBLIC), 0, size);
    }
}
