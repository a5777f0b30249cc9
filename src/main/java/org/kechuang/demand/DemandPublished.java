package org.kechuang.demand;

/**
 * A demand became published (first publication, or again after its author answered a return or an operator released
 * it). Brokerage triages demands posted by members to a technology manager from it.
 *
 * @param authorId the account that created it, null for an imported demand
 */
public record DemandPublished(long demandId, Long authorId, Long stationId) {}
