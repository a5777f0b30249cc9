package org.kechuang.brokerage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kechuang.demand.Demands;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.IndustryChains;
import org.kechuang.shared.PublicationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The brokerage funnel per station, industry chain and manager, counted from the records: the engagements in scope and
 * the demand library's published demands ({@link FunnelStep}). Every count has its drill-down, which lists exactly the
 * demands counted, with the engagements that put them there.
 */
@Service
class Funnel {

    static final int MAX_SIZE = 100;

    private final EngagementStore store;
    private final Demands demands;
    private final Stations stations;
    private final IndustryChains chains;
    private final Triage triage;
    private final JdbcClient jdbc;

    Funnel(
            EngagementStore store,
            Demands demands,
            Stations stations,
            IndustryChains chains,
            Triage triage,
            JdbcClient jdbc) {
        this.store = store;
        this.demands = demands;
        this.stations = stations;
        this.chains = chains;
        this.triage = triage;
        this.jdbc = jdbc;
    }

    /**
     * What a funnel counts.
     *
     * @param stationIds null for every station
     * @param chain a chain code or a node code, null for every chain
     * @param managerId null for every manager
     */
    record Scope(Set<Long> stationIds, String chain, Long managerId) {}

    /** One demand behind a count, with the engagements (in scope) that put it at that step. */
    record Row(Demands.Particulars demand, List<Engagement> engagements) {}

    record Records(long total, List<Row> rows) {}

    /**
     * The scope the user asked for, as far as they may see it: operators anything; station admins their stations (the
     * one asked for, or all of them); managers their own engagements. Anybody else is refused.
     */
    Scope scope(CurrentUser user, Long station, String chain, Long manager) {
        String chainCode = chain(chain);
        if (user.isOperator()) {
            if (station != null && stations.find(station).isEmpty()) {
                throw DomainException.invalid("station", "outcome.station.unknown", station);
            }
            return new Scope(station == null ? null : Set.of(station), chainCode, manager(manager));
        }
        if (user.has(Role.STATION_ADMIN) && !user.administeredStations().isEmpty()) {
            if (station != null && !user.administers(station)) {
                throw DomainException.forbidden("outcome.funnel.station.forbidden");
            }
            return new Scope(
                    station == null ? Set.copyOf(user.administeredStations()) : Set.of(station),
                    chainCode,
                    manager(manager));
        }
        if (user.has(Role.MANAGER)) {
            if (manager != null && manager != user.id()) {
                throw DomainException.forbidden("outcome.funnel.manager.forbidden");
            }
            return new Scope(station == null ? null : Set.of(station), chainCode, user.id());
        }
        throw DomainException.forbidden("outcome.funnel.forbidden");
    }

    /** The count of every step. */
    @Transactional(readOnly = true)
    Map<FunnelStep, Long> counts(Scope scope) {
        Tally tally = tally(scope);
        Map<FunnelStep, Long> counts = new EnumMap<>(FunnelStep.class);
        for (FunnelStep step : FunnelStep.values()) {
            counts.put(step, tally.count(step));
        }
        return counts;
    }

    /** The demands behind a step's count, latest first, a page at a time. */
    @Transactional(readOnly = true)
    Records records(Scope scope, FunnelStep step, int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("size", "engagement.size.invalid", MAX_SIZE);
        }
        if (page < 0) {
            throw DomainException.invalid("page", "engagement.page.invalid");
        }
        Tally tally = tally(scope);
        int offset = page * size;
        if (step != FunnelStep.DEMANDS || scope.managerId() != null) {
            List<Long> ids = new ArrayList<>(tally.demandsAt(step));
            List<Row> rows = ids.subList(Math.min(offset, ids.size()), Math.min(offset + size, ids.size())).stream()
                    .map(id -> tally.row(tally.known.get(id), step))
                    .toList();
            return new Records(ids.size(), rows);
        }
        // the published demands (from the demand library) and, first, the engaged ones that are not published now
        List<Long> extras = new ArrayList<>(tally.engagedUnpublished());
        List<Row> rows = new ArrayList<>();
        for (int i = offset; i < Math.min(offset + size, extras.size()); i++) {
            rows.add(tally.row(tally.known.get(extras.get(i)), step));
        }
        int publishedOffset = Math.max(0, offset - extras.size());
        int wanted = size - rows.size();
        if (wanted > 0) {
            for (Demands.Particulars demand :
                    demands.published(scope.stationIds(), scope.chain(), publishedOffset, wanted)) {
                rows.add(tally.row(demand, step));
            }
        }
        return new Records(tally.count(FunnelStep.DEMANDS), rows);
    }

    private Tally tally(Scope scope) {
        List<Engagement> engagements = store.inScope(scope.managerId(), scope.stationIds());
        Set<Long> ids = new HashSet<>();
        engagements.forEach(e -> ids.add(e.demandId()));
        List<Long> assigned = scope.managerId() == null
                ? List.of()
                : jdbc.sql("select demand_id from demand_assignment where manager_id = :manager")
                        .param("manager", scope.managerId())
                        .query(Long.class)
                        .list();
        ids.addAll(assigned);
        Map<Long, Demands.Particulars> known = new HashMap<>();
        for (Demands.Particulars demand : demands.particulars(ids)) {
            if (inScope(demand, scope)) {
                known.put(demand.id(), demand);
            }
        }
        Map<Long, List<Engagement>> byDemand = new HashMap<>();
        for (Engagement e : engagements) {
            if (known.containsKey(e.demandId())) {
                byDemand.computeIfAbsent(e.demandId(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<Long> assignedInScope = new LinkedHashSet<>();
        assigned.stream().filter(known::containsKey).forEach(assignedInScope::add);
        long published = scope.managerId() == null ? demands.countPublished(scope.stationIds(), scope.chain()) : 0;
        return new Tally(scope, known, byDemand, assignedInScope, published);
    }

    private static boolean inScope(Demands.Particulars demand, Scope scope) {
        // a demand entered without a station belongs to none (and an immutable set refuses to look for null)
        if (scope.stationIds() != null
                && (demand.stationId() == null || !scope.stationIds().contains(demand.stationId()))) {
            return false;
        }
        String chain = scope.chain();
        if (chain == null) {
            return true;
        }
        String node = demand.chainNodeCode();
        return node != null && (node.equals(chain) || node.startsWith(chain + "-"));
    }

    /** The engagements and demands in scope, grouped by demand. */
    private record Tally(
            Scope scope,
            Map<Long, Demands.Particulars> known,
            Map<Long, List<Engagement>> byDemand,
            Set<Long> assigned,
            long published) {

        /** The demands at the step, latest first. */
        TreeSet<Long> demandsAt(FunnelStep step) {
            TreeSet<Long> ids = new TreeSet<>(Comparator.reverseOrder());
            if (step == FunnelStep.DEMANDS && scope.managerId() != null) {
                ids.addAll(assigned);
            }
            byDemand.forEach((demand, engagements) -> {
                if (engagements.stream().anyMatch(step::reachedBy)) {
                    ids.add(demand);
                }
            });
            return ids;
        }

        /** Engaged demands that the published count does not hold. */
        TreeSet<Long> engagedUnpublished() {
            TreeSet<Long> ids = new TreeSet<>(Comparator.reverseOrder());
            byDemand.keySet().stream()
                    .filter(id -> known.get(id).status() != PublicationStatus.PUBLISHED)
                    .forEach(ids::add);
            return ids;
        }

        long count(FunnelStep step) {
            if (step == FunnelStep.DEMANDS && scope.managerId() == null) {
                return published + engagedUnpublished().size();
            }
            return demandsAt(step).size();
        }

        Row row(Demands.Particulars demand, FunnelStep step) {
            List<Engagement> engagements = byDemand.getOrDefault(demand.id(), List.of()).stream()
                    .filter(step::reachedBy)
                    .toList();
            return new Row(demand, engagements);
        }
    }

    private String chain(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String code = typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (chains.find(code).isEmpty() && chains.findNode(code).isEmpty()) {
            throw DomainException.invalid(
                    "chain", "outcome.chain.unknown", code.length() > 40 ? code.substring(0, 40) : code);
        }
        return code;
    }

    private Long manager(Long manager) {
        return manager == null ? null : triage.requireManager(manager);
    }
}
