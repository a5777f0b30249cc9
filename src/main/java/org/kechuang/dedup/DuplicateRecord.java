package org.kechuang.dedup;

import java.time.Instant;

/**
 * One record of a candidate group as the operator compares them.
 *
 * @param summary a line of the record's content (owner, affiliation, patents, …)
 * @param path the record's page on the portal
 */
public record DuplicateRecord(
        long id,
        String title,
        String summary,
        Long stationId,
        String stationName,
        String sourceSystem,
        String sourceId,
        String status,
        Instant updatedAt,
        String path) {}
