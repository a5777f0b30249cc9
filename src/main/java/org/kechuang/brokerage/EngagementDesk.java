package org.kechuang.brokerage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kechuang.demand.Demands;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.Regions;
import org.kechuang.shared.PublicationStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with engagements: start one, move it through its stages, rate its outcome, hand it over. Every change
 * is checked against the caller's rights and the version they read, recorded in the audit trail with before and after,
 * told to the parties and published as {@link EngagementMoved}.
 */
@Service
class EngagementDesk {

    static final String RECORD_TYPE = "engagement";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_NOTE = 2000;
    static final int MAX_RESULTS = 20;

    private final EngagementStore store;
    private final Demands demands;
    private final Counterparts counterparts;
    private final Triage triage;
    private final RecordHistory history;
    private final EngagementNotices notices;
    private final BrokerageProperties properties;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EngagementDesk(
            EngagementStore store,
            Demands demands,
            Counterparts counterparts,
            Triage triage,
            RecordHistory history,
            EngagementNotices notices,
            BrokerageProperties properties,
            Regions regions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.demands = demands;
        this.counterparts = counterparts;
        this.triage = triage;
        this.history = history;
        this.notices = notices;
        this.properties = properties;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param managerId the manager to run it; null: the caller when they are a manager, else chosen by triage
     */
    record Start(Long demandId, String counterpartType, Long counterpartId, Long managerId, Boolean confidential) {}

    /** What a move carries besides the target stage: only what that stage needs is read. */
    record Move(
            String to,
            Integer version,
            ContractRules.Typed contract,
            List<TypedResult> results,
            String resultsNote,
            String reason,
            String note) {}

    record TypedResult(String indicator, String value, String unit) {}

    @Transactional
    Engagement start(Start command, CurrentUser user) {
        List<Violation> missing = new ArrayList<>();
        if (command.demandId() == null) {
            missing.add(new Violation("demandId", "engagement.demand.required"));
        }
        if (command.counterpartId() == null) {
            missing.add(new Violation("counterpartId", "engagement.counterpart.required"));
        }
        if (command.counterpartType() == null) {
            missing.add(new Violation("counterpartType", "engagement.counterpart-type.required"));
        }
        if (!missing.isEmpty()) {
            throw new EngagementRefused(missing);
        }
        CounterpartType type = CounterpartType.parse(command.counterpartType());
        Demands.Particulars demand = demands.particulars(command.demandId())
                .orElseThrow(
                        () -> DomainException.invalid("demandId", "engagement.demand.unknown", command.demandId()));
        if (!mayStartOn(user, demand)) {
            throw DomainException.forbidden("engagement.start.forbidden");
        }
        if (demand.status() != PublicationStatus.PUBLISHED) {
            throw DomainException.conflict("demandId", "engagement.demand.unpublished", demand.id());
        }
        Counterparts.Counterpart counterpart = counterparts
                .find(type, command.counterpartId())
                .filter(Counterparts.Counterpart::published)
                .orElseThrow(() -> DomainException.invalid(
                        "counterpartId", "engagement.counterpart.unknown", command.counterpartId()));
        long managerId = chooseManager(command.managerId(), user, demand);
        if (store.openPairExists(demand.id(), type, counterpart.id())) {
            throw DomainException.conflict("counterpartId", "engagement.pair.open", demand.title(), counterpart.name());
        }
        Instant now = clock.instant();
        Engagement fresh = Engagement.propose(
                demand.id(),
                type,
                counterpart.id(),
                managerId,
                demand.stationId(),
                demand.authorId(),
                counterpart.partyId(),
                Boolean.TRUE.equals(command.confidential()) || demand.confidential(),
                user.id(),
                now,
                properties.dueAfter(Stage.PROPOSED, now));
        long id;
        try {
            id = store.insert(fresh);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("counterpartId", "engagement.pair.open", demand.title(), counterpart.name());
        }
        Engagement stored = store.find(id).orElseThrow();
        history.record(RECORD_TYPE, id, user.id(), "created", Map.of(), stored.auditFields());
        notices.started(stored, demand.title(), counterpart.name(), user.id());
        events.publishEvent(moved(stored, null, user.id()));
        return stored;
    }

    @Transactional
    Engagement move(long id, Move command, CurrentUser user) {
        Engagement engagement = lockedVisible(id, user);
        if (!mayRun(user, engagement)) {
            throw DomainException.forbidden("engagement.move.forbidden");
        }
        requireVersion(engagement, command.version());
        Stage target = parseStage(command.to());
        Stage from = engagement.stage();
        Map<String, String> before = engagement.auditFields();
        Instant now = clock.instant();
        Instant due = properties.dueAfter(target, now);
        switch (target) {
            case CONTRACTED -> {
                if (!from.canMoveTo(Stage.CONTRACTED)) {
                    throw DomainException.conflict("to", "engagement.transition.illegal", from.name(), target.name());
                }
                engagement.contract(ContractRules.check(command.contract(), today(now), this::knownProvince), now, due);
            }
            case EVALUATED -> engagement.evaluate(results(command.results()), note(command.resultsNote()), now);
            case CLOSED -> engagement.close(closeReason(command.reason()), note(command.note()), now);
            default -> engagement.advance(target, now, due);
        }
        Engagement stored = save(engagement, before, user, target.name().toLowerCase(java.util.Locale.ROOT));
        notices.moved(stored, title(stored), user.id());
        events.publishEvent(moved(stored, from, user.id()));
        return stored;
    }

    /** A side's rating: by that side's party, or by the manager for a side that has no account on the platform. */
    @Transactional
    Engagement rate(long id, String side, Integer score, String comment, Integer version, CurrentUser user) {
        Engagement engagement = lockedVisible(id, user);
        requireVersion(engagement, version);
        Engagement.Side rated = parseSide(side);
        Long party = rated == Engagement.Side.DEMAND ? engagement.demandPartyId() : engagement.counterpartPartyId();
        boolean allowed = (party != null && party == user.id()) || (party == null && mayRun(user, engagement));
        if (!allowed) {
            throw DomainException.forbidden("engagement.rating.forbidden");
        }
        if (score == null || score < 1 || score > 5) {
            throw new EngagementRefused(List.of(new Violation("score", "engagement.rating.score")));
        }
        Map<String, String> before = engagement.auditFields();
        engagement.rate(rated, new Rating(score, note(comment)), clock.instant());
        Engagement stored = save(engagement, before, user, "rated");
        notices.rated(stored, title(stored), user.id());
        return stored;
    }

    /** An operator gives the engagement to another manager. */
    @Transactional
    Engagement handOver(long id, Long managerId, Integer version, CurrentUser user) {
        Engagement engagement = lockedVisible(id, user);
        if (!user.isOperator()) {
            throw DomainException.forbidden("engagement.handover.forbidden");
        }
        requireVersion(engagement, version);
        long target = triage.requireManager(managerId);
        Map<String, String> before = engagement.auditFields();
        engagement.handOver(target, clock.instant());
        Engagement stored = save(engagement, before, user, "handed-over");
        notices.handedOver(stored, title(stored), user.id());
        return stored;
    }

    @Transactional(readOnly = true)
    Optional<Engagement> find(long id, CurrentUser user) {
        return store.find(id).filter(e -> EngagementAccess.maySee(user, e));
    }

    @Transactional(readOnly = true)
    List<RecordHistory.Entry> audit(long id, CurrentUser user) {
        Engagement engagement = find(id, user).orElseThrow(() -> notFound(id));
        if (!EngagementAccess.maySeeAudit(user, engagement)) {
            throw DomainException.forbidden("engagement.audit.forbidden");
        }
        return EngagementMessages.auditTrail(
                history.of(RECORD_TYPE, id), history.of(EngagementMessages.RECORD_TYPE, id));
    }

    private Engagement save(Engagement engagement, Map<String, String> before, CurrentUser user, String action) {
        if (!store.update(engagement)) {
            throw stale(engagement.id(), engagement.version());
        }
        history.record(RECORD_TYPE, engagement.id(), user.id(), action, before, engagement.auditFields());
        return store.find(engagement.id()).orElseThrow();
    }

    private Engagement lockedVisible(long id, CurrentUser user) {
        return store.findForUpdate(id)
                .filter(e -> EngagementAccess.maySee(user, e))
                .orElseThrow(() -> notFound(id));
    }

    private void requireVersion(Engagement engagement, Integer version) {
        if (version == null) {
            throw new EngagementRefused(List.of(new Violation("version", "engagement.version.required")));
        }
        if (version != engagement.version()) {
            throw stale(engagement.id(), version);
        }
    }

    /** The changes made since the caller's version: each change adds one version and one audit entry. */
    private EngagementStale stale(long id, int readVersion) {
        Engagement current = store.find(id).orElseThrow();
        List<RecordHistory.Entry> entries = history.of(RECORD_TYPE, id);
        int since = Math.max(0, Math.min(entries.size(), current.version() - readVersion));
        return new EngagementStale(id, current.version(), entries.subList(entries.size() - since, entries.size()));
    }

    private boolean mayStartOn(CurrentUser user, Demands.Particulars demand) {
        if (user.isOperator() || user.has(Role.MANAGER)) {
            return true;
        }
        return demand.authorId() != null && demand.authorId() == user.id();
    }

    private long chooseManager(Long requested, CurrentUser user, Demands.Particulars demand) {
        if (requested != null) {
            if (!user.isOperator() && requested != user.id()) {
                throw DomainException.forbidden("engagement.manager.forbidden");
            }
            return triage.requireManager(requested);
        }
        if (user.has(Role.MANAGER)) {
            return user.id();
        }
        return triage.managerFor(demand)
                .orElseThrow(() -> DomainException.conflict("managerId", "engagement.manager.none"))
                .accountId();
    }

    static boolean mayRun(CurrentUser user, Engagement engagement) {
        return user.isOperator() || engagement.managerId() == user.id();
    }

    private boolean knownProvince(String twoDigits) {
        return regions.find(twoDigits + "0000").isPresent();
    }

    private LocalDate today(Instant now) {
        return now.atZone(ZONE).toLocalDate();
    }

    private String title(Engagement engagement) {
        return demands.particulars(engagement.demandId())
                .map(Demands.Particulars::title)
                .orElse("#" + engagement.demandId());
    }

    private static Stage parseStage(String to) {
        String value = Text.cleanOrNull(to);
        if (value == null) {
            throw new EngagementRefused(List.of(new Violation("to", "engagement.stage.required")));
        }
        try {
            return Stage.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("to", "engagement.stage.invalid", value);
        }
    }

    private static Engagement.Side parseSide(String side) {
        String value = Text.cleanOrNull(side);
        if ("demand".equalsIgnoreCase(value)) {
            return Engagement.Side.DEMAND;
        }
        if ("counterpart".equalsIgnoreCase(value)) {
            return Engagement.Side.COUNTERPART;
        }
        throw DomainException.invalid("side", "engagement.side.invalid", String.valueOf(side));
    }

    private static CloseReason closeReason(String reason) {
        String value = Text.cleanOrNull(reason);
        if (value == null) {
            return null;
        }
        try {
            return CloseReason.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("reason", "engagement.close.reason.invalid", value);
        }
    }

    /** A note or comment as typed (full-width punctuation kept: only the surrounding blanks go). */
    private static String note(String text) {
        String value = text == null ? null : text.strip();
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_NOTE) {
            throw DomainException.invalid("note", "engagement.note.long", MAX_NOTE);
        }
        if (Text.hasMarkup(value)) {
            throw DomainException.invalid("note", "engagement.note.markup");
        }
        return value;
    }

    /** The measured results as typed: every row needs an indicator and a number; empty rows are skipped. */
    private static List<MeasuredResult> results(List<TypedResult> typed) {
        if (typed == null) {
            return List.of();
        }
        List<MeasuredResult> results = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            TypedResult row = typed.get(i);
            String indicator = row == null ? null : Text.cleanOrNull(row.indicator());
            String value = row == null ? null : Text.cleanOrNull(row.value());
            String unit = row == null ? null : Text.cleanOrNull(row.unit());
            if (indicator == null && value == null && unit == null) {
                continue;
            }
            String field = "results[" + i + "]";
            if (indicator == null || indicator.length() > 100 || Text.hasMarkup(indicator)) {
                violations.add(new Violation(field + ".indicator", "engagement.result.indicator"));
                continue;
            }
            try {
                results.add(new MeasuredResult(
                        indicator,
                        new java.math.BigDecimal(value),
                        unit == null ? "" : unit.substring(0, Math.min(20, unit.length()))));
            } catch (NumberFormatException | NullPointerException notNumber) {
                violations.add(new Violation(field + ".value", "engagement.result.value", String.valueOf(value)));
            }
        }
        if (results.size() > MAX_RESULTS) {
            violations.add(new Violation("results", "engagement.result.many", MAX_RESULTS));
        }
        if (!violations.isEmpty()) {
            throw new EngagementRefused(violations);
        }
        return results;
    }

    private static EngagementMoved moved(Engagement e, Stage from, long actorId) {
        return new EngagementMoved(
                e.id(),
                e.demandId(),
                e.counterpartType(),
                e.counterpartId(),
                e.stationId(),
                e.managerId(),
                from,
                e.stage(),
                e.closeReason(),
                actorId,
                e.confidential());
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("engagement.not-found", id);
    }
}
