package org.kechuang.demand;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kechuang.moderation.ContentScreen;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds demands in bulk: ids reserved, every new seed checked and (unless a draft) screened, one multi-row insert and
 * one history statement per chunk, as the bulk import of achievements does.
 */
@Service
class DemandSeeder implements DemandSeeds {

    private final DemandRepository demands;
    private final DemandRules rules;
    private final DemandCatalog catalog;
    private final ContentScreen screen;
    private final RecordHistory history;
    private final Stations stations;

    DemandSeeder(
            DemandRepository demands,
            DemandRules rules,
            DemandCatalog catalog,
            ContentScreen screen,
            RecordHistory history,
            Stations stations) {
        this.demands = demands;
        this.rules = rules;
        this.catalog = catalog;
        this.screen = screen;
        this.history = history;
        this.stations = stations;
    }

    @Override
    @Transactional
    public int seed(long stationId, String sourceSystem, List<Seed> seeds) {
        if (stations.find(stationId).isEmpty()) {
            throw DomainException.invalid("stationId", "demand.station.unknown", stationId);
        }
        List<String> sourceIds = new ArrayList<>(seeds.size());
        for (Seed seed : seeds) {
            String sourceId = Text.cleanOrNull(seed.sourceId());
            if (sourceId == null || sourceId.length() > 200) {
                throw DomainException.invalid("sourceId", "demand.source-id.required");
            }
            sourceIds.add(sourceId);
        }
        if (new HashSet<>(sourceIds).size() < sourceIds.size()) {
            throw DomainException.conflict("sourceId", "demand.source.duplicate");
        }
        Set<String> known = demands.knownSources(stationId, sourceIds);
        List<Integer> fresh = new ArrayList<>();
        List<DemandContent> contents = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            if (known.contains(sourceIds.get(i))) {
                continue;
            }
            Seed seed = seeds.get(i);
            DemandContent content = rules.validate(seed.draft());
            requireReachable(seed, content);
            fresh.add(i);
            contents.add(content);
        }
        List<Long> ids = demands.reserveIds(fresh.size());
        List<Demand> inserted = new ArrayList<>(fresh.size());
        List<String> sections = new ArrayList<>(fresh.size());
        List<RecordHistory.Action> actions = new ArrayList<>(fresh.size());
        for (int n = 0; n < fresh.size(); n++) {
            Seed seed = seeds.get(fresh.get(n));
            long id = ids.get(n);
            DemandContent content = contents.get(n);
            boolean held = seed.status() != PublicationStatus.DRAFT
                    && screen.screen(DemandCatalog.RECORD_TYPE, id, stationId, content.screenedText())
                            .held();
            Demand demand = new Demand(
                    id,
                    content,
                    new Provenance(stationId, sourceSystem, sourceIds.get(fresh.get(n)), null),
                    held ? PublicationStatus.SUBMITTED : seed.status(),
                    held ? null : seed.returnReason(),
                    null,
                    held,
                    null,
                    seed.createdAt(),
                    seed.createdAt(),
                    0);
            inserted.add(demand);
            sections.add(catalog.sectionOf(content));
            actions.add(new RecordHistory.Action(id, null, "seeded", Map.of(), DemandCatalog.fieldsOf(demand)));
        }
        demands.insertAll(inserted, sections);
        history.recordAll(DemandCatalog.RECORD_TYPE, actions);
        return inserted.size();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> idsBySource(long stationId, List<String> sourceIds) {
        return demands.idsBySource(stationId, sourceIds);
    }

    /** Only states the lifecycle reaches without an operator; an open demand's deadline lies ahead. */
    private void requireReachable(Seed seed, DemandContent content) {
        PublicationStatus status = seed.status();
        if (status == null || status == PublicationStatus.SUBMITTED) {
            throw new IllegalArgumentException("a seed is a draft, published, returned or archived: " + status);
        }
        if ((status == PublicationStatus.RETURNED)
                != (seed.returnReason() != null && !seed.returnReason().isBlank())) {
            throw new IllegalArgumentException(
                    "a returned seed and only a returned one has a reason: " + seed.sourceId());
        }
        if (seed.createdAt() == null) {
            throw new IllegalArgumentException("a seed needs its creation time: " + seed.sourceId());
        }
        if (status != PublicationStatus.ARCHIVED) {
            DemandRules.requireOpenDeadline(content, catalog.today());
        }
    }
}
