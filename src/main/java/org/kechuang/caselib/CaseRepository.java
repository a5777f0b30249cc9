package org.kechuang.caselib;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores cases; the visibility rules of listings are part of the query, so a page never holds what it must hide. */
@Repository
class CaseRepository {

    private static final String COLUMNS = """
            id, title, problem, solution, parties::text as parties, figures::text as figures, keywords, industry_code,
            chain_node_code, region_code, demand_id, achievement_id, expert_ids, station_id, source_system, source_id,
            import_batch_id, status, return_reason, held, created_by, created_at, updated_at, version""";

    private static final TypeReference<List<StoredParty>> PARTIES = new TypeReference<>() {};
    private static final TypeReference<List<StoredFigure>> FIGURES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    CaseRepository(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** A party as stored in {@code parties}. */
    record StoredParty(String role, Long organizationId, String name) {}

    /** A figure as stored in {@code figures}: the number as exact decimal text. */
    record StoredFigure(String name, String value, String unit, String kind) {}

    /** Who is asking: the listing shows them what they may see and nothing else. */
    record Viewer(Long userId, boolean operator, Set<Long> stations) {

        static final Viewer VISITOR = new Viewer(null, false, Set.of());
    }

    /**
     * The filters of a listing, each optional.
     *
     * @param industry a GB/T 4754 section letter (all its classes) or a numeric code (itself and the codes below it)
     * @param chain a chain code (all its nodes) or a node code
     * @param kind cases with at least one figure of this kind
     */
    record Criteria(
            Set<PublicationStatus> statuses,
            boolean mine,
            String industry,
            String chain,
            String regionPrefix,
            FigureKind kind,
            String keyword,
            Long demandId,
            Long achievementId,
            Long expertId,
            String titleKey,
            Long stationId) {}

    record Found(long total, List<ApplicationCase> results) {}

    Found search(Criteria criteria, Viewer viewer, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!viewer.operator()) {
            where.append(" and (created_by = :me or station_id in (:stations) or status = 'PUBLISHED')");
            params.put("me", viewer.userId() == null ? -1L : viewer.userId());
            params.put("stations", viewer.stations().isEmpty() ? List.of(-1L) : new ArrayList<>(viewer.stations()));
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
        if (criteria.kind() != null) {
            where.append(" and figure_kinds @> array[cast(:kind as text)]");
            params.put("kind", criteria.kind().name());
        }
        if (criteria.keyword() != null) {
            where.append(" and keywords @> array[cast(:keyword as text)]");
            params.put("keyword", criteria.keyword());
        }
        if (criteria.demandId() != null) {
            where.append(" and demand_id = :demand");
            params.put("demand", criteria.demandId());
        }
        if (criteria.achievementId() != null) {
            where.append(" and achievement_id = :achievement");
            params.put("achievement", criteria.achievementId());
        }
        if (criteria.expertId() != null) {
            where.append(" and expert_ids @> array[cast(:expert as bigint)]");
            params.put("expert", criteria.expertId());
        }
        if (criteria.titleKey() != null) {
            where.append(" and title_key like :q");
            params.put("q", "%" + likeEscaped(criteria.titleKey()) + "%");
        }
        if (criteria.stationId() != null) {
            where.append(" and station_id = :station");
            params.put("station", criteria.stationId());
        }
        long total = jdbc.sql("select count(*) from application_case" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ApplicationCase> page = jdbc.sql("select " + COLUMNS + " from application_case" + where
                        + " order by updated_at desc, id desc offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
        return new Found(total, page);
    }

    Optional<ApplicationCase> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from application_case where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction, so that concurrent transitions queue instead of racing. */
    Optional<ApplicationCase> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from application_case where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<ApplicationCase> findBySource(long stationId, String sourceId) {
        return jdbc.sql("select " + COLUMNS
                        + " from application_case where station_id = ? and source_id = ? for update")
                .param(stationId)
                .param(sourceId)
                .query(this::map)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from application_case")
                .query(Long.class)
                .single();
    }

    long countPublished() {
        return jdbc.sql("select count(*) from application_case where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    ApplicationCase insert(ApplicationCase found, String industrySection) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into application_case (title, title_key, problem, solution, parties, figures, figure_kinds,
                      keywords, industry_code, industry_section, chain_node_code, region_code, demand_id,
                      achievement_id, expert_ids, station_id, source_system, source_id, import_batch_id, status,
                      return_reason, held, created_by, created_at, updated_at, version)
                    values (:title, :titleKey, :problem, :solution, cast(:parties as jsonb), cast(:figures as jsonb),
                      cast(:figureKinds as text[]), cast(:keywords as text[]), :industryCode, :industrySection,
                      :chainNodeCode, :regionCode, :demandId, :achievementId, cast(:expertIds as bigint[]),
                      :stationId, :sourceSystem, :sourceId, :importBatchId, :status, :returnReason, :held,
                      :createdBy, :createdAt, :updatedAt, 0)
                    """).params(parameters(found, industrySection)).update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw DomainException.conflict("sourceId", "case.source.duplicate");
        }
        long id = keys.getKey().longValue();
        changed(id);
        return find(id).orElseThrow();
    }

    /** The source ids among these that the station holds already. */
    Set<String> knownSources(long stationId, List<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select source_id from application_case where station_id = :station and source_id in (:ids)")
                        .param("station", stationId)
                        .param("ids", sourceIds)
                        .query(String.class)
                        .list());
    }

    /** Takes ids for cases about to be inserted, so that they can be screened (and queued) before they are stored. */
    List<Long> reserveIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence('application_case', 'id')) from generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
    }

    /** Inserts new cases with their reserved ids, many rows per statement. */
    void insertAll(List<ApplicationCase> inserted, List<String> industrySections) {
        for (int from = 0; from < inserted.size(); from += BULK_ROWS) {
            int to = Math.min(inserted.size(), from + BULK_ROWS);
            StringBuilder sql = new StringBuilder("insert into application_case (id, "
                    + String.join(", ", INSERTED.keySet()) + ", version) overriding system value values ");
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                ApplicationCase found = inserted.get(i);
                sql.append(i == from ? "(" : ", (").append(":id").append(i);
                Map<String, Object> row = parameters(found, industrySections.get(i));
                for (Map.Entry<String, String> column : INSERTED.entrySet()) {
                    String name = column.getValue() + i;
                    sql.append(", ").append(cast(column.getValue(), ":" + name));
                    params.put(name, row.get(column.getValue()));
                }
                sql.append(", 0)");
                params.put("id" + i, found.id());
            }
            try {
                jdbc.sql(sql.toString()).params(params).update();
            } catch (DuplicateKeyException duplicate) {
                throw DomainException.conflict("sourceId", "case.source.duplicate");
            }
        }
    }

    private static String cast(String param, String placeholder) {
        return switch (param) {
            case "parties", "figures" -> "cast(" + placeholder + " as jsonb)";
            case "figureKinds", "keywords" -> "cast(" + placeholder + " as text[])";
            case "expertIds" -> "cast(" + placeholder + " as bigint[])";
            default -> placeholder;
        };
    }

    /** Rows per bulk statement: about thirty parameters each, far below PostgreSQL's 65,535. */
    private static final int BULK_ROWS = 500;

    /** The inserted columns and the parameters that fill them, as {@link #insert} writes them. */
    private static final Map<String, String> INSERTED = insertedColumns();

    private static Map<String, String> insertedColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("title", "title");
        columns.put("title_key", "titleKey");
        columns.put("problem", "problem");
        columns.put("solution", "solution");
        columns.put("parties", "parties");
        columns.put("figures", "figures");
        columns.put("figure_kinds", "figureKinds");
        columns.put("keywords", "keywords");
        columns.put("industry_code", "industryCode");
        columns.put("industry_section", "industrySection");
        columns.put("chain_node_code", "chainNodeCode");
        columns.put("region_code", "regionCode");
        columns.put("demand_id", "demandId");
        columns.put("achievement_id", "achievementId");
        columns.put("expert_ids", "expertIds");
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

    /** Writes the case's state unless someone changed it since it was read; returns it as stored. */
    ApplicationCase update(ApplicationCase found, String industrySection) {
        Map<String, Object> params = parameters(found, industrySection);
        params.put("id", found.id());
        params.put("version", found.version());
        int updated = jdbc.sql("""
                update application_case set title = :title, title_key = :titleKey, problem = :problem,
                  solution = :solution, parties = cast(:parties as jsonb), figures = cast(:figures as jsonb),
                  figure_kinds = cast(:figureKinds as text[]), keywords = cast(:keywords as text[]),
                  industry_code = :industryCode, industry_section = :industrySection,
                  chain_node_code = :chainNodeCode, region_code = :regionCode, demand_id = :demandId,
                  achievement_id = :achievementId, expert_ids = cast(:expertIds as bigint[]),
                  source_system = :sourceSystem, source_id = :sourceId, import_batch_id = :importBatchId,
                  status = :status, return_reason = :returnReason, held = :held, updated_at = :updatedAt,
                  version = version + 1
                where id = :id and version = :version""").params(params).update();
        if (updated != 1) {
            throw DomainException.conflict(null, "case.stale", "");
        }
        changed(found.id());
        return find(found.id()).orElseThrow();
    }

    /** Tells the search index, in this transaction, that the case was written. */
    private void changed(long id) {
        events.publishEvent(SearchableRecordsChanged.of(CaseCatalog.RECORD_TYPE, id));
    }

    private Map<String, Object> parameters(ApplicationCase found, String industrySection) {
        CaseContent content = found.content();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", content.title());
        params.put("titleKey", content.titleKey());
        params.put("problem", content.problem());
        params.put("solution", content.solution());
        params.put(
                "parties",
                json.writeValueAsString(content.parties().stream()
                        .map(p -> new StoredParty(p.role().name(), p.organizationId(), p.name()))
                        .toList()));
        params.put(
                "figures",
                json.writeValueAsString(content.figures().stream()
                        .map(f -> new StoredFigure(
                                f.name(),
                                f.value().toPlainString(),
                                f.unit(),
                                f.kind().name()))
                        .toList()));
        params.put(
                "figureKinds",
                textArray(content.figureKinds().stream().map(Enum::name).toList()));
        params.put("keywords", textArray(content.keywords()));
        params.put("industryCode", content.industryCode());
        params.put("industrySection", industrySection);
        params.put("chainNodeCode", content.chainNodeCode());
        params.put("regionCode", content.regionCode());
        params.put("demandId", content.demandId());
        params.put("achievementId", content.achievementId());
        params.put(
                "expertIds",
                textArray(content.expertIds().stream().map(String::valueOf).toList()));
        params.put("stationId", found.stationId());
        params.put("sourceSystem", found.provenance().sourceSystem());
        params.put("sourceId", found.provenance().sourceId());
        params.put("importBatchId", found.provenance().importBatchId());
        params.put("status", found.status().name());
        params.put("returnReason", found.returnReason());
        params.put("held", found.held());
        params.put("createdBy", found.createdBy());
        params.put("createdAt", Timestamp.from(found.createdAt()));
        params.put("updatedAt", Timestamp.from(found.updatedAt()));
        return params;
    }

    private ApplicationCase map(ResultSet row, int number) throws SQLException {
        List<Party> parties = json.readValue(row.getString("parties"), PARTIES).stream()
                .map(p -> new Party(PartyRole.valueOf(p.role()), p.organizationId(), p.name()))
                .toList();
        List<Figure> figures = json.readValue(row.getString("figures"), FIGURES).stream()
                .map(f -> new Figure(f.name(), new BigDecimal(f.value()), f.unit(), FigureKind.valueOf(f.kind())))
                .toList();
        List<Long> experts = new ArrayList<>();
        Array expertArray = row.getArray("expert_ids");
        if (expertArray != null) {
            for (Long id : (Long[]) expertArray.getArray()) {
                experts.add(id);
            }
        }
        CaseContent content = new CaseContent(
                row.getString("title"),
                row.getString("problem"),
                row.getString("solution"),
                parties,
                figures,
                strings(row.getArray("keywords")),
                row.getString("industry_code"),
                row.getString("chain_node_code"),
                row.getString("region_code"),
                (Long) row.getObject("demand_id"),
                (Long) row.getObject("achievement_id"),
                experts);
        return new ApplicationCase(
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
}
