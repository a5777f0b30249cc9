package org.kechuang.brokerage;

import java.time.Instant;

/**
 * A filtered page of engagements.
 *
 * @param stage null for every stage
 * @param demandId null for every demand
 * @param managerId null for every manager
 * @param overdueOnly only the open ones past their stage's deadline
 */
record EngagementQuery(
        Stage stage, Long demandId, Long managerId, boolean overdueOnly, Instant now, int page, int size) {}
