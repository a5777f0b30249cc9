package org.kechuang.demand;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kechuang.platform.web.DomainException;
import org.kechuang.search.SearchableRecordsChanged;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores demands; the visibility rules of listings are part of the query, so a page never holds what it must hide. */
@Repository
class DemandRepository {

    private static final String COLUMNS = """
            id, title, background, technical_problems, target_indicators::text as target_indicators, industry_code,
            chain_node_code, application_scenario, region_code, cooperation_modes, budget_min, budget_max, deadline,
            confidential, contact_person, contact_phone, contact_email, organization_id, station_id, source_system,
            source_id, import_batch_id, status, return_reason, questions_by, held, created_by, created_at, updated_at, version""";

    private static final TypeReference<List<StoredIndicator>> INDICATORS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    DemandRepository(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Who is asking: the listing shows them what they may see and nothing else. */
    record Viewer(Long userId, boolean operator, boolean manager, Set<Long> stations) {

        static final Viewer VISITOR = new Viewer(null, false, false, Set.of());
    }

    /**
     * The filters of a listing, each optional.
     *
     * @param industry a GB/T 4754 section letter (all its classes) or a numeric code (itself and the codes below it)
     * @param chain a chain code (all its nodes) or a node code
     * @param regionPrefix the code prefix of a region, see {@code DemandCatalog#prefixOf}
     * @param mine only the viewer's own demands
     * @param untouchedSince only demands not changed since then (the stale ones)
     */
    record Criteria(
            Set<PublicationStatus> statuses,
            boolean mine,
            String industry,
            String chain,
            String regionPrefix,
            CooperationMode mode,
            String titleKey,
            Long stationId,
            Instant untouchedSince) {}

    record Found(long total, List<Demand> results) {}

    Found search(Criteria criteria, Viewer viewer, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!viewer.operator()) {
            where.append(" and (created_by = :me or station_id in (:stations)"
                    + " or (status = 'PUBLISHED' and (not confidential or :manager)))");
            params.put("me", viewer.userId() == null ? -1L : viewer.userId());
            params.put("stations", viewer.stations().isEmpty() ? List.of(-1L) : new ArrayList<>(viewer.stations()));
            params.put("manager", viewer.manager());
        }
        if (criteria.statuses() != null && !criteria.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            params.put("statuses", criteria.statuses().stream().map(Enum::name).toList());
        }
        if (criteria.mine()) {
            where.append(" and created_by = :author");
            params.put("author", viewer.userId() == null ? -1L : viewer.userId());
        }
        if (criteria.industry() != null) {
            if (Character.isLetter(criteria.industry().charAt(0))) {
                where.append(" and industry_section = :section");
                params.put("section", criteria.industry());
            } else {
                where.append(" and industry_code like :industry");
                params.put("industry", likeEscaped(criteria.industry()) + "%");
            }
        }
        if (criteria.chain() != null) {
            where.append(" and (chain_node_code = :node or chain_node_code like :chain)");
            params.put("node", criteria.chain());
            params.put("chain", likeEscaped(criteria.chain()) + "-%");
        }
        if (criteria.regionPrefix() != null) {
            where.append(" and region_code like :region");
            params.put("region", likeEscaped(criteria.regionPrefix()) + "%");
        }
        if (criteria.mode() != null) {
            where.append(" and cooperation_modes @> array[cast(:mode as text)]");
            params.put("mode", criteria.mode().name());
        }
        if (criteria.titleKey() != null) {
            where.append(" and title_key like :q");
            params.put("q", "%" + likeEscaped(criteria.titleKey()) + "%");
        }
        if (criteria.stationId() != null) {
            where.append(" and station_id = :station");
            params.put("station", criteria.stationId());
        }
        if (criteria.untouchedSince() != null) {
            where.append(" and updated_at < :untouched");
            params.put("untouched", Timestamp.from(criteria.untouchedSince()));
        }
        long total = jdbc.sql("select count(*) from demand" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Demand> page = jdbc.sql("select " + COLUMNS + " from demand" + where
                        + " order by updated_at desc, id desc offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
        return new Found(total, page);
    }

    /** A page of the station's demands that are not archived, by id, after the given id: for exports. */
    List<Demand> ofStation(long stationId, long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from demand where station_id = ? and status <> 'ARCHIVED'"
                        + " and id > ? order by id limit ?")
                .params(stationId, afterId, limit)
                .query(this::map)
                .list();
    }

    Optional<Demand> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from demand where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Marks a record merged into another (it is archived by then). */
    void markMerged(long mergedId, long keptId) {
        jdbc.sql("update demand set merged_into_id = ? where id = ?")
                .param(keptId)
                .param(mergedId)
                .update();
    }

    /** Locks the row for the rest of the transaction, so that concurrent transitions queue instead of racing. */
    Optional<Demand> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from demand where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Demand> findBySource(long stationId, String sourceId) {
        return jdbc.sql("select " + COLUMNS
                        + " from demand where station_id = ? and source_id is not null and source_id = ? for update")
                .param(stationId)
                .param(sourceId)
                .query(this::map)
                .optional();
    }

    /** Demands still open (draft, returned or published) whose deadline lies before the day. */
    List<Long> openPastDeadline(LocalDate today) {
        return jdbc.sql("""
                select id from demand where deadline < ? and status in ('DRAFT', 'RETURNED', 'PUBLISHED')
                order by id""").param(today).query(Long.class).list();
    }

    long count() {
        return jdbc.sql("select count(*) from demand").query(Long.class).single();
    }

    long countPublished() {
        return jdbc.sql("select count(*) from demand where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    Demand insert(Demand demand, String industrySection) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into demand (title, title_key, background, technical_problems, target_indicators,
                      industry_code, industry_section, chain_node_code, application_scenario, region_code,
                      cooperation_modes, budget_min, budget_max, deadline, confidential, contact_person, contact_phone,
                      contact_email, organization_id, station_id, source_system, source_id, import_batch_id, status,
                      return_reason, held, created_by, created_at, updated_at, version)
                    values (:title, :titleKey, :background, :technicalProblems, cast(:targetIndicators as jsonb),
                      :industryCode, :industrySection, :chainNodeCode, :applicationScenario, :regionCode,
                      cast(:cooperationModes as text[]), :budgetMin, :budgetMax, :deadline, :confidential,
                      :contactPerson, :contactPhone, :contactEmail, :organizationId, :stationId, :sourceSystem,
                      :sourceId, :importBatchId, :status, :returnReason, :held, :createdBy, :createdAt, :updatedAt, 0)
                    """).params(parameters(demand, industrySection)).update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw DomainException.conflict("sourceId", "demand.source.duplicate");
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
        jdbc.sql("select source_id, id from demand where station_id = :station and source_id in (:ids)")
                .param("station", stationId)
                .param("ids", sourceIds)
                .query((row, n) -> Map.entry(row.getString("source_id"), row.getLong("id")))
                .list()
                .forEach(found -> ids.put(found.getKey(), found.getValue()));
        return ids;
    }

    /** Which of these source ids the station already has. */
    Set<String> knownSources(long stationId, List<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select source_id from demand where station_id = :station and source_id in (:ids)")
                        .param("station", stationId)
                        .param("ids", sourceIds)
                        .query(String.class)
                        .list());
    }

    /** Takes ids for demands about to be inserted, so that they can be screened (and queued) before they are stored. */
    List<Long> reserveIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence('demand', 'id')) from generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
    }

    /** Inserts new demands with their reserved ids, many rows per statement. */
    void insertAll(List<Demand> demands, List<String> industrySections) {
        for (int from = 0; from < demands.size(); from += BULK_ROWS) {
            int to = Math.min(demands.size(), from + BULK_ROWS);
            StringBuilder sql = new StringBuilder("insert into demand (id, " + String.join(", ", INSERTED.keySet())
                    + ", version) overriding system value values ");
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                Demand demand = demands.get(i);
                sql.append(i == from ? "(" : ", (").append(":id").append(i);
                Map<String, Object> row = parameters(demand, industrySections.get(i));
                for (Map.Entry<String, String> column : INSERTED.entrySet()) {
                    String name = column.getValue() + i;
                    sql.append(", ").append(cast(column.getValue(), ":" + name));
                    params.put(name, row.get(column.getValue()));
                }
                sql.append(", 0)");
                params.put("id" + i, demand.id());
            }
            try {
                jdbc.sql(sql.toString()).params(params).update();
            } catch (DuplicateKeyException duplicate) {
                throw DomainException.conflict("sourceId", "demand.source.duplicate");
            }
        }
        if (!demands.isEmpty()) {
            events.publishEvent(SearchableRecordsChanged.bulk(
                    DemandCatalog.RECORD_TYPE, demands.stream().map(Demand::id).toList()));
        }
    }

    private static String cast(String param, String placeholder) {
        return switch (param) {
            case "cooperationModes" -> "cast(" + placeholder + " as text[])";
            case "targetIndicators" -> "cast(" + placeholder + " as jsonb)";
            default -> placeholder;
        };
    }

    /** Rows per bulk statement: about thirty parameters each, far below PostgreSQL's 65,535. */
    private static final int BULK_ROWS = 500;

    /** The inserted columns and the parameters that fill them. */
    private static final Map<String, String> INSERTED = insertedColumns();

    private static Map<String, String> insertedColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("title", "title");
        columns.put("title_key", "titleKey");
        columns.put("background", "background");
        columns.put("technical_problems", "technicalProblems");
        columns.put("target_indicators", "targetIndicators");
        columns.put("industry_code", "industryCode");
        columns.put("industry_section", "industrySection");
        columns.put("chain_node_code", "chainNodeCode");
        columns.put("application_scenario", "applicationScenario");
        columns.put("region_code", "regionCode");
        columns.put("cooperation_modes", "cooperationModes");
        columns.put("budget_min", "budgetMin");
        columns.put("budget_max", "budgetMax");
        columns.put("deadline", "deadline");
        columns.put("confidential", "confidential");
        columns.put("contact_person", "contactPerson");
        columns.put("contact_phone", "contactPhone");
        columns.put("contact_email", "contactEmail");
        columns.put("organization_id", "organizationId");
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

    /** Writes the demand's state unless someone changed it since it was read; returns it as stored. */
    Demand update(Demand demand, String industrySection) {
        Map<String, Object> params = parameters(demand, industrySection);
        params.put("id", demand.id());
        params.put("version", demand.version());
        int updated = jdbc.sql("""
                update demand set title = :title, title_key = :titleKey, background = :background,
                  technical_problems = :technicalProblems, target_indicators = cast(:targetIndicators as jsonb),
                  industry_code = :industryCode, industry_section = :industrySection, chain_node_code = :chainNodeCode,
                  application_scenario = :applicationScenario, region_code = :regionCode,
                  cooperation_modes = cast(:cooperationModes as text[]), budget_min = :budgetMin,
                  budget_max = :budgetMax, deadline = :deadline, confidential = :confidential,
                  contact_person = :contactPerson, contact_phone = :contactPhone, contact_email = :contactEmail,
                  organization_id = :organizationId, source_system = :sourceSystem, source_id = :sourceId,
                  import_batch_id = :importBatchId, status = :status, return_reason = :returnReason,
                  questions_by = :questionsBy, held = :held,
                  updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version""").params(params).update();
        if (updated != 1) {
            throw DomainException.conflict(null, "demand.stale", "");
        }
        changed(demand.id());
        return find(demand.id()).orElseThrow();
    }

    /** Tells the search index, in this transaction, that the record was written. */
    private void changed(long id) {
        events.publishEvent(SearchableRecordsChanged.of(DemandCatalog.RECORD_TYPE, id));
    }

    private Map<String, Object> parameters(Demand demand, String industrySection) {
        DemandContent content = demand.content();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", content.title());
        params.put("titleKey", content.titleKey());
        params.put("background", content.background());
        params.put("technicalProblems", content.technicalProblems());
        params.put(
                "targetIndicators",
                json.writeValueAsString(content.targetIndicators().stream()
                        .map(StoredIndicator::of)
                        .toList()));
        params.put("industryCode", content.industryCode());
        params.put("industrySection", industrySection);
        params.put("chainNodeCode", content.chainNodeCode());
        params.put("applicationScenario", content.applicationScenario());
        params.put("regionCode", content.regionCode());
        params.put(
                "cooperationModes",
                textArray(content.cooperationModes().stream()
                        .sorted()
                        .map(Enum::name)
                        .toList()));
        params.put("budgetMin", content.budgetMin());
        params.put("budgetMax", content.budgetMax());
        params.put("deadline", content.deadline());
        params.put("confidential", content.confidential());
        params.put("contactPerson", content.contact().person());
        params.put("contactPhone", content.contact().phone());
        params.put("contactEmail", content.contact().email());
        params.put("organizationId", content.organizationId());
        params.put("stationId", demand.stationId());
        params.put("sourceSystem", demand.provenance().sourceSystem());
        params.put("sourceId", demand.provenance().sourceId());
        params.put("importBatchId", demand.provenance().importBatchId());
        params.put("status", demand.status().name());
        params.put("returnReason", demand.returnReason());
        params.put("questionsBy", demand.questionsBy());
        params.put("held", demand.held());
        params.put("createdBy", demand.createdBy());
        params.put("createdAt", Timestamp.from(demand.createdAt()));
        params.put("updatedAt", Timestamp.from(demand.updatedAt()));
        return params;
    }

    private Demand map(ResultSet row, int number) throws SQLException {
        Set<CooperationMode> modes = EnumSet.noneOf(CooperationMode.class);
        for (String mode : strings(row.getArray("cooperation_modes"))) {
            modes.add(CooperationMode.valueOf(mode));
        }
        List<TargetIndicator> indicators = json.readValue(row.getString("target_indicators"), INDICATORS).stream()
                .map(StoredIndicator::indicator)
                .toList();
        DemandContent content = new DemandContent(
                row.getString("title"),
                row.getString("background"),
                row.getString("technical_problems"),
                indicators,
                row.getString("industry_code"),
                row.getString("chain_node_code"),
                row.getString("application_scenario"),
                row.getString("region_code"),
                modes,
                row.getBigDecimal("budget_min"),
                row.getBigDecimal("budget_max"),
                row.getObject("deadline", LocalDate.class),
                row.getBoolean("confidential"),
                new DemandContent.Contact(
                        row.getString("contact_person"),
                        row.getString("contact_phone"),
                        row.getString("contact_email")),
                (Long) row.getObject("organization_id"));
        return new Demand(
                row.getLong("id"),
                content,
                new Provenance(
                        (Long) row.getObject("station_id"),
                        row.getString("source_system"),
                        row.getString("source_id"),
                        (Long) row.getObject("import_batch_id")),
                PublicationStatus.valueOf(row.getString("status")),
                row.getString("return_reason"),
                (Long) row.getObject("questions_by"),
                row.getBoolean("held"),
                (Long) row.getObject("created_by"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getInt("version"));
    }

    /** An indicator as stored in JSON: the value as plain text, so that it reads back exactly as written. */
    record StoredIndicator(String name, String comparator, String value, String unit, String text) {

        static StoredIndicator of(TargetIndicator indicator) {
            return new StoredIndicator(
                    indicator.name(),
                    indicator.comparator() == null
                            ? null
                            : indicator.comparator().name(),
                    indicator.value() == null ? null : indicator.value().toPlainString(),
                    indicator.unit(),
                    indicator.text());
        }

        TargetIndicator indicator() {
            return new TargetIndicator(
                    name,
                    comparator == null ? null : TargetIndicator.Comparison.valueOf(comparator),
                    value == null ? null : new BigDecimal(value),
                    unit,
                    text);
        }
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

    /** Published demands of the stations (null: all) in the chain (a chain or node code; null: all). */
    long countPublished(Collection<Long> stationIds, String chain) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = publishedIn(stationIds, chain, params);
        return jdbc.sql("select count(*) from demand" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    List<Demand> published(Collection<Long> stationIds, String chain, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = publishedIn(stationIds, chain, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from demand" + where + " order by id desc offset :offset limit :limit")
                .params(params)
                .query(this::map)
                .list();
    }

    private static String publishedIn(Collection<Long> stationIds, String chain, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where status = 'PUBLISHED'");
        if (stationIds != null) {
            where.append(" and station_id in (:stations)");
            params.put("stations", stationIds.isEmpty() ? List.of(-1L) : List.copyOf(stationIds));
        }
        if (chain != null) {
            where.append(" and (chain_node_code = :node or chain_node_code like :chain)");
            params.put("node", chain);
            params.put("chain", likeEscaped(chain) + "-%");
        }
        return where.toString();
    }

    List<Demand> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from demand where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::map)
                .list();
    }
}
