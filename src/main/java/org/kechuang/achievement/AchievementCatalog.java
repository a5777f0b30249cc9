package org.kechuang.achievement;

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
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, edits, screens and finds achievements. Every change and its history are written in one transaction; the station
 * scope of the acting user is an explicit parameter of each call.
 */
@Service
class AchievementCatalog implements Achievements {

    static final String RECORD_TYPE = "achievement";
    static final int MAX_PAGE_SIZE = 100;
    static final int REASON_MAX = 2000;

    private final AchievementRepository achievements;
    private final AchievementRules rules;
    private final ContentScreen screen;
    private final RecordHistory history;
    private final Stations stations;
    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Clock clock;

    AchievementCatalog(
            AchievementRepository achievements,
            AchievementRules rules,
            ContentScreen screen,
            RecordHistory history,
            Stations stations,
            Regions regions,
            Industries industries,
            IndustryChains chains,
            Clock clock) {
        this.achievements = achievements;
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
            String mode,
            String trl,
            String keyword,
            String patent,
            String q,
            Long station,
            int page,
            int size) {}

    @Transactional(readOnly = true)
    AchievementRepository.Found search(Query query, CurrentUser user) {
        Set<PublicationStatus> statuses = statuses(query.status(), query.mine());
        String industry = null;
        if (Text.cleanOrNull(query.industry()) != null) {
            String typed = echo(query.industry());
            industry = industries
                    .find(typed)
                    .map(Industry::code)
                    .orElseThrow(() -> DomainException.invalid("industry", "achievement.industry.unknown", typed));
        }
        String chain = null;
        if (Text.cleanOrNull(query.chain()) != null) {
            String typed = echo(query.chain()).toUpperCase(Locale.ROOT);
            if (chains.find(typed).isEmpty() && chains.findNode(typed).isEmpty()) {
                throw DomainException.invalid("chain", "achievement.chain-node.unknown", typed);
            }
            chain = typed;
        }
        String regionPrefix = null;
        if (Text.cleanOrNull(query.region()) != null) {
            String typed = echo(query.region());
            regionPrefix = prefixOf(regions.find(typed)
                    .orElseThrow(() -> DomainException.invalid("region", "achievement.region.unknown", typed)));
        }
        CooperationMode mode = null;
        if (Text.cleanOrNull(query.mode()) != null) {
            String typed = echo(query.mode());
            mode = CooperationMode.parse(typed)
                    .orElseThrow(() -> DomainException.invalid("mode", "achievement.mode.unknown", typed));
        }
        Integer trlMin = null;
        if (Text.cleanOrNull(query.trl()) != null) {
            String typed = echo(query.trl());
            trlMin = MaturityLevel.parse(typed)
                    .map(MaturityLevel::level)
                    .orElseThrow(() -> DomainException.invalid("trl", "achievement.trl.invalid", typed));
        }
        String keyword = null;
        if (Text.cleanOrNull(query.keyword()) != null) {
            if (query.keyword().length() > AchievementRules.KEYWORD_MAX) {
                throw DomainException.invalid("keyword", "text.too-long", AchievementRules.KEYWORD_MAX);
            }
            keyword = query.keyword().strip();
        }
        String patentKey = null;
        if (Text.cleanOrNull(query.patent()) != null) {
            String typed = echo(query.patent());
            patentKey = PatentNumber.of(query.patent())
                    .map(PatentNumber::key)
                    .orElseThrow(() -> DomainException.invalid("patent", "achievement.patent.invalid", typed));
        }
        if (query.q() != null && query.q().length() > AchievementRules.TITLE_MAX) {
            throw DomainException.invalid("q", "text.too-long", AchievementRules.TITLE_MAX);
        }
        String titleKey = Text.key(query.q());
        int size = Math.clamp(query.size(), 1, MAX_PAGE_SIZE);
        int page = Math.clamp(query.page(), 0, 100_000);
        return achievements.search(
                new AchievementRepository.Criteria(
                        statuses,
                        query.mine(),
                        industry,
                        chain,
                        regionPrefix,
                        mode,
                        trlMin,
                        keyword,
                        patentKey,
                        titleKey == null || titleKey.isEmpty() ? null : titleKey,
                        query.station()),
                viewer(user),
                page * size,
                size);
    }

    /** {@code ALL} or no filter for a listing of one's own achievements; otherwise published ones by default. */
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
            throw DomainException.invalid("status", "achievement.status.unknown", echo(typed));
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

    static AchievementRepository.Viewer viewer(CurrentUser user) {
        if (user == null) {
            return AchievementRepository.Viewer.VISITOR;
        }
        return new AchievementRepository.Viewer(user.id(), user.isOperator(), user.administeredStations());
    }

    /** The achievement if the user may see it; 404 otherwise, so that nobody learns a hidden achievement exists. */
    @Transactional(readOnly = true)
    Achievement get(long id, CurrentUser user) {
        Achievement achievement = achievements.find(id).orElseThrow(AchievementCatalog::notFound);
        if (!AchievementAccess.maySee(user, achievement)) {
            throw notFound();
        }
        return achievement;
    }

    boolean stationActive(Achievement achievement) {
        return achievement.stationId() != null
                && stations.find(achievement.stationId())
                        .map(Stations.StationSummary::active)
                        .orElse(false);
    }

    boolean mayEdit(CurrentUser user, Achievement achievement) {
        return AchievementAccess.mayEdit(user, achievement, stationActive(achievement));
    }

    boolean curates(CurrentUser user, Achievement achievement) {
        return AchievementAccess.curates(user, achievement, stationActive(achievement));
    }

    /**
     * The station a new achievement of this user goes to: the one asked for (a station admin of it, or a member posting
     * into it), none when a member or operator names none, the only one for an admin of exactly one station.
     */
    Long stationFor(CurrentUser user, Long stationId) {
        requireSignedIn(user);
        if (stationId != null) {
            Stations.StationSummary station = stations.find(stationId)
                    .orElseThrow(() -> DomainException.invalid("stationId", "achievement.station.unknown", stationId));
            boolean admin = user.administers(stationId);
            if (!admin && !AchievementAccess.mayPost(user)) {
                throw DomainException.forbidden("achievement.station.not-yours");
            }
            if (!station.active() && !user.isOperator()) {
                throw DomainException.forbidden("achievement.station.suspended");
            }
            return stationId;
        }
        if (AchievementAccess.mayPost(user)) {
            return null;
        }
        if (user.administeredStations().size() == 1) {
            return stationFor(user, user.administeredStations().iterator().next());
        }
        if (user.administeredStations().isEmpty()) {
            throw DomainException.forbidden("achievement.post.forbidden");
        }
        throw DomainException.invalid("stationId", "achievement.station.required");
    }

    /** Whether the user may post achievements at all (researchers, managers, operators, station admins). */
    static boolean mayPost(CurrentUser user) {
        return AchievementAccess.mayPost(user)
                || (user != null && !user.administeredStations().isEmpty());
    }

    @Transactional
    Achievement create(AchievementDraft draft, CurrentUser user) {
        Long station = stationFor(user, draft.stationId());
        AchievementContent content = rules.validate(draft);
        Instant now = clock.instant();
        Achievement created = achievements.insert(
                Achievement.draft(content, Provenance.enteredOnThePortal(station), user.id(), now), sectionOf(content));
        record(created, user.id(), "created", Map.of(), fieldsOf(created));
        return created;
    }

    @Transactional
    Achievement revise(long id, AchievementDraft draft, CurrentUser user) {
        requireSignedIn(user);
        Achievement achievement = editable(id, user);
        if (draft.version() == null) {
            throw DomainException.invalid("version", "achievement.version.required");
        }
        if (draft.version() != achievement.version()) {
            throw stale(achievement, draft.version());
        }
        AchievementContent content = rules.validate(draft);
        Map<String, String> before = fieldsOf(achievement);
        if (!achievement.revise(content, clock.instant())) {
            return achievement;
        }
        return screenAfterEdit(achievement, before, user.id(), "edited");
    }

    @Transactional
    Achievement submit(long id, CurrentUser user) {
        requireSignedIn(user);
        Achievement achievement = editable(id, user);
        Map<String, String> before = fieldsOf(achievement);
        achievement.submit(clock.instant());
        return screenSubmission(achievement, before, user.id());
    }

    @Transactional
    Achievement returnWith(long id, String reason, CurrentUser user) {
        requireSignedIn(user);
        Achievement achievement = locked(id, user);
        if (!curates(user, achievement)) {
            throw DomainException.forbidden("achievement.curators-only");
        }
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw DomainException.invalid("reason", "achievement.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw DomainException.invalid("reason", "text.too-long", REASON_MAX);
        }
        if (Text.hasMarkup(why)) {
            throw DomainException.invalid("reason", "text.markup");
        }
        Map<String, String> before = fieldsOf(achievement);
        achievement.returnWith(why, clock.instant());
        return save(achievement, before, user.id(), "returned");
    }

    @Transactional
    Achievement archive(long id, CurrentUser user) {
        requireSignedIn(user);
        Achievement achievement = editable(id, user);
        Map<String, String> before = fieldsOf(achievement);
        achievement.archive(clock.instant());
        return save(achievement, before, user.id(), "archived");
    }

    @Transactional(readOnly = true)
    List<RecordHistory.Entry> history(long id, CurrentUser user) {
        requireSignedIn(user);
        Achievement achievement = get(id, user);
        if (!AchievementAccess.seesEverything(user, achievement)) {
            throw DomainException.forbidden("achievement.history.forbidden");
        }
        return history.of(RECORD_TYPE, id);
    }

    /**
     * Merges a duplicate into the achievement kept (an operator's decision in the dedup module): the duplicate is
     * archived and points to the kept one, and both histories say so.
     *
     * @return the duplicate's provenance, which the kept achievement carries from now on
     */
    @Transactional
    Provenance mergeInto(long keptId, long mergedId, Long actorId) {
        if (keptId == mergedId) {
            throw DomainException.invalid("mergedIds", "dedup.merge.same", mergedId);
        }
        // locked in id order, so that two merges of the same pair queue instead of deadlocking
        Achievement first = lockForMerge(Math.min(keptId, mergedId));
        Achievement second = lockForMerge(Math.max(keptId, mergedId));
        Achievement kept = first.id() == keptId ? first : second;
        Achievement merged = first.id() == keptId ? second : first;
        if (kept.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.invalid("keptId", "dedup.merge.archived", keptId);
        }
        if (merged.status() == PublicationStatus.ARCHIVED) {
            throw DomainException.invalid("mergedIds", "dedup.merge.archived", mergedId);
        }
        Map<String, String> before = fieldsOf(merged);
        merged.archive(clock.instant());
        save(merged, before, actorId, "merged", Map.of("mergedInto", "#" + keptId));
        achievements.markMerged(mergedId, keptId);
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

    private Achievement lockForMerge(long id) {
        return achievements
                .lock(id)
                .orElseThrow(() -> DomainException.notFound("dedup.record.not-found", RECORD_TYPE, id));
    }

    /** An operator released a held achievement: it is published (again). */
    @Transactional
    void released(long id, long operatorId) {
        achievements.lock(id).ifPresent(achievement -> {
            Map<String, String> before = fieldsOf(achievement);
            if (achievement.release(clock.instant())) {
                save(achievement, before, operatorId, "released");
            }
        });
    }

    /** An operator rejected a held achievement: it goes back to its author with the reason. */
    @Transactional
    void rejected(long id, long operatorId, String reason) {
        achievements.lock(id).ifPresent(achievement -> {
            Map<String, String> before = fieldsOf(achievement);
            if (achievement.reject(reason == null || reason.isBlank() ? "—" : reason.strip(), clock.instant())) {
                save(achievement, before, operatorId, "rejected");
            }
        });
    }

    @Override
    @Transactional
    public Upserted upsertFromImport(AchievementDraft draft, Provenance provenance) {
        if (provenance.stationId() == null
                || stations.find(provenance.stationId()).isEmpty()) {
            throw DomainException.invalid("stationId", "achievement.station.unknown", provenance.stationId());
        }
        String sourceId = Text.cleanOrNull(provenance.sourceId());
        if (sourceId == null) {
            throw DomainException.invalid("sourceId", "achievement.source-id.required");
        }
        if (sourceId.length() > 200) {
            throw DomainException.invalid("sourceId", "text.too-long", 200);
        }
        Provenance source = new Provenance(
                provenance.stationId(),
                provenance.sourceSystem() == null ? "import" : provenance.sourceSystem(),
                sourceId,
                provenance.importBatchId());
        AchievementContent content = rules.validate(draft);
        Instant now = clock.instant();
        var existing = achievements.findBySource(source.stationId(), sourceId);
        if (existing.isEmpty()) {
            Achievement created =
                    achievements.insert(Achievement.draft(content, source, null, now), sectionOf(content));
            record(created, null, "imported", Map.of(), Map.of());
            Map<String, String> before = fieldsOf(created);
            created.submit(now);
            return new Upserted(screenSubmission(created, before, null).id(), Change.INSERTED);
        }
        Achievement achievement = existing.get();
        Map<String, String> before = fieldsOf(achievement);
        if (achievement.status() == PublicationStatus.ARCHIVED || !achievement.revise(content, now)) {
            return new Upserted(achievement.id(), Change.UNCHANGED);
        }
        achievement.importedBy(source);
        if (achievement.status() == PublicationStatus.DRAFT || achievement.status() == PublicationStatus.RETURNED) {
            Achievement saved = save(achievement, before, null, "imported");
            Map<String, String> beforeSubmit = fieldsOf(saved);
            saved.submit(now);
            return new Upserted(screenSubmission(saved, beforeSubmit, null).id(), Change.UPDATED);
        }
        return new Upserted(
                screenAfterEdit(achievement, before, null, "imported").id(), Change.UPDATED);
    }

    /**
     * One row of a bulk import: the station's source id of the record and the record as read.
     *
     * @param checked the draft as {@link AchievementRules#validate} returned it, when the caller checked it already
     *     (the import pipeline checks every row before storing the valid ones); {@code null} to have it checked here
     */
    record ImportedRow(String sourceId, AchievementDraft draft, AchievementContent checked) {}

    /**
     * The bulk form of {@link #upsertFromImport} for a chunk of one station's rows: new records are screened, inserted
     * and given their history in a few statements; rows the station imported before go through the single-row path.
     * Refuses the whole chunk (nothing written) when a row breaks a rule; the pipeline then applies the rows one by one.
     */
    @Transactional
    List<Change> upsertAllFromImport(long stationId, List<ImportedRow> rows, long batchId) {
        if (stations.find(stationId).isEmpty()) {
            throw DomainException.invalid("stationId", "achievement.station.unknown", stationId);
        }
        List<AchievementContent> contents = new ArrayList<>(rows.size());
        List<String> sourceIds = new ArrayList<>(rows.size());
        for (ImportedRow row : rows) {
            String sourceId = Text.cleanOrNull(row.sourceId());
            if (sourceId == null || sourceId.length() > 200) {
                throw DomainException.invalid("sourceId", "achievement.source-id.required");
            }
            contents.add(row.checked() != null ? row.checked() : rules.validate(row.draft()));
            sourceIds.add(sourceId);
        }
        Set<String> known = achievements.knownSources(stationId, sourceIds);
        if (new java.util.HashSet<>(sourceIds).size() < sourceIds.size()) {
            // a source id twice in one chunk: the second row must see the first one stored
            known = Set.copyOf(sourceIds);
        }
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!known.contains(sourceIds.get(i))) {
                fresh.add(i);
            }
        }
        List<Long> ids = achievements.reserveIds(fresh.size());
        Instant now = clock.instant();
        List<ContentScreen.Submission> submissions = new ArrayList<>(fresh.size());
        for (int n = 0; n < fresh.size(); n++) {
            submissions.add(new ContentScreen.Submission(
                    ids.get(n), contents.get(fresh.get(n)).screenedText()));
        }
        List<ContentScreen.Verdict> verdicts = screen.screenNew(RECORD_TYPE, stationId, submissions);
        List<Achievement> inserted = new ArrayList<>(fresh.size());
        List<String> sections = new ArrayList<>(fresh.size());
        List<RecordHistory.Action> actions = new ArrayList<>(fresh.size());
        for (int n = 0; n < fresh.size(); n++) {
            int i = fresh.get(n);
            long id = ids.get(n);
            AchievementContent content = contents.get(i);
            boolean held = verdicts.get(n).held();
            Achievement achievement = new Achievement(
                    id,
                    content,
                    new Provenance(stationId, AchievementImportTarget.SOURCE_SYSTEM, sourceIds.get(i), batchId),
                    held ? PublicationStatus.SUBMITTED : PublicationStatus.PUBLISHED,
                    null,
                    held,
                    null,
                    now,
                    now,
                    0);
            inserted.add(achievement);
            sections.add(sectionOf(content));
            actions.add(new RecordHistory.Action(id, null, "imported", Map.of(), Map.of()));
        }
        achievements.insertAll(inserted, sections);
        history.recordAll(RECORD_TYPE, actions);
        List<Change> changes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (known.contains(sourceIds.get(i))) {
                changes.add(upsertFromImport(
                                rows.get(i).draft(),
                                new Provenance(
                                        stationId, AchievementImportTarget.SOURCE_SYSTEM, sourceIds.get(i), batchId))
                        .change());
            } else {
                changes.add(Change.INSERTED);
            }
        }
        return changes;
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return achievements.count();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Particulars> particulars(long id) {
        return achievements
                .find(id)
                .map(found -> new Particulars(
                        found.id(),
                        found.content().title(),
                        found.status(),
                        found.stationId(),
                        found.createdBy(),
                        found.content().organizationId()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> summary(long id) {
        return achievements
                .find(id)
                .map(found -> new Summary(found.id(), found.content().title(), found.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public long countPublished() {
        return achievements.countPublished();
    }

    /** A submitted achievement meets the content screen: clear ones are published at once, others wait for an operator. */
    private Achievement screenSubmission(Achievement achievement, Map<String, String> before, Long actor) {
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE,
                achievement.id(),
                achievement.stationId(),
                achievement.content().screenedText());
        if (verdict.held()) {
            achievement.hold();
            return save(achievement, before, actor, "submitted", heldFields(verdict));
        }
        Map<String, String> submitted = fieldsOf(achievement);
        achievement.publish(clock.instant());
        Achievement saved = achievements.update(achievement, sectionOf(achievement.content()));
        Map<String, String> afterSubmit = new HashMap<>(submitted);
        afterSubmit.put("version", Integer.toString(saved.version()));
        record(saved, actor, "submitted", before, afterSubmit);
        record(saved, actor, "published", withoutVersion(submitted), withoutVersion(fieldsOf(saved)));
        return saved;
    }

    /**
     * An edit of a achievement that is submitted or published meets the content screen again; a published achievement whose new
     * text is held leaves publication until an operator decides.
     */
    private Achievement screenAfterEdit(
            Achievement achievement, Map<String, String> before, Long actor, String action) {
        PublicationStatus status = achievement.status();
        if (status != PublicationStatus.SUBMITTED && status != PublicationStatus.PUBLISHED) {
            return save(achievement, before, actor, action);
        }
        ContentScreen.Verdict verdict = screen.screen(
                RECORD_TYPE,
                achievement.id(),
                achievement.stationId(),
                achievement.content().screenedText());
        if (verdict.held()) {
            if (status == PublicationStatus.PUBLISHED) {
                achievement.withhold(summary(verdict), clock.instant());
            } else {
                achievement.hold();
            }
            return save(achievement, before, actor, action, heldFields(verdict));
        }
        if (status == PublicationStatus.SUBMITTED) {
            achievement.publish(clock.instant());
        }
        return save(achievement, before, actor, action);
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

    private Achievement save(Achievement achievement, Map<String, String> before, Long actor, String action) {
        return save(achievement, before, actor, action, Map.of());
    }

    private Achievement save(
            Achievement achievement, Map<String, String> before, Long actor, String action, Map<String, String> extra) {
        Achievement saved = achievements.update(achievement, sectionOf(achievement.content()));
        Map<String, String> after = new HashMap<>(fieldsOf(saved));
        after.putAll(extra);
        record(saved, actor, action, before, after);
        return saved;
    }

    private void record(
            Achievement achievement, Long actor, String action, Map<String, String> before, Map<String, String> after) {
        history.record(RECORD_TYPE, achievement.id(), actor, action, before, after);
    }

    /** Content, lifecycle and version as the history compares them. */
    static Map<String, String> fieldsOf(Achievement achievement) {
        Map<String, String> fields = new HashMap<>(achievement.content().asFields());
        fields.putAll(achievement.statusFields());
        fields.put("version", Integer.toString(achievement.version()));
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
    private DomainException stale(Achievement achievement, int basedOn) {
        List<RecordHistory.Entry> entries = history.of(RECORD_TYPE, achievement.id());
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
        return new AchievementStale(String.join(", ", changed), List.copyOf(changed), achievement.version());
    }

    String sectionOf(AchievementContent content) {
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

    private Achievement locked(long id, CurrentUser user) {
        Achievement achievement = achievements.lock(id).orElseThrow(AchievementCatalog::notFound);
        if (!AchievementAccess.maySee(user, achievement)) {
            throw notFound();
        }
        return achievement;
    }

    private Achievement editable(long id, CurrentUser user) {
        Achievement achievement = locked(id, user);
        if (!mayEdit(user, achievement)) {
            throw DomainException.forbidden("achievement.not-yours");
        }
        return achievement;
    }

    static CurrentUser requireSignedIn(CurrentUser user) {
        if (user == null) {
            // Spring Security's entry point answers: 401 for the API, the sign-in page for browsers
            throw new AccessDeniedException("sign-in required");
        }
        return user;
    }

    static DomainException notFound() {
        return DomainException.notFound("achievement.not-found");
    }

    /** Typed filter values echoed in messages, cut short so that a huge value does not come back whole. */
    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
