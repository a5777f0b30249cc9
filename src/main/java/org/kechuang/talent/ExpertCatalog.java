package org.kechuang.talent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kechuang.identity.CurrentUser;
import org.kechuang.moderation.ContentScreen;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enters, edits, screens, finds and hands over expert profiles: claims by experts, their consent, the curators'
 * decisions. Every change and its history are written in one transaction; the station scope of the acting user is an
 * explicit parameter of each call.
 */
@Service
class ExpertCatalog implements Experts {

    static final String RECORD_TYPE = "expert";
    static final int MAX_PAGE_SIZE = 100;
    static final int REASON_MAX = 2000;
    private static final Pattern DISCIPLINE_FILTER = Pattern.compile("[A-H](\\d{2}){0,3}");

    private final ExpertRepository experts;
    private final ExpertRules rules;
    private final ContentScreen screen;
    private final RecordHistory history;
    private final Stations stations;
    private final Regions regions;
    private final Clock clock;

    ExpertCatalog(
            ExpertRepository experts,
            ExpertRules rules,
            ContentScreen screen,
            RecordHistory history,
            Stations stations,
            Regions regions,
            Clock clock) {
        this.experts = experts;
        this.rules = rules;
        this.screen = screen;
        this.history = history;
        this.stations = stations;
        this.regions = regions;
        this.clock = clock;
    }

    /** What a listing asks for, as typed; every filter optional. */
    record Query(
            String status,
            boolean mine,
            String discipline,
            String region,
            String keyword,
            String field,
            Long society,
            boolean youngTalent,
            boolean overseas,
            String availability,
            String q,
            Long station,
            boolean unclaimed,
            int page,
            int size) {

        static Query station(long station, String status, boolean unclaimed, int page, int size) {
            return new Query(
                    status, false, null, null, null, null, null, false, false, null, null, station, unclaimed, page,
                    size);
        }
    }

    @Transactional(readOnly = true)
    ExpertRepository.Found search(Query query, CurrentUser user) {
        Set<PublicationStatus> statuses = statuses(query.status(), query.mine());
        String discipline = null;
        if (Text.cleanOrNull(query.discipline()) != null) {
            String typed = echo(query.discipline()).toUpperCase(Locale.ROOT);
            if (!DISCIPLINE_FILTER.matcher(typed).matches()) {
                throw DomainException.invalid("discipline", "expert.discipline.invalid", typed);
            }
            discipline = typed;
        }
        String regionPrefix = null;
        if (Text.cleanOrNull(query.region()) != null) {
            String typed = echo(query.region());
            regionPrefix = prefixOf(regions.find(typed)
                    .orElseThrow(() -> DomainException.invalid("region", "expert.region.unknown", typed)));
        }
        Availability availability = null;
        if (Text.cleanOrNull(query.availability()) != null) {
            String typed = echo(query.availability());
            availability = Availability.parse(typed)
                    .orElseThrow(() -> DomainException.invalid("availability", "expert.availability.unknown", typed));
        }
        String keyword = exact("keyword", query.keyword(), ExpertRules.KEYWORD_MAX);
        String field = exact("field", query.field(), ExpertRules.FIELD_MAX);
        if (query.q() != null && query.q().length() > ExpertRules.AFFILIATION_MAX) {
            throw DomainException.invalid("q", "text.too-long", ExpertRules.AFFILIATION_MAX);
        }
        String nameKey = Text.key(query.q());
        int size = Math.clamp(query.size(), 1, MAX_PAGE_SIZE);
        int page = Math.clamp(query.page(), 0, 100_000);
        return experts.search(
                new ExpertRepository.Criteria(
                        statuses,
                        query.mine(),
                        discipline,
                        regionPrefix,
                        keyword,
                        field,
                        query.society(),
                        query.youngTalent(),
                        query.overseas(),
                        availability,
                        nameKey == null || nameKey.isEmpty() ? null : nameKey,
                        query.station(),
                        query.unclaimed()),
                viewer(user),
                page * size,
                size);
    }

    private static String exact(String name, String typed, int max) {
        if (Text.cleanOrNull(typed) == null) {
            return null;
        }
        if (typed.length() > max) {
            throw DomainException.invalid(name, "text.too-long", max);
        }
        return typed.strip();
    }

    /** {@code ALL} or no filter for a listing of one's own profiles; otherwise published ones by default. */
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
            throw DomainException.invalid("status", "expert.status.unknown", echo(typed));
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

    static ExpertRepository.Viewer viewer(CurrentUser user) {
        if (user == null) {
            return ExpertRepository.Viewer.VISITOR;
        }
        return new ExpertRepository.Viewer(user.id(), user.isOperator(), user.administeredStations());
    }

    /** The profile if the user may see it; 404 otherwise, so that nobody learns a hidden profile exists. */
    @Transactional(readOnly = true)
    Expert get(long id, CurrentUser user) {
        Expert expert = experts.find(id).orElseThrow(ExpertCatalog::notFound);
        if (!ExpertAccess.maySee(user, expert)) {
            throw notFound();
        }
        return expert;
    }

    boolean stationActive(Expert expert) {
        return expert.stationId() != null
                && stations.find(expert.stationId())
                        .map(Stations.StationSummary::active)
                        .orElse(false);
    }

    boolean mayEdit(CurrentUser user, Expert expert) {
        return ExpertAccess.mayEdit(user, expert, stationActive(expert));
    }

    boolean curates(CurrentUser user, Expert expert) {
        return ExpertAccess.curates(user, expert, stationActive(expert));
    }

    /**
     * The station a new profile goes to: the one asked for (a station admin of it, or an expert entering their own
     * profile into it), none when an expert or operator names none, the only one for an admin of exactly one station.
     */
    Long stationFor(CurrentUser user, Long stationId) {
        requireSignedIn(user);
        if (stationId != null) {
            Stations.StationSummary station = stations.find(stationId)
                    .orElseThrow(() -> DomainException.invalid("stationId", "expert.station.unknown", stationId));
            boolean admin = user.administers(stationId);
            if (!admin && !ExpertAccess.mayPost(user)) {
                throw DomainException.forbidden("expert.station.not-yours");
            }
            if (!station.active() && !user.isOperator()) {
                throw DomainException.forbidden("expert.station.suspended");
            }
            return stationId;
        }
        if (ExpertAccess.mayPost(user)) {
            return null;
        }
        if (user.administeredStations().size() == 1) {
            return stationFor(user, user.administeredStations().iterator().next());
        }
        if (user.administeredStations().isEmpty()) {
            throw DomainException.forbidden("expert.post.forbidden");
        }
        throw DomainException.invalid("stationId", "expert.station.required");
    }

    /** Whether the user may enter profiles at all (experts their own, operators, station admins). */
    static boolean mayPost(CurrentUser user) {
        return ExpertAccess.mayPost(user)
                || (user != null && !user.administeredStations().isEmpty());
    }

    /**
     * Enters a profile. An expert (who is not entering it as the station's admin) enters their own: it is claimed by
     * their account and carries their consent to show the profile.
     */
    @Transactional
    Expert create(ExpertDraft draft, CurrentUser user) {
        Long station = stationFor(user, draft.stationId());
        ExpertContent content = rules.validate(draft);
        Instant now = clock.instant();
        Provenance provenance = Provenance.enteredOnThePortal(station);
        boolean own = user.has(org.kechuang.identity.Role.EXPERT)
                && !user.isOperator()
                && (station == null || !user.administers(station));
        Expert created = experts.insert(
                own
                        ? Expert.own(content, provenance, user.id(), now)
                        : Expert.draft(content, provenance, user.id(), now));
        record(created, user.id(), "created", Map.of(), fieldsOf(created));
        return created;
    }

    @Transactional
    Expert revise(long id, ExpertDraft draft, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = editable(id, user);
        if (draft.version() == null) {
            throw DomainException.invalid("version", "expert.version.required");
        }
        if (draft.version() != expert.version()) {
            throw stale(expert, draft.version());
        }
        ExpertContent content = rules.validate(draft);
        Map<String, String> before = fieldsOf(expert);
        if (!expert.revise(content, clock.instant())) {
            return expert;
        }
        return screenAfterEdit(expert, before, user.id(), "edited");
    }

    @Transactional
    Expert submit(long id, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = editable(id, user);
        Map<String, String> before = fieldsOf(expert);
        expert.submit(clock.instant());
        return screenSubmission(expert, before, user.id());
    }

    @Transactional
    Expert returnWith(long id, String reason, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = locked(id, user);
        if (!curates(user, expert)) {
            throw DomainException.forbidden("expert.curators-only");
        }
        String why = reason(reason);
        Map<String, String> before = fieldsOf(expert);
        expert.returnWith(why, clock.instant());
        return save(expert, before, user.id(), "returned");
    }

    @Transactional
    Expert archive(long id, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = editable(id, user);
        Map<String, String> before = fieldsOf(expert);
        expert.archive(clock.instant());
        return save(expert, before, user.id(), "archived");
    }

    @Transactional(readOnly = true)
    List<RecordHistory.Entry> history(long id, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = get(id, user);
        if (!ExpertAccess.seesEverything(user, expert)) {
            throw DomainException.forbidden("expert.history.forbidden");
        }
        return history.of(RECORD_TYPE, id);
    }

    /** How a claim ended for now: granted at once, or waiting for a curator. */
    record Claimed(ExpertClaim claim, Expert expert) {}

    /**
     * An expert account claims an unclaimed profile. When the account's e-mail (verified at registration) is the
     * profile's, the profile is theirs at once; otherwise the claim waits for a curator of the profile's station.
     */
    @Transactional
    Claimed claim(long id, CurrentUser user) {
        requireSignedIn(user);
        if (!ExpertAccess.mayClaim(user)) {
            throw DomainException.forbidden("expert.claim.experts-only");
        }
        Expert expert = locked(id, user);
        if (expert.claimed()) {
            throw DomainException.conflict(
                    null, expert.claimedBy(user.id()) ? "expert.claim.yours" : "expert.claim.taken");
        }
        if (expert.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.conflict(null, "expert.archived");
        }
        Instant now = clock.instant();
        String email = expert.content().email();
        if (email != null
                && user.email() != null
                && email.equalsIgnoreCase(user.email().strip())) {
            ExpertClaim claim =
                    experts.insertClaim(id, user.id(), ExpertClaim.Method.EMAIL, ExpertClaim.Status.APPROVED, now);
            return new Claimed(claim, handOver(expert, claim, user.id(), now));
        }
        ExpertClaim claim =
                experts.insertClaim(id, user.id(), ExpertClaim.Method.STATION, ExpertClaim.Status.PENDING, now);
        history.record(
                RECORD_TYPE,
                id,
                user.id(),
                "claim-requested",
                Map.of(),
                Map.of("claim", "#" + claim.id() + " account #" + user.id()));
        return new Claimed(claim, expert);
    }

    /** A curator of the profile's station grants a pending claim: the claimant's account takes the profile over. */
    @Transactional
    Expert approveClaim(long id, long claimId, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = locked(id, user);
        if (!curates(user, expert)) {
            throw DomainException.forbidden("expert.curators-only");
        }
        ExpertClaim claim = pendingClaim(id, claimId);
        Instant now = clock.instant();
        experts.decideClaim(claimId, ExpertClaim.Status.APPROVED, null, user.id(), now);
        return handOver(expert, claim, user.id(), now);
    }

    /** A curator refuses a pending claim, with the reason the claimant reads. */
    @Transactional
    ExpertClaim refuseClaim(long id, long claimId, String reason, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = locked(id, user);
        if (!curates(user, expert)) {
            throw DomainException.forbidden("expert.curators-only");
        }
        String why = reason(reason);
        pendingClaim(id, claimId);
        Instant now = clock.instant();
        experts.decideClaim(claimId, ExpertClaim.Status.REFUSED, why, user.id(), now);
        history.record(
                RECORD_TYPE, id, user.id(), "claim-refused", Map.of("claim", "#" + claimId), Map.of("claim", why));
        return experts.findClaim(claimId).orElseThrow();
    }

    /** The claims of a profile: for its curators, and for the expert who holds it. */
    @Transactional(readOnly = true)
    List<ExpertClaim> claims(long id, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = get(id, user);
        if (!curates(user, expert) && !expert.claimedBy(user.id())) {
            throw DomainException.forbidden("expert.curators-only");
        }
        return experts.claimsOf(id);
    }

    /** The claims waiting for the curators of a station. */
    @Transactional(readOnly = true)
    List<ExpertClaim> pendingClaims(long stationId) {
        return experts.pendingClaims(stationId);
    }

    private ExpertClaim pendingClaim(long id, long claimId) {
        ExpertClaim claim = experts.findClaim(claimId)
                .filter(found -> found.expertId() == id)
                .orElseThrow(() -> DomainException.notFound("expert.claim.not-found"));
        if (claim.status() != ExpertClaim.Status.PENDING) {
            throw DomainException.conflict(null, "expert.claim.decided");
        }
        return claim;
    }

    private Expert handOver(Expert expert, ExpertClaim claim, long actor, Instant now) {
        Map<String, String> before = fieldsOf(expert);
        expert.claimBy(claim.accountId(), now);
        experts.refuseOtherClaims(expert.id(), actor, "claimed by another account", now);
        Map<String, String> extra =
                Map.of("claim", "#" + claim.id() + " " + claim.method().name());
        return save(expert, before, actor, "claimed", extra);
    }

    /**
     * Records what the expert agreed to show: the expert through their own account, or a curator recording a consent
     * given in writing. {@code NONE} withdraws it.
     */
    @Transactional
    Expert consent(long id, String scope, CurrentUser user) {
        requireSignedIn(user);
        Expert expert = locked(id, user);
        boolean self = expert.claimedBy(user.id());
        if (!self && !curates(user, expert)) {
            throw DomainException.forbidden("expert.consent.not-yours");
        }
        String typed = Text.cleanOrNull(scope);
        if (typed == null) {
            throw DomainException.invalid("scope", "expert.consent.scope.required");
        }
        Instant now = clock.instant();
        Map<String, String> before = fieldsOf(expert);
        if (typed.equalsIgnoreCase("NONE")) {
            if (expert.consent() == null) {
                return expert;
            }
            expert.withdrawConsent(now);
            return save(expert, before, user.id(), "consent-withdrawn");
        }
        Consent.Scope chosen;
        try {
            chosen = Consent.Scope.valueOf(typed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("scope", "expert.consent.scope.unknown", echo(typed));
        }
        expert.consent(new Consent(chosen, self ? Consent.Basis.SELF : Consent.Basis.WRITTEN, user.id(), now));
        return save(expert, before, user.id(), "consented");
    }

    /** An operator released a held profile: it is published (again). */
    @Transactional
    void released(long id, long operatorId) {
        experts.lock(id).ifPresent(expert -> {
            Map<String, String> before = fieldsOf(expert);
            if (expert.release(clock.instant())) {
                save(expert, before, operatorId, "released");
            }
        });
    }

    /** An operator rejected a held profile: it goes back to its author with the reason. */
    @Transactional
    void rejected(long id, long operatorId, String reason) {
        experts.lock(id).ifPresent(expert -> {
            Map<String, String> before = fieldsOf(expert);
            if (expert.reject(reason == null || reason.isBlank() ? "—" : reason.strip(), clock.instant())) {
                save(expert, before, operatorId, "rejected");
            }
        });
    }

    @Override
    @Transactional
    public Upserted upsertFromImport(ExpertDraft draft, Provenance provenance) {
        if (provenance.stationId() == null
                || stations.find(provenance.stationId()).isEmpty()) {
            throw DomainException.invalid("stationId", "expert.station.unknown", provenance.stationId());
        }
        String sourceId = Text.cleanOrNull(provenance.sourceId());
        if (sourceId == null) {
            throw DomainException.invalid("sourceId", "expert.source-id.required");
        }
        if (sourceId.length() > 200) {
            throw DomainException.invalid("sourceId", "text.too-long", 200);
        }
        Provenance source = new Provenance(
                provenance.stationId(),
                provenance.sourceSystem() == null ? "import" : provenance.sourceSystem(),
                sourceId,
                provenance.importBatchId());
        ExpertContent content = rules.validate(draft);
        Instant now = clock.instant();
        var existing = experts.findBySource(source.stationId(), sourceId);
        if (existing.isEmpty()) {
            Expert created = experts.insert(Expert.draft(content, source, null, now));
            record(created, null, "imported", Map.of(), Map.of());
            Map<String, String> before = fieldsOf(created);
            created.submit(now);
            return new Upserted(screenSubmission(created, before, null).id(), Change.INSERTED);
        }
        Expert expert = existing.get();
        if (expert.claimed() || expert.status() == PublicationStatus.ARCHIVED) {
            // the expert keeps their own profile now: the station's list no longer overwrites it
            return new Upserted(expert.id(), Change.UNCHANGED);
        }
        Map<String, String> before = fieldsOf(expert);
        if (!expert.revise(content, now)) {
            return new Upserted(expert.id(), Change.UNCHANGED);
        }
        expert.importedBy(source);
        if (expert.status() == PublicationStatus.DRAFT || expert.status() == PublicationStatus.RETURNED) {
            Expert saved = save(expert, before, null, "imported");
            Map<String, String> beforeSubmit = fieldsOf(saved);
            saved.submit(now);
            return new Upserted(screenSubmission(saved, beforeSubmit, null).id(), Change.UPDATED);
        }
        return new Upserted(screenAfterEdit(expert, before, null, "imported").id(), Change.UPDATED);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> summary(long id) {
        return experts.find(id)
                .map(expert -> new Summary(
                        expert.id(), expert.content().name(), expert.content().affiliation(), expert.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Particulars> particulars(long id) {
        return experts.find(id)
                .map(expert -> new Particulars(
                        expert.id(), expert.content().name(), expert.status(), expert.stationId(), expert.accountId()));
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return experts.count();
    }

    @Override
    @Transactional(readOnly = true)
    public long countPublished() {
        return experts.countPublished();
    }

    /** A submitted profile meets the content screen: clear ones are published at once, others wait for an operator. */
    private Expert screenSubmission(Expert expert, Map<String, String> before, Long actor) {
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE, expert.id(), expert.stationId(), expert.content().screenedText());
        if (verdict.held()) {
            expert.hold();
            return save(expert, before, actor, "submitted", heldFields(verdict));
        }
        Map<String, String> submitted = fieldsOf(expert);
        expert.publish(clock.instant());
        Expert saved = experts.update(expert);
        Map<String, String> afterSubmit = new HashMap<>(submitted);
        afterSubmit.put("version", Integer.toString(saved.version()));
        record(saved, actor, "submitted", before, afterSubmit);
        record(saved, actor, "published", withoutVersion(submitted), withoutVersion(fieldsOf(saved)));
        return saved;
    }

    /**
     * An edit of a profile that is submitted or published meets the content screen again; a published profile whose
     * new text is held leaves publication until an operator decides.
     */
    private Expert screenAfterEdit(Expert expert, Map<String, String> before, Long actor, String action) {
        PublicationStatus status = expert.status();
        if (status != PublicationStatus.SUBMITTED && status != PublicationStatus.PUBLISHED) {
            return save(expert, before, actor, action);
        }
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE, expert.id(), expert.stationId(), expert.content().screenedText());
        if (verdict.held()) {
            if (status == PublicationStatus.PUBLISHED) {
                expert.withhold(summary(verdict), clock.instant());
            } else {
                expert.hold();
            }
            return save(expert, before, actor, action, heldFields(verdict));
        }
        if (status == PublicationStatus.SUBMITTED) {
            expert.publish(clock.instant());
        }
        return save(expert, before, actor, action);
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

    private Expert save(Expert expert, Map<String, String> before, Long actor, String action) {
        return save(expert, before, actor, action, Map.of());
    }

    private Expert save(
            Expert expert, Map<String, String> before, Long actor, String action, Map<String, String> extra) {
        Expert saved = experts.update(expert);
        Map<String, String> after = new HashMap<>(fieldsOf(saved));
        after.putAll(extra);
        record(saved, actor, action, before, after);
        return saved;
    }

    private void record(
            Expert expert, Long actor, String action, Map<String, String> before, Map<String, String> after) {
        history.record(RECORD_TYPE, expert.id(), actor, action, before, after);
    }

    /** Content, lifecycle, claim, consent and version as the history compares them. */
    static Map<String, String> fieldsOf(Expert expert) {
        Map<String, String> fields = new HashMap<>(expert.content().asFields());
        fields.putAll(expert.statusFields());
        fields.put("version", Integer.toString(expert.version()));
        return fields;
    }

    private static Map<String, String> withoutVersion(Map<String, String> fields) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.remove("version");
        return copy;
    }

    /** The edit was based on an old version: says which fields changed since, read from the history. */
    private DomainException stale(Expert expert, int basedOn) {
        List<RecordHistory.Entry> entries = history.of(RECORD_TYPE, expert.id());
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
        return new ExpertStale(String.join(", ", changed), List.copyOf(changed), expert.version());
    }

    private static String reason(String reason) {
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw DomainException.invalid("reason", "expert.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw DomainException.invalid("reason", "text.too-long", REASON_MAX);
        }
        if (Text.hasMarkup(why)) {
            throw DomainException.invalid("reason", "text.markup");
        }
        return why;
    }

    private Expert locked(long id, CurrentUser user) {
        Expert expert = experts.lock(id).orElseThrow(ExpertCatalog::notFound);
        if (!ExpertAccess.maySee(user, expert)) {
            throw notFound();
        }
        return expert;
    }

    private Expert editable(long id, CurrentUser user) {
        Expert expert = locked(id, user);
        if (!mayEdit(user, expert)) {
            throw DomainException.forbidden("expert.not-yours");
        }
        return expert;
    }

    static CurrentUser requireSignedIn(CurrentUser user) {
        if (user == null) {
            // Spring Security's entry point answers: 401 for the API, the sign-in page for browsers
            throw new AccessDeniedException("sign-in required");
        }
        return user;
    }

    static DomainException notFound() {
        return DomainException.notFound("expert.not-found");
    }

    /** Typed filter values echoed in messages, cut short so that a huge value does not come back whole. */
    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    /**
     * Merges a duplicate into the expert kept (an operator's decision in the dedup module): the duplicate is
     * archived and points to the kept one, and both histories say so.
     *
     * @return the duplicate's provenance, which the kept expert carries from now on
     */
    @Transactional
    Provenance mergeInto(long keptId, long mergedId, Long actorId) {
        if (keptId == mergedId) {
            throw DomainException.invalid("mergedIds", "dedup.merge.same", mergedId);
        }
        // locked in id order, so that two merges of the same pair queue instead of deadlocking
        Expert first = lockForMerge(Math.min(keptId, mergedId));
        Expert second = lockForMerge(Math.max(keptId, mergedId));
        Expert kept = first.id() == keptId ? first : second;
        Expert merged = first.id() == keptId ? second : first;
        if (kept.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.invalid("keptId", "dedup.merge.archived", keptId);
        }
        if (merged.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.invalid("mergedIds", "dedup.merge.archived", mergedId);
        }
        if (merged.claimed()) {
            // the expert's own account holds that profile: it is the one to keep
            throw DomainException.invalid("mergedIds", "dedup.merge.claimed", mergedId);
        }
        Map<String, String> before = fieldsOf(merged);
        merged.archive(clock.instant());
        save(merged, before, actorId, "merged", Map.of("mergedInto", "#" + keptId));
        experts.markMerged(mergedId, keptId);
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

    private Expert lockForMerge(long id) {
        return experts.lock(id).orElseThrow(() -> DomainException.notFound("dedup.record.not-found", RECORD_TYPE, id));
    }
}
