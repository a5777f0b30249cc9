package org.kechuang.talent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kechuang.platform.web.DomainException;
import org.kechuang.search.SearchableRecordsChanged;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores expert profiles and their claims; the visibility rules of listings are part of the query, so a page never
 * holds what it must hide.
 */
@Repository
class ExpertRepository {

    private static final String COLUMNS = """
            id, name, affiliation, title, discipline_codes, research_fields, keywords, region_code, society_ids,
            young_talent, overseas, availability, introduction, phone, email, account_id, consent_scope, consent_basis,
            consent_recorded_by, consent_at, station_id, source_system, source_id, import_batch_id, status,
            return_reason, held, created_by, created_at, updated_at, version""";

    private static final String CLAIM_COLUMNS =
            "id, expert_id, account_id, method, status, reason, created_at, decided_by, decided_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ExpertRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Who is asking: the listing shows them what they may see and nothing else. */
    record Viewer(Long userId, boolean operator, Set<Long> stations) {

        static final Viewer VISITOR = new Viewer(null, false, Set.of());
    }

    /**
     * The filters of a listing, each optional.
     *
     * @param discipline an NSFC code: a department letter covers its codes, a code the codes below it
     * @param unclaimed only profiles no expert has claimed yet
     */
    record Criteria(
            Set<PublicationStatus> statuses,
            boolean mine,
            String discipline,
            String regionPrefix,
            String keyword,
            String field,
            Long society,
            boolean youngTalent,
            boolean overseas,
            Availability availability,
            String nameKey,
            Long stationId,
            boolean unclaimed) {}

    record Found(long total, List<Expert> results) {}

    Found search(Criteria criteria, Viewer viewer, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        long me = viewer.userId() == null ? -1L : viewer.userId();
        if (!viewer.operator()) {
            where.append(" and (created_by = :me or account_id = :me or station_id in (:stations)"
                    + " or status = 'PUBLISHED')");
            params.put("me", me);
            params.put("stations", viewer.stations().isEmpty() ? List.of(-1L) : new ArrayList<>(viewer.stations()));
        }
        if (criteria.statuses() != null && !criteria.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            params.put("statuses", criteria.statuses().stream().map(Enum::name).toList());
        }
        if (criteria.mine()) {
            where.append(" and (created_by = :author or account_id = :author)");
            params.put("author", me);
        }
        if (criteria.discipline() != null) {
            where.append(" and exists (select 1 from unnest(discipline_codes) d where d like :discipline)");
            params.put("discipline", likeEscaped(criteria.discipline()) + "%");
        }
        if (criteria.regionPrefix() != null) {
            where.append(" and region_code like :region");
            params.put("region", likeEscaped(criteria.regionPrefix()) + "%");
        }
        if (criteria.keyword() != null) {
            where.append(" and keywords @> array[cast(:keyword as text)]");
            params.put("keyword", criteria.keyword());
        }
        if (criteria.field() != null) {
            where.append(" and research_fields @> array[cast(:field as text)]");
            params.put("field", criteria.field());
        }
        if (criteria.society() != null) {
            where.append(" and society_ids @> array[cast(:society as bigint)]");
            params.put("society", criteria.society());
        }
        if (criteria.youngTalent()) {
            where.append(" and young_talent");
        }
        if (criteria.overseas()) {
            where.append(" and overseas");
        }
        if (criteria.availability() != null) {
            where.append(" and availability = :availability");
            params.put("availability", criteria.availability().name());
        }
        if (criteria.nameKey() != null) {
            where.append(" and (name_key like :q or affiliation_key like :q)");
            params.put("q", "%" + likeEscaped(criteria.nameKey()) + "%");
        }
        if (criteria.stationId() != null) {
            where.append(" and station_id = :station");
            params.put("station", criteria.stationId());
        }
        if (criteria.unclaimed()) {
            where.append(" and account_id is null");
        }
        long total = jdbc.sql("select count(*) from expert" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Expert> page = jdbc.sql("select " + COLUMNS + " from expert" + where
                        + " order by updated_at desc, id desc offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
        return new Found(total, page);
    }

    Optional<Expert> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from expert where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction, so that concurrent transitions queue instead of racing. */
    Optional<Expert> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from expert where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Expert> findBySource(long stationId, String sourceId) {
        return jdbc.sql("select " + COLUMNS + " from expert where station_id = ? and source_id = ? for update")
                .param(stationId)
                .param(sourceId)
                .query(this::map)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from expert").query(Long.class).single();
    }

    long countPublished() {
        return jdbc.sql("select count(*) from expert where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    Expert insert(Expert expert) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into expert (name, name_key, affiliation, affiliation_key, title, discipline_codes,
                      research_fields, keywords, region_code, society_ids, young_talent, overseas, availability,
                      introduction, phone, email, email_key, account_id, consent_scope, consent_basis,
                      consent_recorded_by, consent_at, station_id, source_system, source_id, import_batch_id, status,
                      return_reason, held, created_by, created_at, updated_at, version)
                    values (:name, :nameKey, :affiliation, :affiliationKey, :title, cast(:disciplineCodes as text[]),
                      cast(:researchFields as text[]), cast(:keywords as text[]), :regionCode,
                      cast(:societyIds as bigint[]), :youngTalent, :overseas, :availability, :introduction, :phone,
                      :email, :emailKey, :accountId, :consentScope, :consentBasis, :consentRecordedBy, :consentAt,
                      :stationId, :sourceSystem, :sourceId, :importBatchId, :status, :returnReason, :held, :createdBy,
                      :createdAt, :updatedAt, 0)
                    """).params(parameters(expert)).update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw DomainException.conflict("sourceId", "expert.source.duplicate");
        }
        long id = keys.getKey().longValue();
        changed(id);
        return find(id).orElseThrow();
    }

    /** The ids of the records the station holds under these source ids. */
    Map<String, Long> idsBySource(long stationId, List<String> sourceIds) {
        Map<String, Long> ids = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select source_id, id from expert where station_id = :station and source_id in (:ids)")
                .param("station", stationId)
                .param("ids", sourceIds)
                .query((row, n) -> Map.entry(row.getString("source_id"), row.getLong("id")))
                .list()
                .forEach(found -> ids.put(found.getKey(), found.getValue()));
        return ids;
    }

    /** The source ids among these that the station holds already. */
    Set<String> knownSources(long stationId, List<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select source_id from expert where station_id = :station and source_id in (:ids)")
                        .param("station", stationId)
                        .param("ids", sourceIds)
                        .query(String.class)
                        .list());
    }

    /** Takes ids for profiles about to be inserted, so that they can be screened (and queued) before they are stored. */
    List<Long> reserveIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence('expert', 'id')) from generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
    }

    /** Inserts new profiles with their reserved ids, many rows per statement. */
    void insertAll(List<Expert> inserted) {
        for (int from = 0; from < inserted.size(); from += BULK_ROWS) {
            int to = Math.min(inserted.size(), from + BULK_ROWS);
            StringBuilder sql = new StringBuilder("insert into expert (id, " + String.join(", ", INSERTED.keySet())
                    + ", version) overriding system" + " value values ");
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                Expert expert = inserted.get(i);
                sql.append(i == from ? "(" : ", (").append(":id").append(i);
                Map<String, Object> row = parameters(expert);
                for (Map.Entry<String, String> column : INSERTED.entrySet()) {
                    String name = column.getValue() + i;
                    sql.append(", ").append(cast(column.getValue(), ":" + name));
                    params.put(name, row.get(column.getValue()));
                }
                sql.append(", 0)");
                params.put("id" + i, expert.id());
            }
            try {
                jdbc.sql(sql.toString()).params(params).update();
            } catch (DuplicateKeyException duplicate) {
                throw DomainException.conflict("sourceId", "expert.source.duplicate");
            }
        }
        if (!inserted.isEmpty()) {
            events.publishEvent(SearchableRecordsChanged.bulk(
                    ExpertCatalog.RECORD_TYPE, inserted.stream().map(Expert::id).toList()));
        }
    }

    private static String cast(String param, String placeholder) {
        return switch (param) {
            case "disciplineCodes", "researchFields", "keywords" -> "cast(" + placeholder + " as text[])";
            case "societyIds" -> "cast(" + placeholder + " as bigint[])";
            default -> placeholder;
        };
    }

    /** Rows per bulk statement: about thirty parameters each, far below PostgreSQL's 65,535. */
    private static final int BULK_ROWS = 500;

    /** The inserted columns and the parameters that fill them, as {@link #insert} writes them. */
    private static final Map<String, String> INSERTED = insertedColumns();

    private static Map<String, String> insertedColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", "name");
        columns.put("name_key", "nameKey");
        columns.put("affiliation", "affiliation");
        columns.put("affiliation_key", "affiliationKey");
        columns.put("title", "title");
        columns.put("discipline_codes", "disciplineCodes");
        columns.put("research_fields", "researchFields");
        columns.put("keywords", "keywords");
        columns.put("region_code", "regionCode");
        columns.put("society_ids", "societyIds");
        columns.put("young_talent", "youngTalent");
        columns.put("overseas", "overseas");
        columns.put("availability", "availability");
        columns.put("introduction", "introduction");
        columns.put("phone", "phone");
        columns.put("email", "email");
        columns.put("email_key", "emailKey");
        columns.put("account_id", "accountId");
        columns.put("consent_scope", "consentScope");
        columns.put("consent_basis", "consentBasis");
        columns.put("consent_recorded_by", "consentRecordedBy");
        columns.put("consent_at", "consentAt");
        columns.put("station_id", "stationId");
        columns.put("source_system", "sourceSystem");
        columns.put("source_id", "sourceId");
        columns.put("import_batch_id", "importBatchId");
        columns.put("status", "status");
        columns.put("return_reason", "returnReason");
        columns.put("held", "held");
        columns.put("created_by", "createdBy");
        columns.put("created_at", "createdAt");
        columns.put("updated_at", "updatedAt");
        return columns;
    }

    /** Writes the profile's state unless someone changed it since it was read; returns it as stored. */
    Expert update(Expert expert) {
        Map<String, Object> params = parameters(expert);
        params.put("id", expert.id());
        params.put("version", expert.version());
        int updated = jdbc.sql("""
                update expert set name = :name, name_key = :nameKey, affiliation = :affiliation,
                  affiliation_key = :affiliationKey, title = :title,
                  discipline_codes = cast(:disciplineCodes as text[]),
                  research_fields = cast(:researchFields as text[]), keywords = cast(:keywords as text[]),
                  region_code = :regionCode, society_ids = cast(:societyIds as bigint[]),
                  young_talent = :youngTalent, overseas = :overseas, availability = :availability,
                  introduction = :introduction, phone = :phone, email = :email, email_key = :emailKey,
                  account_id = :accountId, consent_scope = :consentScope, consent_basis = :consentBasis,
                  consent_recorded_by = :consentRecordedBy, consent_at = :consentAt, source_system = :sourceSystem,
                  source_id = :sourceId, import_batch_id = :importBatchId, status = :status,
                  return_reason = :returnReason, held = :held, updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version""").params(params).update();
        if (updated != 1) {
            throw DomainException.conflict(null, "expert.stale", "");
        }
        changed(expert.id());
        return find(expert.id()).orElseThrow();
    }

    /** Tells the search index, in this transaction, that the profile was written. */
    private void changed(long id) {
        events.publishEvent(SearchableRecordsChanged.of(ExpertCatalog.RECORD_TYPE, id));
    }

    ExpertClaim insertClaim(
            long expertId, long accountId, ExpertClaim.Method method, ExpertClaim.Status status, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into expert_claim (expert_id, account_id, method, status, created_at, decided_at)
                    values (:expert, :account, :method, :status, :now, :decidedAt)""")
                    .param("expert", expertId)
                    .param("account", accountId)
                    .param("method", method.name())
                    .param("status", status.name())
                    .param("now", Timestamp.from(now))
                    .param("decidedAt", status == ExpertClaim.Status.PENDING ? null : Timestamp.from(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw DomainException.conflict(null, "expert.claim.pending");
        }
        return findClaim(keys.getKey().longValue()).orElseThrow();
    }

    Optional<ExpertClaim> findClaim(long id) {
        return jdbc.sql("select " + CLAIM_COLUMNS + " from expert_claim where id = ?")
                .param(id)
                .query(ExpertRepository::claim)
                .optional();
    }

    /** Claims of one profile, newest first. */
    List<ExpertClaim> claimsOf(long expertId) {
        return jdbc.sql("select " + CLAIM_COLUMNS + " from expert_claim where expert_id = ? order by id desc")
                .param(expertId)
                .query(ExpertRepository::claim)
                .list();
    }

    /** The pending claims of the station's profiles (every station's for {@code null}), oldest first. */
    List<ExpertClaim> pendingClaims(Long stationId) {
        return jdbc.sql("select c.id, c.expert_id, c.account_id, c.method, c.status, c.reason, c.created_at,"
                        + " c.decided_by, c.decided_at from expert_claim c join expert e on e.id = c.expert_id"
                        + " where c.status = 'PENDING' and (cast(:station as bigint) is null or e.station_id = :station)"
                        + " order by c.id")
                .param("station", stationId)
                .query(ExpertRepository::claim)
                .list();
    }

    void decideClaim(long claimId, ExpertClaim.Status status, String reason, long decidedBy, Instant now) {
        jdbc.sql("""
                update expert_claim set status = :status, reason = :reason, decided_by = :by, decided_at = :now
                where id = :id and status = 'PENDING'""")
                .param("status", status.name())
                .param("reason", reason)
                .param("by", decidedBy)
                .param("now", Timestamp.from(now))
                .param("id", claimId)
                .update();
    }

    /** Other claims of a profile that has just been claimed are refused with it. */
    void refuseOtherClaims(long expertId, long decidedBy, String reason, Instant now) {
        jdbc.sql("""
                update expert_claim set status = 'REFUSED', reason = :reason, decided_by = :by, decided_at = :now
                where expert_id = :expert and status = 'PENDING'""")
                .param("reason", reason)
                .param("by", decidedBy)
                .param("now", Timestamp.from(now))
                .param("expert", expertId)
                .update();
    }

    private static ExpertClaim claim(ResultSet row, int number) throws SQLException {
        Timestamp decided = row.getTimestamp("decided_at");
        return new ExpertClaim(
                row.getLong("id"),
                row.getLong("expert_id"),
                row.getLong("account_id"),
                ExpertClaim.Method.valueOf(row.getString("method")),
                ExpertClaim.Status.valueOf(row.getString("status")),
                row.getString("reason"),
                row.getTimestamp("created_at").toInstant(),
                (Long) row.getObject("decided_by"),
                decided == null ? null : decided.toInstant());
    }

    private static Map<String, Object> parameters(Expert expert) {
        ExpertContent content = expert.content();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", content.name());
        params.put("nameKey", content.nameKey());
        params.put("affiliation", content.affiliation());
        params.put("affiliationKey", content.affiliationKey());
        params.put("title", content.title());
        params.put("disciplineCodes", textArray(content.disciplineCodes()));
        params.put("researchFields", textArray(content.researchFields()));
        params.put("keywords", textArray(content.keywords()));
        params.put("regionCode", content.regionCode());
        params.put(
                "societyIds",
                textArray(content.societyIds().stream().map(String::valueOf).toList()));
        params.put("youngTalent", content.youngTalent());
        params.put("overseas", content.overseas());
        params.put("availability", content.availability().name());
        params.put("introduction", content.introduction());
        params.put("phone", content.phone());
        params.put("email", content.email());
        params.put("emailKey", content.email() == null ? null : content.email().toLowerCase(java.util.Locale.ROOT));
        params.put("accountId", expert.accountId());
        Consent consent = expert.consent();
        params.put("consentScope", consent == null ? null : consent.scope().name());
        params.put("consentBasis", consent == null ? null : consent.basis().name());
        params.put("consentRecordedBy", consent == null ? null : consent.recordedBy());
        params.put("consentAt", consent == null ? null : Timestamp.from(consent.at()));
        params.put("stationId", expert.stationId());
        params.put("sourceSystem", expert.provenance().sourceSystem());
        params.put("sourceId", expert.provenance().sourceId());
        params.put("importBatchId", expert.provenance().importBatchId());
        params.put("status", expert.status().name());
        params.put("returnReason", expert.returnReason());
        params.put("held", expert.held());
        params.put("createdBy", expert.createdBy());
        params.put("createdAt", Timestamp.from(expert.createdAt()));
        params.put("updatedAt", Timestamp.from(expert.updatedAt()));
        return params;
    }

    private Expert map(ResultSet row, int number) throws SQLException {
        List<Long> societies = new ArrayList<>();
        Array societyArray = row.getArray("society_ids");
        if (societyArray != null) {
            for (Long id : (Long[]) societyArray.getArray()) {
                societies.add(id);
            }
        }
        ExpertContent content = new ExpertContent(
                row.getString("name"),
                row.getString("affiliation"),
                row.getString("title"),
                strings(row.getArray("discipline_codes")),
                strings(row.getArray("research_fields")),
                strings(row.getArray("keywords")),
                row.getString("region_code"),
                societies,
                row.getBoolean("young_talent"),
                row.getBoolean("overseas"),
                Availability.valueOf(row.getString("availability")),
                row.getString("introduction"),
                row.getString("phone"),
                row.getString("email"));
        String scope = row.getString("consent_scope");
        Consent consent = scope == null
                ? null
                : new Consent(
                        Consent.Scope.valueOf(scope),
                        Consent.Basis.valueOf(row.getString("consent_basis")),
                        row.getLong("consent_recorded_by"),
                        instant(row, "consent_at"));
        return new Expert(
                row.getLong("id"),
                content,
                new Provenance(
                        (Long) row.getObject("station_id"),
                        row.getString("source_system"),
                        row.getString("source_id"),
                        (Long) row.getObject("import_batch_id")),
                PublicationStatus.valueOf(row.getString("status")),
                row.getString("return_reason"),
                row.getBoolean("held"),
                (Long) row.getObject("account_id"),
                consent,
                (Long) row.getObject("created_by"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    /** A PostgreSQL array literal with every element quoted, for {@code cast(:x as text[])}. */
    static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Marks a record merged into another (it is archived by then). */
    void markMerged(long mergedId, long keptId) {
        jdbc.sql("update expert set merged_into_id = ? where id = ?")
                .param(keptId)
                .param(mergedId)
                .update();
    }
}
