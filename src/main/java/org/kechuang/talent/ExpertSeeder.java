package org.kechuang.talent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
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
 * Seeds expert profiles in bulk: ids reserved, every new seed checked and (unless a draft) screened, one multi-row
 * insert and one history statement per chunk, as the bulk paths of the other libraries do. The profiles are unclaimed
 * and authored by nobody (the station supplied them); a written consent is taken only from a curator of the station,
 * as the profile's page would take it.
 */
@Service
class ExpertSeeder implements ExpertSeeds {

    private final ExpertRepository experts;
    private final ExpertRules rules;
    private final ContentScreen screen;
    private final RecordHistory history;
    private final Stations stations;
    private final Accounts accounts;

    ExpertSeeder(
            ExpertRepository experts,
            ExpertRules rules,
            ContentScreen screen,
            RecordHistory history,
            Stations stations,
            Accounts accounts) {
        this.experts = experts;
        this.rules = rules;
        this.screen = screen;
        this.history = history;
        this.stations = stations;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public int seed(long stationId, String sourceSystem, List<Seed> seeds) {
        Stations.StationSummary station = stations.find(stationId)
                .orElseThrow(() -> DomainException.invalid("stationId", "expert.station.unknown", stationId));
        List<String> sourceIds = new ArrayList<>(seeds.size());
        for (Seed seed : seeds) {
            String sourceId = Text.cleanOrNull(seed.sourceId());
            if (sourceId == null || sourceId.length() > 200) {
                throw DomainException.invalid("sourceId", "expert.source-id.required");
            }
            sourceIds.add(sourceId);
        }
        if (new HashSet<>(sourceIds).size() < sourceIds.size()) {
            throw DomainException.conflict("sourceId", "expert.source.duplicate");
        }
        Set<String> known = experts.knownSources(stationId, sourceIds);
        Map<Long, Boolean> curators = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        List<ExpertContent> contents = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            if (known.contains(sourceIds.get(i))) {
                continue;
            }
            Seed seed = seeds.get(i);
            ExpertContent content = rules.validate(seed.draft());
            requireReachable(seed);
            if (seed.consent() != null
                    && !curators.computeIfAbsent(seed.consent().recordedBy(), account -> curates(account, station))) {
                throw new IllegalArgumentException("a written consent is recorded by a curator of the station: "
                        + seed.sourceId() + " by #" + seed.consent().recordedBy());
            }
            fresh.add(i);
            contents.add(content);
        }
        List<Long> ids = experts.reserveIds(fresh.size());
        List<Expert> inserted = new ArrayList<>(fresh.size());
        List<RecordHistory.Action> actions = new ArrayList<>(fresh.size());
        for (int n = 0; n < fresh.size(); n++) {
            Seed seed = seeds.get(fresh.get(n));
            long id = ids.get(n);
            ExpertContent content = contents.get(n);
            boolean held = seed.status() != PublicationStatus.DRAFT
                    && screen.screen(ExpertCatalog.RECORD_TYPE, id, stationId, content.screenedText())
                            .held();
            Expert expert = new Expert(
                    id,
                    content,
                    new Provenance(stationId, sourceSystem, sourceIds.get(fresh.get(n)), null),
                    held ? PublicationStatus.SUBMITTED : seed.status(),
                    held ? null : seed.returnReason(),
                    held,
                    null,
                    consent(seed.consent()),
                    null,
                    seed.createdAt(),
                    seed.createdAt(),
                    0);
            inserted.add(expert);
            actions.add(new RecordHistory.Action(id, null, "seeded", Map.of(), ExpertCatalog.fieldsOf(expert)));
        }
        experts.insertAll(inserted);
        history.recordAll(ExpertCatalog.RECORD_TYPE, actions);
        return inserted.size();
    }

    private static Consent consent(WrittenConsent written) {
        if (written == null) {
            return null;
        }
        return new Consent(
                written.contact() ? Consent.Scope.CONTACT : Consent.Scope.PROFILE,
                Consent.Basis.WRITTEN,
                written.recordedBy(),
                written.at());
    }

    /** Operators everywhere, the station's admins while it is active: those who may record a consent on the page. */
    private boolean curates(long accountId, Stations.StationSummary station) {
        return accounts.findById(accountId)
                .map(Account::toCurrentUser)
                .filter(user -> user.isOperator() || (station.active() && user.administers(station.id())))
                .isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> idsBySource(long stationId, List<String> sourceIds) {
        return experts.idsBySource(stationId, sourceIds);
    }

    /** Only states the lifecycle reaches without an operator. */
    private static void requireReachable(Seed seed) {
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
        if (seed.consent() != null && seed.consent().at() == null) {
            throw new IllegalArgumentException("a consent needs the time it was recorded: " + seed.sourceId());
        }
    }
}
