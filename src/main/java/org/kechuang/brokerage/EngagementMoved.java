package org.kechuang.brokerage;

/**
 * An engagement was started ({@code from} null) or moved to another stage. Published after commit for the funnel,
 * matching outcomes and notifications.
 *
 * @param closeReason set when {@code to} is {@link Stage#CLOSED}
 * @param confidential the parties are named to the parties and operators only
 */
public record EngagementMoved(
        long engagementId,
        long demandId,
        CounterpartType counterpartType,
        long counterpartId,
        Long stationId,
        long managerId,
        Stage from,
        Stage to,
        CloseReason closeReason,
        long actorId,
        boolean confidential) {}
