package org.kechuang.dedup;

import java.util.List;

/**
 * Records that share a duplicate key.
 *
 * @param reason why they are candidates: {@code patent} (same patent number), {@code name-affiliation} (same expert
 *     name and affiliation), {@code title-owner} (near-identical title and the same owner)
 * @param value the shared value as people read it (the patent number, the name and affiliation, the title)
 * @param recordIds at least two, ascending
 */
public record DuplicateGroup(String reason, String value, List<Long> recordIds) {

    public DuplicateGroup {
        recordIds = List.copyOf(recordIds.stream().sorted().distinct().toList());
        if (recordIds.size() < 2) {
            throw new IllegalArgumentException("a group needs two records");
        }
    }
}
