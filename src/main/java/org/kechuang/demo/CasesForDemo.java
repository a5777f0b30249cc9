package org.kechuang.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.kechuang.achievement.AchievementSeeds;
import org.kechuang.caselib.CaseDraft;
import org.kechuang.caselib.CaseSeeds;
import org.kechuang.demand.DemandSeeds;
import org.kechuang.organization.Stations;
import org.kechuang.talent.ExpertSeeds;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The generated cases as drafts of the case library, seeded through its bulk path after the demands, achievements and
 * experts they link: the links name the generated records by their demo source ids, which become the ids their
 * stations store them under. A broker that is a demo station is linked to the station's organization.
 */
@Component
@Profile("demo")
class CasesForDemo implements DemoLibrary {

    private final CaseSeeds cases;
    private final DemandSeeds demands;
    private final AchievementSeeds achievements;
    private final ExpertSeeds experts;
    private final Stations stations;

    CasesForDemo(
            CaseSeeds cases,
            DemandSeeds demands,
            AchievementSeeds achievements,
            ExpertSeeds experts,
            Stations stations) {
        this.cases = cases;
        this.demands = demands;
        this.achievements = achievements;
        this.experts = experts;
        this.stations = stations;
    }

    @Override
    public String kind() {
        return CASE;
    }

    @Override
    public int seed(DemoGenerator generator, DemoProperties counts, Map<String, Long> stationIds, Instant now) {
        List<GeneratedDemand> generatedDemands = generator.demands(counts.demands());
        List<GeneratedAchievement> generatedAchievements = generator.achievements(counts.achievements());
        List<GeneratedExpert> generatedExperts = generator.experts(counts.experts());
        List<GeneratedCase> generated =
                generator.cases(counts.cases(), generatedDemands, generatedAchievements, generatedExperts);

        Map<String, String> stationOf = new HashMap<>();
        generatedDemands.forEach(d -> stationOf.put(d.sourceId(), d.stationCode()));
        generatedAchievements.forEach(a -> stationOf.put(a.sourceId(), a.stationCode()));
        generatedExperts.forEach(e -> stationOf.put(e.sourceId(), e.stationCode()));
        Set<String> linkedDemands = new LinkedHashSet<>();
        Set<String> linkedAchievements = new LinkedHashSet<>();
        Set<String> linkedExperts = new LinkedHashSet<>();
        for (GeneratedCase generatedCase : generated) {
            if (generatedCase.demandSourceId() != null) {
                linkedDemands.add(generatedCase.demandSourceId());
            }
            if (generatedCase.achievementSourceId() != null) {
                linkedAchievements.add(generatedCase.achievementSourceId());
            }
            linkedExperts.addAll(generatedCase.expertSourceIds());
        }
        Map<String, Long> ids = new HashMap<>();
        ids.putAll(idsOf(linkedDemands, stationOf, stationIds, demands::idsBySource));
        ids.putAll(idsOf(linkedAchievements, stationOf, stationIds, achievements::idsBySource));
        ids.putAll(idsOf(linkedExperts, stationOf, stationIds, experts::idsBySource));

        Map<String, Long> organizationOfStation = new HashMap<>();
        for (String code : stationIds.keySet()) {
            Stations.StationSummary station = stations.findByCode(code).orElseThrow();
            organizationOfStation.put(station.name(), station.organizationId());
        }
        return DemoLibrary.storeInParallel(
                DemoLibrary.chunksByStation(generated, GeneratedCase::stationCode, stationIds),
                (stationId, chunk) -> cases.seed(
                        stationId,
                        SOURCE_SYSTEM,
                        chunk.stream()
                                .map(generatedCase -> new CaseSeeds.Seed(
                                        generatedCase.sourceId(),
                                        draft(generatedCase, ids, organizationOfStation, stationId),
                                        generatedCase.status(),
                                        generatedCase.returnReason(),
                                        DemoLibrary.createdAt(now, generatedCase.ageHours())))
                                .toList()));
    }

    /**
     * The stored ids of the linked records, looked up at the stations that hold them.
     *
     * @throws IllegalStateException when a linked record is not stored: it was generated and seeded before the cases
     */
    private static Map<String, Long> idsOf(
            Set<String> sourceIds,
            Map<String, String> stationOf,
            Map<String, Long> stationIds,
            BiFunction<Long, List<String>, Map<String, Long>> lookUp) {
        Map<String, List<String>> byStation = new HashMap<>();
        for (String sourceId : sourceIds) {
            byStation
                    .computeIfAbsent(stationOf.get(sourceId), code -> new ArrayList<>())
                    .add(sourceId);
        }
        Map<String, Long> ids = new HashMap<>();
        byStation.forEach((code, list) -> ids.putAll(lookUp.apply(stationIds.get(code), list)));
        for (String sourceId : sourceIds) {
            if (!ids.containsKey(sourceId)) {
                throw new IllegalStateException("a demo case links " + sourceId + ", which is not stored");
            }
        }
        return ids;
    }

    static CaseDraft draft(
            GeneratedCase generatedCase, Map<String, Long> ids, Map<String, Long> organizationByName, Long stationId) {
        return new CaseDraft(
                generatedCase.title(),
                generatedCase.problem(),
                generatedCase.solution(),
                generatedCase.parties().stream()
                        .map(party -> new CaseDraft.PartyDraft(
                                party.role(), organizationByName.get(party.name()), party.name()))
                        .toList(),
                generatedCase.figures().stream()
                        .map(figure -> new CaseDraft.FigureDraft(
                                figure.name(), figure.value().toPlainString(), figure.unit(), figure.kind()))
                        .toList(),
                null,
                generatedCase.industryCode(),
                generatedCase.chainNodeCode(),
                generatedCase.regionCode(),
                generatedCase.demandSourceId() == null ? null : ids.get(generatedCase.demandSourceId()),
                generatedCase.achievementSourceId() == null ? null : ids.get(generatedCase.achievementSourceId()),
                generatedCase.expertSourceIds().stream().map(ids::get).toList(),
                stationId,
                null);
    }
}
