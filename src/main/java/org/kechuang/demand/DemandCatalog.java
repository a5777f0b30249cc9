package org.kechuang.demand;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.moderation.ContentScreen;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.Industries;
import org.kechuang.reference.Industry;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.IndustryLevel;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, edits, screens and finds demands. Every change and its history are written in one transaction; the station
 * scope of the acting user is an explicit parameter of each call.
 */
@Service
class DemandCatalog implements Demands {

    static final String RECORD_TYPE = "demand";
    static final int MAX_PAGE_SIZE = 100;
    static final int REASON_MAX = 2000;
    /** The platform serves China: "today" for deadlines is the day in Beijing. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final DemandRepository demands;
    private final DemandRules rules;
    private final ContentScreen screen;
    private final RecordHistory history;
    private final Stations stations;
    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final DemandProperties properties;
    private final Accounts accounts;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    DemandCatalog(
            DemandRepository demands,
            DemandRules rules,
            ContentScreen screen,
            RecordHistory history,
            Stations stations,
            Regions regions,
            Industries industries,
            IndustryChains chains,
            DemandProperties properties,
            Accounts accounts,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.demands = demands;
        this.rules = rules;
        this.screen = screen;
        this.history = history;
        this.stations = stations;
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.properties = properties;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** What a listing asks for, as typed; every filter optional. */
    record Query(
            String status,
            boolean mine,
            String industry,
            String chain,
            String region,
            String mode,
            String q,
            Long station,
            boolean stale,
            int page,
            int size) {

        static Query published(int page, int size) {
            return new Query(null, false, null, null, null, null, null, null, false, page, size);
        }
    }

    @Transactional(readOnly = true)
    DemandRepository.Found search(Query query, CurrentUser user) {
        Set<PublicationStatus> statuses = statuses(query.status(), query.mine() || query.stale());
        String industry = null;
        if (Text.cleanOrNull(query.industry()) != null) {
            String typed = echo(query.industry());
            industry = industries
                    .find(typed)
                    .map(Industry::code)
                    .orElseThrow(() -> DomainException.invalid("industry", "demand.industry.unknown", typed));
        }
        String chain = null;
        if (Text.cleanOrNull(query.chain()) != null) {
            String typed = echo(query.chain()).toUpperCase(Locale.ROOT);
            if (chains.find(typed).isEmpty() && chains.findNode(typed).isEmpty()) {
                throw DomainException.invalid("chain", "demand.chain-node.unknown", typed);
            }
            chain = typed;
        }
        String regionPrefix = null;
        if (Text.cleanOrNull(query.region()) != null) {
            String typed = echo(query.region());
            regionPrefix = prefixOf(regions.find(typed)
                    .orElseThrow(() -> DomainException.invalid("region", "demand.region.unknown", typed)));
        }
        CooperationMode mode = null;
        if (Text.cleanOrNull(query.mode()) != null) {
            String typed = echo(query.mode());
            mode = CooperationMode.parse(typed)
                    .orElseThrow(() -> DomainException.invalid("mode", "demand.mode.unknown", typed));
        }
        if (query.q() != null && query.q().length() > DemandRules.TITLE_MAX) {
            throw DomainException.invalid("q", "text.too-long", DemandRules.TITLE_MAX);
        }
        String titleKey = Text.key(query.q());
        int size = Math.clamp(query.size(), 1, MAX_PAGE_SIZE);
        int page = Math.clamp(query.page(), 0, 100_000);
        return demands.search(
                new DemandRepository.Criteria(
                        statuses,
                        query.mine(),
                        industry,
                        chain,
                        regionPrefix,
                        mode,
                        titleKey == null || titleKey.isEmpty() ? null : titleKey,
                        query.station(),
                        query.stale() ? staleCutoff() : null),
                viewer(user),
                page * size,
                size);
    }

    /** {@code ALL} or no filter for a listing of one's own or stale demands; otherwise published ones by default. */
    private static Set<PublicationStatus> statuses(String typed, boolean anyByDefault) {
        String status = Text.cleanOrNull(typed);
        if (status == null) {
            return anyByDefault ? Set.of() : EnumSet.of(PublicationStatus.PUBLISHED);
        }
        if (status.equalsIgnoreCase("ALL")) {
            return Set.of();
        }
        try {
            return EnumSet.of(PublicationStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("status", "demand.status.unknown", echo(typed));
        }
    }

    /** GB/T 2260 codes nest by prefix: 110000 (a province) covers 1101xx, 110101 only itself. */
    static String prefixOf(Region region) {
        return switch (region.level()) {
            case 1 -> region.code().substring(0, 2);
            case 2 -> region.code().substring(0, 4);
            default -> region.code();
        };
    }

    static DemandRepository.Viewer viewer(CurrentUser user) {
        if (user == null) {
            return DemandRepository.Viewer.VISITOR;
        }
        return new DemandRepository.Viewer(
                user.id(), user.isOperator(), user.has(Role.MANAGER), user.administeredStations());
    }

    Instant staleCutoff() {
        return clock.instant().minus(properties.staleAfter());
    }

    boolean isStale(Demand demand) {
        return demand.status() != PublicationStatus.ARCHIVED && demand.staleSince(staleCutoff());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    /** The demand if the user may see it; 404 otherwise, so that nobody learns a hidden demand exists. */
    @Transactional(readOnly = true)
    Demand get(long id, CurrentUser user) {
        Demand demand = demands.find(id).orElseThrow(DemandCatalog::notFound);
        if (!DemandAccess.maySee(user, demand)) {
            throw notFound();
        }
        return demand;
    }

    boolean stationActive(Demand demand) {
        return demand.stationId() != null
                && stations.find(demand.stationId())
                        .map(Stations.StationSummary::active)
                        .orElse(false);
    }

    boolean mayEdit(CurrentUser user, Demand demand) {
        return DemandAccess.mayEdit(user, demand, stationActive(demand));
    }

    boolean curates(CurrentUser user, Demand demand) {
        return DemandAccess.curates(user, demand, stationActive(demand));
    }

    /**
     * The station a new demand of this user goes to: the one asked for (a station admin of it, or a member posting
     * into it), none when a member or operator names none, the only one for an admin of exactly one station.
     */
    Long stationFor(CurrentUser user, Long stationId) {
        requireSignedIn(user);
        if (stationId != null) {
            Stations.StationSummary station = stations.find(stationId)
                    .orElseThrow(() -> DomainException.invalid("stationId", "demand.station.unknown", stationId));
            boolean admin = user.administers(stationId);
            if (!admin && !DemandAccess.mayPost(user)) {
                throw DomainException.forbidden("demand.station.not-yours");
            }
            if (!station.active() && !user.isOperator()) {
                throw DomainException.forbidden("demand.station.suspended");
            }
            return stationId;
        }
        if (DemandAccess.mayPost(user)) {
            return null;
        }
        if (user.administeredStations().size() == 1) {
            return stationFor(user, user.administeredStations().iterator().next());
        }
        if (user.administeredStations().isEmpty()) {
            throw DomainException.forbidden("demand.post.forbidden");
        }
        throw DomainException.invalid("stationId", "demand.station.required");
    }

    /** Whether the user may post demands at all (members, managers, operators, station admins). */
    static boolean mayPost(CurrentUser user) {
        return DemandAccess.mayPost(user)
                || (user != null && !user.administeredStations().isEmpty());
    }

    @Transactional
    Demand create(DemandDraft draft, CurrentUser user) {
        Long station = stationFor(user, draft.stationId());
        DemandContent content = rules.validate(draft);
        Instant now = clock.instant();
        Demand created = demands.insert(
                Demand.draft(content, Provenance.enteredOnThePortal(station), user.id(), now), sectionOf(content));
        record(created, user.id(), "created", Map.of(), fieldsOf(created));
        return created;
    }

    @Transactional
    Demand revise(long id, DemandDraft draft, CurrentUser user) {
        requireSignedIn(user);
        Demand demand = editable(id, user);
        if (draft.version() == null) {
            throw DomainException.invalid("version", "demand.version.required");
        }
        if (draft.version() != demand.version()) {
            throw stale(demand, draft.version());
        }
        DemandContent content = rules.validate(draft);
        Map<String, String> before = fieldsOf(demand);
        if (!demand.revise(content, clock.instant())) {
            return demand;
        }
        return screenAfterEdit(demand, before, user.id(), "edited");
    }

    @Transactional
    Demand submit(long id, CurrentUser user) {
        requireSignedIn(user);
        Demand demand = editable(id, user);
        Map<String, String> before = fieldsOf(demand);
        demand.submit(today(), clock.instant());
        return screenSubmission(demand, before, user.id());
    }

    /** Creates the demand and submits it in one transaction: published (or held), or nothing stored at all. */
    @Transactional
    Demand createAndSubmit(DemandDraft draft, CurrentUser user) {
        return submit(create(draft, user).id(), user);
    }

    /** Edits the demand and submits it in one transaction, as its author does after answering a return's questions. */
    @Transactional
    Demand reviseAndSubmit(long id, DemandDraft draft, CurrentUser user) {
        revise(id, draft, user);
        return submit(id, user);
    }

    @Transactional
    Demand returnWith(long id, String reason, CurrentUser user) {
        requireSignedIn(user);
        Demand demand = locked(id, user);
        if (!curates(user, demand)) {
            throw DomainException.forbidden("demand.curators-only");
        }
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw DomainException.invalid("reason", "demand.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw DomainException.invalid("reason", "text.too-long", REASON_MAX);
        }
        if (Text.hasMarkup(why)) {
            throw DomainException.invalid("reason", "text.markup");
        }
        Map<String, String> before = fieldsOf(demand);
        demand.returnWith(why, clock.instant());
        return save(demand, before, user.id(), "returned");
    }

    @Transactional
    Demand archive(long id, CurrentUser user) {
        requireSignedIn(user);
        Demand demand = editable(id, user);
        Map<String, String> before = fieldsOf(demand);
        demand.archive(clock.instant());
        return save(demand, before, user.id(), "archived");
    }

    @Transactional(readOnly = true)
    List<RecordHistory.Entry> history(long id, CurrentUser user) {
        requireSignedIn(user);
        Demand demand = get(id, user);
        if (!DemandAccess.seesEverything(user, demand)) {
            throw DomainException.forbidden("demand.history.forbidden");
        }
        return history.of(RECORD_TYPE, id);
    }

    /**
     * Merges a duplicate into the demand kept (an operator's decision in the dedup module): the duplicate is
     * archived and points to the kept one, and both histories say so.
     *
     * @return the duplicate's provenance, which the kept demand carries from now on
     */
    @Transactional
    Provenance mergeInto(long keptId, long mergedId, Long actorId) {
        if (keptId == mergedId) {
            throw DomainException.invalid("mergedIds", "dedup.merge.same", mergedId);
        }
        // locked in id order, so that two merges of the same pair queue instead of deadlocking
        Demand first = lockForMerge(Math.min(keptId, mergedId));
        Demand second = lockForMerge(Math.max(keptId, mergedId));
        Demand kept = first.id() == keptId ? first : second;
        Demand merged = first.id() == keptId ? second : first;
        if (kept.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.invalid("keptId", "dedup.merge.archived", keptId);
        }
        if (merged.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.invalid("mergedIds", "dedup.merge.archived", mergedId);
        }
        Map<String, String> before = fieldsOf(merged);
        merged.archive(clock.instant());
        save(merged, before, actorId, "merged", Map.of("mergedInto", "#" + keptId));
        demands.markMerged(mergedId, keptId);
        Provenance provenance = merged.provenance();
        history.record(
                RECORD_TYPE,
                keptId,
                actorId,
                "merged-from",
                Map.of(),
                Map.of(
                        "mergedFrom",
                        "#" + mergedId,
                        "provenance",
                        provenance.sourceSystem()
                                + (provenance.sourceId() == null ? "" : " / " + provenance.sourceId())
                                + (provenance.stationId() == null ? "" : " @" + provenance.stationId())));
        return provenance;
    }

    private Demand lockForMerge(long id) {
        return demands.lock(id).orElseThrow(() -> DomainException.notFound("dedup.record.not-found", RECORD_TYPE, id));
    }

    /** An operator released a held demand: it is published (again). */
    @Transactional
    void released(long id, long operatorId) {
        demands.lock(id).ifPresent(demand -> {
            Map<String, String> before = fieldsOf(demand);
            if (demand.release(clock.instant())) {
                save(demand, before, operatorId, "released");
            }
        });
    }

    /** An operator rejected a held demand: it goes back to its author with the reason. */
    @Transactional
    void rejected(long id, long operatorId, String reason) {
        demands.lock(id).ifPresent(demand -> {
            Map<String, String> before = fieldsOf(demand);
            if (demand.reject(reason == null || reason.isBlank() ? "—" : reason.strip(), clock.instant())) {
                save(demand, before, operatorId, "rejected");
            }
        });
    }

    /**
     * Archives every open demand whose deadline lies before today (in Beijing) as the clock tells it; the scheduled
     * job calls it daily, tests call it with a clock of their choice.
     *
     * @return how many demands were archived
     */
    @Transactional
    int archiveExpired(Clock now) {
        LocalDate today = LocalDate.now(now.withZone(BEIJING));
        int archived = 0;
        for (long id : demands.openPastDeadline(today)) {
            Demand demand = demands.lock(id).orElseThrow();
            if (demand.expiredOn(today) && demand.status().canMoveTo(PublicationStatus.ARCHIVED)) {
                Map<String, String> before = fieldsOf(demand);
                demand.archive(now.instant());
                save(demand, before, null, "expired");
                archived++;
            }
        }
        return archived;
    }

    @Override
    @Transactional
    public Upserted upsertFromImport(DemandDraft draft, Provenance provenance) {
        if (provenance.stationId() == null
                || stations.find(provenance.stationId()).isEmpty()) {
            throw DomainException.invalid("stationId", "demand.station.unknown", provenance.stationId());
        }
        String sourceId = Text.cleanOrNull(provenance.sourceId());
        if (sourceId == null) {
            throw DomainException.invalid("sourceId", "demand.source-id.required");
        }
        if (sourceId.length() > 200) {
            throw DomainException.invalid("sourceId", "text.too-long", 200);
        }
        Provenance source = new Provenance(
                provenance.stationId(),
                provenance.sourceSystem() == null ? "import" : provenance.sourceSystem(),
                sourceId,
                provenance.importBatchId());
        DemandContent content = rules.validate(draft);
        Instant now = clock.instant();
        var existing = demands.findBySource(source.stationId(), sourceId);
        if (existing.isEmpty()) {
            DemandRules.requireOpenDeadline(content, today());
            Demand created = demands.insert(Demand.draft(content, source, null, now), sectionOf(content));
            record(created, null, "imported", Map.of(), Map.of());
            Map<String, String> before = fieldsOf(created);
            created.submit(today(), now);
            return new Upserted(screenSubmission(created, before, null).id(), Change.INSERTED);
        }
        Demand demand = existing.get();
        Map<String, String> before = fieldsOf(demand);
        if (demand.status() == PublicationStatus.ARCHIVED || !demand.revise(content, now)) {
            return new Upserted(demand.id(), Change.UNCHANGED);
        }
        demand.importedBy(source);
        if (demand.status() == PublicationStatus.DRAFT || demand.status() == PublicationStatus.RETURNED) {
            DemandRules.requireOpenDeadline(content, today());
            Demand saved = save(demand, before, null, "imported");
            Map<String, String> beforeSubmit = fieldsOf(saved);
            saved.submit(today(), now);
            return new Upserted(screenSubmission(saved, beforeSubmit, null).id(), Change.UPDATED);
        }
        return new Upserted(screenAfterEdit(demand, before, null, "imported").id(), Change.UPDATED);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return demands.count();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> summary(long id) {
        return demands.find(id)
                .map(found -> new Summary(found.id(), found.content().title(), found.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Particulars> particulars(long id) {
        return demands.find(id)
                .map(found -> new Particulars(
                        found.id(),
                        found.content().title(),
                        found.status(),
                        found.stationId(),
                        found.createdBy(),
                        found.content().organizationId(),
                        found.content().chainNodeCode(),
                        found.content().regionCode(),
                        found.content().confidential()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Completeness> completeness(long id) {
        return demands.find(id).map(found -> DemandCompleteness.of(found.content()));
    }

    @Override
    @Transactional
    public void returnWithQuestions(long demandId, long managerAccountId, String questions) {
        boolean manager = accounts.findById(managerAccountId)
                .map(account -> account.has(Role.MANAGER))
                .orElse(false);
        if (!manager) {
            throw DomainException.forbidden("demand.questions.managers-only");
        }
        String asked = questions == null ? null : questions.strip();
        if (asked == null || asked.isEmpty()) {
            throw DomainException.invalid("questions", "demand.questions.required");
        }
        if (asked.length() > REASON_MAX) {
            throw DomainException.invalid("questions", "text.too-long", REASON_MAX);
        }
        if (Text.hasMarkup(asked)) {
            throw DomainException.invalid("questions", "text.markup");
        }
        Demand demand = demands.lock(demandId).orElseThrow(DemandCatalog::notFound);
        Map<String, String> before = fieldsOf(demand);
        demand.returnWithQuestions(asked, managerAccountId, clock.instant());
        save(demand, before, managerAccountId, "questioned");
    }

    @Override
    @Transactional(readOnly = true)
    public long countPublished() {
        return demands.countPublished();
    }

    /** A submitted demand meets the content screen: clear ones are published at once, others wait for an operator. */
    private Demand screenSubmission(Demand demand, Map<String, String> before, Long actor) {
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE, demand.id(), demand.stationId(), demand.content().screenedText());
        if (verdict.held()) {
            demand.hold();
            return save(demand, before, actor, "submitted", heldFields(verdict));
        }
        Map<String, String> submitted = fieldsOf(demand);
        demand.publish(clock.instant());
        Demand saved = demands.update(demand, sectionOf(demand.content()));
        Map<String, String> afterSubmit = new HashMap<>(submitted);
        afterSubmit.put("version", Integer.toString(saved.version()));
        record(saved, actor, "submitted", before, afterSubmit);
        record(saved, actor, "published", withoutVersion(submitted), withoutVersion(fieldsOf(saved)));
        announceIfPublished(saved);
        return saved;
    }

    /** A demand that has just become published tells the modules that follow it (brokerage's triage). */
    private void announceIfPublished(Demand saved) {
        if (saved.status() == PublicationStatus.PUBLISHED) {
            events.publishEvent(new DemandPublished(saved.id(), saved.createdBy(), saved.stationId()));
        }
    }

    /**
     * An edit of a demand that is submitted or published meets the content screen again; a published demand whose new
     * text is held leaves publication until an operator decides.
     */
    private Demand screenAfterEdit(Demand demand, Map<String, String> before, Long actor, String action) {
        PublicationStatus status = demand.status();
        if (status != PublicationStatus.SUBMITTED && status != PublicationStatus.PUBLISHED) {
            return save(demand, before, actor, action);
        }
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE, demand.id(), demand.stationId(), demand.content().screenedText());
        if (verdict.held()) {
            if (status == PublicationStatus.PUBLISHED) {
                demand.withhold(summary(verdict), clock.instant());
            } else {
                demand.hold();
            }
            return save(demand, before, actor, action, heldFields(verdict));
        }
        if (status == PublicationStatus.SUBMITTED) {
            demand.publish(clock.instant());
        }
        return save(demand, before, actor, action);
    }

    private static Map<String, String> heldFields(ContentScreen.Verdict verdict) {
        return Map.of("moderation", summary(verdict));
    }

    private static String summary(ContentScreen.Verdict verdict) {
        List<String> findings = new ArrayList<>();
        for (ContentScreen.Finding finding : verdict.reasons()) {
            findings.add(finding.field() + ": " + finding.category() + " «" + finding.matched() + "»");
        }
        String text = String.join("; ", findings);
        return text.length() > REASON_MAX ? text.substring(0, REASON_MAX) : text;
    }

    private Demand save(Demand demand, Map<String, String> before, Long actor, String action) {
        return save(demand, before, actor, action, Map.of());
    }

    private Demand save(
            Demand demand, Map<String, String> before, Long actor, String action, Map<String, String> extra) {
        Demand saved = demands.update(demand, sectionOf(demand.content()));
        Map<String, String> after = new HashMap<>(fieldsOf(saved));
        after.putAll(extra);
        record(saved, actor, action, before, after);
        if (!PublicationStatus.PUBLISHED.name().equals(before.get("status"))) {
            announceIfPublished(saved);
        }
        return saved;
    }

    private void record(
            Demand demand, Long actor, String action, Map<String, String> before, Map<String, String> after) {
        history.record(RECORD_TYPE, demand.id(), actor, action, before, after);
    }

    /** Content, lifecycle and version as the history compares them. */
    static Map<String, String> fieldsOf(Demand demand) {
        Map<String, String> fields = new HashMap<>(demand.content().asFields());
        fields.putAll(demand.statusFields());
        fields.put("version", Integer.toString(demand.version()));
        return fields;
    }

    private static Map<String, String> withoutVersion(Map<String, String> fields) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.remove("version");
        return copy;
    }

    /**
     * The edit was based on an old version: says which fields changed since, read from the history (every stored
     * change records its version step).
     */
    private DomainException stale(Demand demand, int basedOn) {
        List<RecordHistory.Entry> entries = history.of(RECORD_TYPE, demand.id());
        Set<String> changed = new LinkedHashSet<>();
        boolean since = false;
        for (RecordHistory.Entry entry : entries) {
            for (RecordHistory.Change change : entry.changes()) {
                if (change.field().equals("version")
                        && change.after() != null
                        && Integer.parseInt(change.after()) > basedOn) {
                    since = true;
                }
            }
            if (since) {
                entry.changes().stream()
                        .map(RecordHistory.Change::field)
                        .filter(field -> !field.equals("version"))
                        .forEach(changed::add);
            }
        }
        return new DemandStale(String.join(", ", changed), List.copyOf(changed), demand.version());
    }

    String sectionOf(DemandContent content) {
        String code = content.industryCode();
        int guard = 0;
        while (code != null && guard++ < 5) {
            Industry industry = industries.find(code).orElse(null);
            if (industry == null) {
                return null;
            }
            if (industry.level() == IndustryLevel.SECTION) {
                return industry.code();
            }
            code = industry.parentCode();
        }
        return null;
    }

    private Demand locked(long id, CurrentUser user) {
        Demand demand = demands.lock(id).orElseThrow(DemandCatalog::notFound);
        if (!DemandAccess.maySee(user, demand)) {
            throw notFound();
        }
        return demand;
    }

    private Demand editable(long id, CurrentUser user) {
        Demand demand = locked(id, user);
        if (!mayEdit(user, demand)) {
            throw DomainException.forbidden("demand.not-yours");
        }
        return demand;
    }

    static CurrentUser requireSignedIn(CurrentUser user) {
        if (user == null) {
            // Spring Security's entry point answers: 401 for the API, the sign-in page for browsers
            throw new AccessDeniedException("sign-in required");
        }
        return user;
    }

    static DomainException notFound() {
        return DomainException.notFound("demand.not-found");
    }

    /** Typed filter values echoed in messages, cut short so that a huge value does not come back whole. */
    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    @Override
    @Transactional(readOnly = true)
    public long countPublished(Collection<Long> stationIds, String chain) {
        return demands.countPublished(stationIds, chain);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Particulars> published(Collection<Long> stationIds, String chain, int offset, int limit) {
        return demands.published(stationIds, chain, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE)).stream()
                .map(DemandCatalog::particularsOf)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Particulars> particulars(Collection<Long> ids) {
        return demands.findAll(ids).stream().map(DemandCatalog::particularsOf).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Statement> statement(long id) {
        return demands.find(id)
                .map(found -> new Statement(
                        found.id(),
                        found.content().title(),
                        found.content().background(),
                        found.content().technicalProblems(),
                        found.content().industryCode()));
    }

    private static Particulars particularsOf(Demand found) {
        return new Particulars(
                found.id(),
                found.content().title(),
                found.status(),
                found.stationId(),
                found.createdBy(),
                found.content().organizationId(),
                found.content().chainNodeCode(),
                found.content().regionCode(),
                found.content().confidential());
    }
}
