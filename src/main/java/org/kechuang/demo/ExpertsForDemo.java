package org.kechuang.demo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.StationAdministration;
import org.kechuang.organization.Stations;
import org.kechuang.talent.ExpertDraft;
import org.kechuang.talent.ExpertSeeds;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The generated experts as drafts of the expert library, seeded through its bulk path. They are the stations' lists:
 * unclaimed, the societies they belong to being the demo's national societies, and a written consent, where the
 * expert gave one, recorded by the station's admin (by the operator where the demo appoints none).
 */
@Component
@Profile("demo")
class ExpertsForDemo implements DemoLibrary {

    private final ExpertSeeds experts;
    private final Stations stations;
    private final StationAdministration administration;
    private final Accounts accounts;

    ExpertsForDemo(ExpertSeeds experts, Stations stations, StationAdministration administration, Accounts accounts) {
        this.experts = experts;
        this.stations = stations;
        this.administration = administration;
        this.accounts = accounts;
    }

    @Override
    public String kind() {
        return EXPERT;
    }

    @Override
    public int seed(DemoGenerator generator, DemoProperties counts, Map<String, Long> stationIds, Instant now) {
        Map<String, Long> societies = new HashMap<>();
        for (String code : stationIds.keySet()) {
            societies.put(code, stations.findByCode(code).orElseThrow().organizationId());
        }
        long operator = accounts.findByUsername(DemoData.OPERATOR).orElseThrow().id();
        Map<Long, Long> recorders = new HashMap<>();
        for (long stationId : stationIds.values()) {
            recorders.put(
                    stationId,
                    administration.adminsOf(stationId).stream()
                            .map(StationAdministration.StationAdmin::userId)
                            .findFirst()
                            .orElse(operator));
        }
        return DemoLibrary.storeInParallel(
                DemoLibrary.chunksByStation(
                        generator.experts(counts.experts()), GeneratedExpert::stationCode, stationIds),
                (stationId, chunk) -> experts.seed(
                        stationId,
                        SOURCE_SYSTEM,
                        chunk.stream()
                                .map(expert -> {
                                    Instant createdAt = DemoLibrary.createdAt(now, expert.ageHours());
                                    return new ExpertSeeds.Seed(
                                            expert.sourceId(),
                                            draft(expert, societies, stationId),
                                            expert.status(),
                                            expert.returnReason(),
                                            createdAt,
                                            expert.consent() == null
                                                    ? null
                                                    : new ExpertSeeds.WrittenConsent(
                                                            expert.consent().equals("CONTACT"),
                                                            recorders.get(stationId),
                                                            createdAt));
                                })
                                .toList()));
    }

    /** The post held, where there is one, closes the introduction: the library has no field of its own for it. */
    static ExpertDraft draft(GeneratedExpert expert, Map<String, Long> societyIdsByStation, Long stationId) {
        List<Long> societies =
                expert.societyCodes().stream().map(societyIdsByStation::get).toList();
        return new ExpertDraft(
                expert.name(),
                expert.affiliation(),
                expert.title(),
                expert.disciplines(),
                expert.researchFields(),
                expert.keywords(),
                expert.regionCode(),
                societies,
                expert.youngTalent(),
                expert.overseas(),
                expert.availability(),
                expert.position() == null
                        ? expert.introduction()
                        : expert.introduction() + "兼任" + expert.position() + "。",
                null,
                expert.email(),
                stationId,
                null);
    }
}
