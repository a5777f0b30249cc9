package org.kechuang.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.kechuang.demand.DemandDraft;
import org.kechuang.demand.DemandSeeds;
import org.kechuang.demand.TargetIndicator;
import org.kechuang.shared.CooperationMode;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The generated demands as drafts of the demand library, seeded through its bulk path. */
@Component
@Profile("demo")
class DemandsForDemo implements DemoLibrary {

    private final DemandSeeds demands;

    DemandsForDemo(DemandSeeds demands) {
        this.demands = demands;
    }

    @Override
    public String kind() {
        return DEMAND;
    }

    @Override
    public int seed(DemoGenerator generator, DemoProperties counts, Map<String, Long> stationIds, Instant now) {
        return DemoLibrary.storeInParallel(
                DemoLibrary.chunksByStation(
                        generator.demands(counts.demands()), GeneratedDemand::stationCode, stationIds),
                (stationId, chunk) -> demands.seed(
                        stationId,
                        SOURCE_SYSTEM,
                        chunk.stream()
                                .map(demand -> new DemandSeeds.Seed(
                                        demand.sourceId(),
                                        draft(demand, stationId),
                                        demand.status(),
                                        demand.returnReason(),
                                        DemoLibrary.createdAt(now, demand.ageHours())))
                                .toList()));
    }

    static DemandDraft draft(GeneratedDemand demand, Long stationId) {
        return new DemandDraft(
                demand.title(),
                demand.background(),
                demand.technicalProblems(),
                demand.targetIndicators().stream()
                        .map(indicator -> new TargetIndicator.Draft(
                                indicator.name(),
                                indicator.comparator(),
                                indicator.quantified() ? indicator.value().toPlainString() : null,
                                indicator.unit(),
                                indicator.text()))
                        .toList(),
                demand.industryCode(),
                demand.chainNodeCode(),
                demand.applicationScenario(),
                demand.regionCode(),
                demand.cooperationModes().stream().map(CooperationMode::name).toList(),
                plain(demand.budgetMin()),
                plain(demand.budgetMax()),
                demand.deadline().toString(),
                demand.confidential(),
                demand.contactPerson(),
                null,
                demand.contactEmail(),
                null,
                stationId,
                null);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
