package org.kechuang.caselib;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kechuang.identity.CurrentUser;
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
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, edits, screens and finds cases. Every change and its history are written in one transaction; the station
 * scope of the acting user is an explicit parameter of each call.
 */
@Service
class CaseCatalog implements Cases {

    static final String RECORD_TYPE = "case";
    static final int MAX_PAGE_SIZE = 100;
    static final int REASON_MAX = 2000;

    private final CaseRepository cases;
    private final CaseRules rules;
    private final ContentScreen screen;
    private final RecordHistory history;
    private final Stations stations;
    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Clock clock;

    CaseCatalog(
            CaseRepository cases,
            CaseRules rules,
            ContentScreen screen,
            RecordHistory history,
            Stations stations,
            Regions regions,
            Industries industries,
            IndustryChains chains,
            Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.screen = screen;
        this.history = history;
        this.stations = stations;
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.clock = clock;
    }

    /** What a listing asks for, as typed; every filter optional. */
    record Query(
            String status,
            boolean mine,
            String industry,
            String chain,
            String region,
            String kind,
            String keyword,
            Long demand,
            Long achievement,
            Long expert,
            String q,
            Long station,
            int page,
            int size) {

        static Query station(long station, String status, int page, int size) {
            return new Query(status, false, null, null, null, null, null, null, null, null, null, station, page, size);
        }
    }

    @Transactional(readOnly = true)
    CaseRepository.Found search(Query query, CurrentUser user) {
        Set<PublicationStatus> statuses = statuses(query.status(), query.mine());
        String industry = null;
        if (Text.cleanOrNull(query.industry()) != null) {
            String typed = echo(query.industry());
            industry = industries
                    .find(typed)
                    .map(Industry::code)
                    .orElseThrow(() -> DomainException.invalid("industry", "case.industry.unknown", typed));
        }
        String chain = null;
        if (Text.cleanOrNull(query.chain()) != null) {
            String typed = echo(query.chain()).toUpperCase(Locale.ROOT);
            if (chains.find(typed).isEmpty() && chains.findNode(typed).isEmpty()) {
                throw DomainException.invalid("chain", "case.chain-node.unknown", typed);
            }
            chain = typed;
        }
        String regionPrefix = null;
        if (Text.cleanOrNull(query.region()) != null) {
            String typed = echo(query.region());
            regionPrefix = prefixOf(regions.find(typed)
                    .orElseThrow(() -> DomainException.invalid("region", "case.region.unknown", typed)));
        }
        FigureKind kind = null;
        if (Text.cleanOrNull(query.kind()) != null) {
            String typed = echo(query.kind());
            kind = FigureKind.parse(typed)
                    .orElseThrow(() -> DomainException.invalid("kind", "case.kind.unknown", typed));
        }
        String keyword = null;
        if (Text.cleanOrNull(query.keyword()) != null) {
            if (query.keyword().length() > CaseRules.KEYWORD_MAX) {
                throw DomainException.invalid("keyword", "text.too-long", CaseRules.KEYWORD_MAX);
            }
            keyword = query.keyword().strip();
        }
        if (query.q() != null && query.q().length() > CaseRules.TITLE_MAX) {
            throw DomainException.invalid("q", "text.too-long", CaseRules.TITLE_MAX);
        }
        String titleKey = Text.key(query.q());
        int size = Math.clamp(query.size(), 1, MAX_PAGE_SIZE);
        int page = Math.clamp(query.page(), 0, 100_000);
        return cases.search(
                new CaseRepository.Criteria(
                        statuses,
                        query.mine(),
                        industry,
                        chain,
                        regionPrefix,
                        kind,
                        keyword,
                        query.demand(),
                        query.achievement(),
                        query.expert(),
                        titleKey == null || titleKey.isEmpty() ? null : titleKey,
                        query.station()),
                viewer(user),
                page * size,
                size);
    }

    /** {@code ALL} or no filter for a listing of one's own cases; otherwise published ones by default. */
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
            throw DomainException.invalid("status", "case.status.unknown", echo(typed));
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

    static CaseRepository.Viewer viewer(CurrentUser user) {
        if (user == null) {
            return CaseRepository.Viewer.VISITOR;
        }
        return new CaseRepository.Viewer(user.id(), user.isOperator(), user.administeredStations());
    }

    /** The case if the user may see it; 404 otherwise, so that nobody learns a hidden case exists. */
    @Transactional(readOnly = true)
    ApplicationCase get(long id, CurrentUser user) {
        ApplicationCase found = cases.find(id).orElseThrow(CaseCatalog::notFound);
        if (!CaseAccess.maySee(user, found)) {
            throw notFound();
        }
        return found;
    }

    boolean stationActive(ApplicationCase found) {
        return found.stationId() != null
                && stations.find(found.stationId())
                        .map(Stations.StationSummary::active)
                        .orElse(false);
    }

    boolean mayEdit(CurrentUser user, ApplicationCase found) {
        return CaseAccess.mayEdit(user, found, stationActive(found));
    }

    boolean curates(CurrentUser user, ApplicationCase found) {
        return CaseAccess.curates(user, found, stationActive(found));
    }

    /**
     * The station a new case of this user goes to: the one asked for (a station admin of it, or a member posting
     * into it), none when a member or operator names none, the only one for an admin of exactly one station.
     */
    Long stationFor(CurrentUser user, Long stationId) {
        requireSignedIn(user);
        if (stationId != null) {
            Stations.StationSummary station = stations.find(stationId)
                    .orElseThrow(() -> DomainException.invalid("stationId", "case.station.unknown", stationId));
            boolean admin = user.administers(stationId);
            if (!admin && !CaseAccess.mayPost(user)) {
                throw DomainException.forbidden("case.station.not-yours");
            }
            if (!station.active() && !user.isOperator()) {
                throw DomainException.forbidden("case.station.suspended");
            }
            return stationId;
        }
        if (CaseAccess.mayPost(user)) {
            return null;
        }
        if (user.administeredStations().size() == 1) {
            return stationFor(user, user.administeredStations().iterator().next());
        }
        if (user.administeredStations().isEmpty()) {
            throw DomainException.forbidden("case.post.forbidden");
        }
        throw DomainException.invalid("stationId", "case.station.required");
    }

    /** Whether the user may post cases at all (enterprises, experts, managers, operators, station admins). */
    static boolean mayPost(CurrentUser user) {
        return CaseAccess.mayPost(user)
                || (user != null && !user.administeredStations().isEmpty());
    }

    @Transactional
    ApplicationCase create(CaseDraft draft, CurrentUser user) {
        Long station = stationFor(user, draft.stationId());
        CaseContent content = rules.validate(draft);
        Instant now = clock.instant();
        ApplicationCase created = cases.insert(
                ApplicationCase.draft(content, Provenance.enteredOnThePortal(station), user.id(), now),
                sectionOf(content));
        record(created, user.id(), "created", Map.of(), fieldsOf(created));
        return created;
    }

    @Transactional
    ApplicationCase revise(long id, CaseDraft draft, CurrentUser user) {
        requireSignedIn(user);
        ApplicationCase found = editable(id, user);
        if (draft.version() == null) {
            throw DomainException.invalid("version", "case.version.required");
        }
        if (draft.version() != found.version()) {
            throw stale(found, draft.version());
        }
        CaseContent content = rules.validate(draft);
        Map<String, String> before = fieldsOf(found);
        if (!found.revise(content, clock.instant())) {
            return found;
        }
        return screenAfterEdit(found, before, user.id(), "edited");
    }

    @Transactional
    ApplicationCase submit(long id, CurrentUser user) {
        requireSignedIn(user);
        ApplicationCase found = editable(id, user);
        Map<String, String> before = fieldsOf(found);
        found.submit(clock.instant());
        return screenSubmission(found, before, user.id());
    }

    @Transactional
    ApplicationCase returnWith(long id, String reason, CurrentUser user) {
        requireSignedIn(user);
        ApplicationCase found = locked(id, user);
        if (!curates(user, found)) {
            throw DomainException.forbidden("case.curators-only");
        }
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw DomainException.invalid("reason", "case.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw DomainException.invalid("reason", "text.too-long", REASON_MAX);
        }
        if (Text.hasMarkup(why)) {
            throw DomainException.invalid("reason", "text.markup");
        }
        Map<String, String> before = fieldsOf(found);
        found.returnWith(why, clock.instant());
        return save(found, before, user.id(), "returned");
    }

    @Transactional
    ApplicationCase archive(long id, CurrentUser user) {
        requireSignedIn(user);
        ApplicationCase found = editable(id, user);
        Map<String, String> before = fieldsOf(found);
        found.archive(clock.instant());
        return save(found, before, user.id(), "archived");
    }

    @Transactional(readOnly = true)
    List<RecordHistory.Entry> history(long id, CurrentUser user) {
        requireSignedIn(user);
        ApplicationCase found = get(id, user);
        if (!CaseAccess.seesEverything(user, found)) {
            throw DomainException.forbidden("case.history.forbidden");
        }
        return history.of(RECORD_TYPE, id);
    }

    /** An operator released a held case: it is published (again). */
    @Transactional
    void released(long id, long operatorId) {
        cases.lock(id).ifPresent(found -> {
            Map<String, String> before = fieldsOf(found);
            if (found.release(clock.instant())) {
                save(found, before, operatorId, "released");
            }
        });
    }

    /** An operator rejected a held case: it goes back to its author with the reason. */
    @Transactional
    void rejected(long id, long operatorId, String reason) {
        cases.lock(id).ifPresent(found -> {
            Map<String, String> before = fieldsOf(found);
            if (found.reject(reason == null || reason.isBlank() ? "—" : reason.strip(), clock.instant())) {
                save(found, before, operatorId, "rejected");
            }
        });
    }

    @Override
    @Transactional
    public Upserted upsertFromImport(CaseDraft draft, Provenance provenance) {
        if (provenance.stationId() == null
                || stations.find(provenance.stationId()).isEmpty()) {
            throw DomainException.invalid("stationId", "case.station.unknown", provenance.stationId());
        }
        String sourceId = Text.cleanOrNull(provenance.sourceId());
        if (sourceId == null) {
            throw DomainException.invalid("sourceId", "case.source-id.required");
        }
        if (sourceId.length() > 200) {
            throw DomainException.invalid("sourceId", "text.too-long", 200);
        }
        Provenance source = new Provenance(
                provenance.stationId(),
                provenance.sourceSystem() == null ? "import" : provenance.sourceSystem(),
                sourceId,
                provenance.importBatchId());
        CaseContent content = rules.validate(draft);
        Instant now = clock.instant();
        var existing = cases.findBySource(source.stationId(), sourceId);
        if (existing.isEmpty()) {
            ApplicationCase created =
                    cases.insert(ApplicationCase.draft(content, source, null, now), sectionOf(content));
            record(created, null, "imported", Map.of(), Map.of());
            Map<String, String> before = fieldsOf(created);
            created.submit(now);
            return new Upserted(screenSubmission(created, before, null).id(), Change.INSERTED);
        }
        ApplicationCase found = existing.get();
        Map<String, String> before = fieldsOf(found);
        if (found.status() == PublicationStatus.ARCHIVED || !found.revise(content, now)) {
            return new Upserted(found.id(), Change.UNCHANGED);
        }
        found.importedBy(source);
        if (found.status() == PublicationStatus.DRAFT || found.status() == PublicationStatus.RETURNED) {
            ApplicationCase saved = save(found, before, null, "imported");
            Map<String, String> beforeSubmit = fieldsOf(saved);
            saved.submit(now);
            return new Upserted(screenSubmission(saved, beforeSubmit, null).id(), Change.UPDATED);
        }
        return new Upserted(screenAfterEdit(found, before, null, "imported").id(), Change.UPDATED);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return cases.count();
    }

    @Override
    @Transactional(readOnly = true)
    public long countPublished() {
        return cases.countPublished();
    }

    /** A submitted case meets the content screen: clear ones are published at once, others wait for an operator. */
    private ApplicationCase screenSubmission(ApplicationCase found, Map<String, String> before, Long actor) {
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE, found.id(), found.stationId(), found.content().screenedText());
        if (verdict.held()) {
            found.hold();
            return save(found, before, actor, "submitted", heldFields(verdict));
        }
        Map<String, String> submitted = fieldsOf(found);
        found.publish(clock.instant());
        ApplicationCase saved = cases.update(found, sectionOf(found.content()));
        Map<String, String> afterSubmit = new HashMap<>(submitted);
        afterSubmit.put("version", Integer.toString(saved.version()));
        record(saved, actor, "submitted", before, afterSubmit);
        record(saved, actor, "published", withoutVersion(submitted), withoutVersion(fieldsOf(saved)));
        return saved;
    }

    /**
     * An edit of a case that is submitted or published meets the content screen again; a published case whose new
     * text is held leaves publication until an operator decides.
     */
    private ApplicationCase screenAfterEdit(
            ApplicationCase found, Map<String, String> before, Long actor, String action) {
        PublicationStatus status = found.status();
        if (status != PublicationStatus.SUBMITTED && status != PublicationStatus.PUBLISHED) {
            return save(found, before, actor, action);
        }
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE, found.id(), found.stationId(), found.content().screenedText());
        if (verdict.held()) {
            if (status == PublicationStatus.PUBLISHED) {
                found.withhold(summary(verdict), clock.instant());
            } else {
                found.hold();
            }
            return save(found, before, actor, action, heldFields(verdict));
        }
        if (status == PublicationStatus.SUBMITTED) {
            found.publish(clock.instant());
        }
        return save(found, before, actor, action);
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

    private ApplicationCase save(ApplicationCase found, Map<String, String> before, Long actor, String action) {
        return save(found, before, actor, action, Map.of());
    }

    private ApplicationCase save(
            ApplicationCase found, Map<String, String> before, Long actor, String action, Map<String, String> extra) {
        ApplicationCase saved = cases.update(found, sectionOf(found.content()));
        Map<String, String> after = new HashMap<>(fieldsOf(saved));
        after.putAll(extra);
        record(saved, actor, action, before, after);
        return saved;
    }

    private void record(
            ApplicationCase found, Long actor, String action, Map<String, String> before, Map<String, String> after) {
        history.record(RECORD_TYPE, found.id(), actor, action, before, after);
    }

    /** Content, lifecycle and version as the history compares them. */
    static Map<String, String> fieldsOf(ApplicationCase found) {
        Map<String, String> fields = new HashMap<>(found.content().asFields());
        fields.putAll(found.statusFields());
        fields.put("version", Integer.toString(found.version()));
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
    private DomainException stale(ApplicationCase found, int basedOn) {
        List<RecordHistory.Entry> entries = history.of(RECORD_TYPE, found.id());
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
        return new CaseStale(String.join(", ", changed), List.copyOf(changed), found.version());
    }

    String sectionOf(CaseContent content) {
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

    private ApplicationCase locked(long id, CurrentUser user) {
        ApplicationCase found = cases.lock(id).orElseThrow(CaseCatalog::notFound);
        if (!CaseAccess.maySee(user, found)) {
            throw notFound();
        }
        return found;
    }

    private ApplicationCase editable(long id, CurrentUser user) {
        ApplicationCase found = locked(id, user);
        if (!mayEdit(user, found)) {
            throw DomainException.forbidden("case.not-yours");
        }
        return found;
    }

    static CurrentUser requireSignedIn(CurrentUser user) {
        if (user == null) {
            // Spring Security's entry point answers: 401 for the API, the sign-in page for browsers
            throw new AccessDeniedException("sign-in required");
        }
        return user;
    }

    static DomainException notFound() {
        return DomainException.notFound("case.not-found");
    }

    /** Typed filter values echoed in messages, cut short so that a huge value does not come back whole. */
    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    @Override
    @Transactional
    public long propose(CaseDraft draft, Provenance provenance, long proposedBy, String why) {
        if (provenance.stationId() != null
                && stations.find(provenance.stationId()).isEmpty()) {
            throw DomainException.invalid("stationId", "case.station.unknown", provenance.stationId());
        }
        CaseContent content = rules.validate(draft);
        Instant now = clock.instant();
        ApplicationCase created =
                cases.insert(ApplicationCase.draft(content, provenance, proposedBy, now), sectionOf(content));
        record(created, proposedBy, "proposed", Map.of(), fieldsOf(created));
        Map<String, String> before = fieldsOf(created);
        created.submit(now);
        screen.holdForApproval(
                RECORD_TYPE,
                created.id(),
                created.stationId(),
                created.content().screenedText(),
                why);
        created.hold();
        return save(created, before, proposedBy, "submitted", Map.of("moderation", why))
                .id();
    }
}
