package org.kechuang.achievement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kechuang.platform.database.CopyIn;
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

/**
 * Stores achievements; the visibility rules of listings are part of the query, so a page never holds what it must
 * hide.
 */
@Repository
class AchievementRepository {

    private static final String COLUMNS = """
            id, title, description, keywords, technology_field, discipline_code, industry_code, chain_node_code, trl,
            patents, transfer_modes, price_min, price_max, organization_id, inventors::text as inventors, region_code,
            station_id, source_system, source_id, import_batch_id, status, return_reason, held, created_by, created_at,
            updated_at, version""";

    private static final TypeReference<List<Inventor>> INVENTORS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final CopyIn copy;

    AchievementRepository(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, CopyIn copy) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.copy = copy;
    }

    /** Who is asking: the listing shows them what they may see and nothing else. */
    record Viewer(Long userId, boolean operator, Set<Long> stations) {

        static final Viewer VISITOR = new Viewer(null, false, Set.of());
    }

    /**
     * The filters of a listing, each optional.
     *
     * @param industry a GB/T 4754 section letter (all its classes) or a numeric code (itself and the codes below it)
     * @param chain a chain code (all its nodes) or a node code
     * @param trlMin the lowest maturity level
     * @param patentKey a patent whatever its prefix
     */
    record Criteria(
            Set<PublicationStatus> statuses,
            boolean mine,
            String industry,
            String chain,
            String regionPrefix,
            CooperationMode mode,
            Integer trlMin,
            String keyword,
            String patentKey,
            String titleKey,
            Long stationId) {}

    record Found(long total, List<Achievement> results) {}

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
        if (criteria.mode() != null) {
            where.append(" and transfer_modes @> array[cast(:mode as text)]");
            params.put("mode", criteria.mode().name());
        }
        if (criteria.trlMin() != null) {
            where.append(" and trl >= :trl");
            params.put("trl", criteria.trlMin());
        }
        if (criteria.keyword() != null) {
            where.append(" and keywords @> array[cast(:keyword as text)]");
            params.put("keyword", criteria.keyword());
        }
        if (criteria.patentKey() != null) {
            where.append(" and patent_keys @> array[cast(:patent as text)]");
            params.put("patent", criteria.patentKey());
        }
        if (criteria.titleKey() != null) {
            where.append(" and title_key like :q");
            params.put("q", "%" + likeEscaped(criteria.titleKey()) + "%");
        }
        if (criteria.stationId() != null) {
            where.append(" and station_id = :station");
            params.put("station", criteria.stationId());
        }
        long total = jdbc.sql("select count(*) from achievement" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Achievement> page = jdbc.sql("select " + COLUMNS + " from achievement" + where
                        + " order by updated_at desc, id desc offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
        return new Found(total, page);
    }

    /** A page of the station's achievements that are not archived, by id, after the given id: for exports. */
    List<Achievement> ofStation(long stationId, long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from achievement where station_id = ? and status <> 'ARCHIVED'"
                        + " and id > ? order by id limit ?")
                .params(stationId, afterId, limit)
                .query(this::map)
                .list();
    }

    Optional<Achievement> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from achievement where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction, so that concurrent transitions queue instead of racing. */
    Optional<Achievement> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from achievement where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Marks a record merged into another (it is archived by then). */
    void markMerged(long mergedId, long keptId) {
        jdbc.sql("update achievement set merged_into_id = ? where id = ?")
                .param(keptId)
                .param(mergedId)
                .update();
    }

    Optional<Achievement> findBySource(long stationId, String sourceId) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from achievement where station_id = ? and source_id is not null and source_id = ? for update")
                .param(stationId)
                .param(sourceId)
                .query(this::map)
                .optional();
    }

    /** The ids of the records the station holds under these source ids. */
    Map<String, Long> idsBySource(long stationId, List<String> sourceIds) {
        Map<String, Long> ids = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select source_id, id from achievement where station_id = :station and source_id in (:ids)")
                .param("station", stationId)
                .param("ids", sourceIds)
                .query((row, n) -> Map.entry(row.getString("source_id"), row.getLong("id")))
                .list()
                .forEach(found -> ids.put(found.getKey(), found.getValue()));
        return ids;
    }

    /**
     * Which of these source ids the station already has: one probe of the unique (station, source id) index per id. A
     * plain {@code in (…)} let the planner, whose statistics lag behind a table growing by a bulk import, pick the
     * station index and compare every row of the station with every id.
     */
    Set<String> knownSources(long stationId, List<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select a.source_id from unnest(cast(? as text[])) as wanted(id)
                        join achievement a on a.station_id = ? and a.source_id is not null and a.source_id = wanted.id""")
                .param(sourceIds.toArray(String[]::new))
                .param(stationId)
                .query(String.class)
                .list());
    }

    /** Takes ids for records about to be inserted, so that they can be screened (and queued) before they are stored. */
    List<Long> reserveIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence('achievement', 'id')) from generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
    }

    /** Inserts new achievements with their reserved ids, many rows per statement. */
    void insertAll(List<Achievement> achievements, List<String> industrySections) {
        CopyIn.Rows rows = new CopyIn.Rows();
        for (int i = 0; i < achievements.size(); i++) {
            Achievement achievement = achievements.get(i);
            AchievementContent content = achievement.content();
            rows.number(achievement.id())
                    .text(content.title())
                    .text(content.titleKey())
                    .text(content.description())
                    .textArray(content.keywords())
                    .text(content.technologyField())
                    .text(content.disciplineCode())
                    .text(content.industryCode())
                    .text(industrySections.get(i))
                    .text(content.chainNodeCode())
                    .number(content.trl() == null ? null : content.trl().level())
                    .textArray(content.patents().stream()
                            .map(PatentNumber::canonical)
                            .toList())
                    .textArray(content.patents().stream().map(PatentNumber::key).toList())
                    .textArray(content.transferModes().stream()
                            .sorted()
                            .map(Enum::name)
                            .toList())
                    .number(content.priceMin())
                    .number(content.priceMax())
                    .number(content.organizationId())
                    .text(content.inventors().isEmpty() ? "[]" : json.writeValueAsString(content.inventors()))
                    .text(content.regionCode())
                    .number(achievement.stationId())
                    .text(achievement.provenance().sourceSystem())
                    .text(achievement.provenance().sourceId())
                    .number(achievement.provenance().importBatchId())
                    .text(achievement.status().name())
                    .text(achievement.returnReason())
                    .bool(achievement.held())
                    .number(achievement.createdBy())
                    .timestamp(achievement.createdAt())
                    .timestamp(achievement.updatedAt())
                    .number(achievement.version())
                    .end();
        }
        try {
            copy.copy("achievement (id, " + String.join(", ", INSERTED.keySet()) + ", version)", rows);
        } catch (DuplicateKeyException duplicate) {
            throw DomainException.conflict("sourceId", "achievement.source.duplicate");
        }
        if (!achievements.isEmpty()) {
            events.publishEvent(SearchableRecordsChanged.bulk(
                    AchievementCatalog.RECORD_TYPE,
                    achievements.stream().map(Achievement::id).toList()));
        }
    }

    /** The columns of a bulk insert (besides id and version), in the order {@link #insertAll} writes them. */
    private static final Map<String, String> INSERTED = insertedColumns();

    private static Map<String, String> insertedColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("title", "title");
        columns.put("title_key", "titleKey");
        columns.put("description", "description");
        columns.put("keywords", "keywords");
        columns.put("technology_field", "technologyField");
        columns.put("discipline_code", "disciplineCode");
        columns.put("industry_code", "industryCode");
        columns.put("industry_section", "industrySection");
        columns.put("chain_node_code", "chainNodeCode");
        columns.put("trl", "trl");
        columns.put("patents", "patents");
        columns.put("patent_keys", "patentKeys");
        columns.put("transfer_modes", "transferModes");
        columns.put("price_min", "priceMin");
        columns.put("price_max", "priceMax");
        columns.put("organization_id", "organizationId");
        columns.put("inventors", "inventors");
        columns.put("region_code", "regionCode");
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

    long count() {
        return jdbc.sql("select count(*) from achievement").query(Long.class).single();
    }

    long countPublished() {
        return jdbc.sql("select count(*) from achievement where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    Achievement insert(Achievement achievement, String industrySection) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into achievement (title, title_key, description, keywords, technology_field,
                      discipline_code, industry_code, industry_section, chain_node_code, trl, patents, patent_keys,
                      transfer_modes, price_min, price_max, organization_id, inventors, region_code, station_id,
                      source_system, source_id, import_batch_id, status, return_reason, held, created_by, created_at,
                      updated_at, version)
                    values (:title, :titleKey, :description, cast(:keywords as text[]), :technologyField,
                      :disciplineCode, :industryCode, :industrySection, :chainNodeCode, :trl, cast(:patents as text[]),
                      cast(:patentKeys as text[]), cast(:transferModes as text[]), :priceMin, :priceMax,
                      :organizationId, cast(:inventors as jsonb), :regionCode, :stationId, :sourceSystem, :sourceId,
                      :importBatchId, :status, :returnReason, :held, :createdBy, :createdAt, :updatedAt, 0)
                    """).params(parameters(achievement, industrySection)).update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw DomainException.conflict("sourceId", "achievement.source.duplicate");
        }
        long id = keys.getKey().longValue();
        changed(id);
        return find(id).orElseThrow();
    }

    /** Writes the achievement's state unless someone changed it since it was read; returns it as stored. */
    Achievement update(Achievement achievement, String industrySection) {
        Map<String, Object> params = parameters(achievement, industrySection);
        params.put("id", achievement.id());
        params.put("version", achievement.version());
        int updated = jdbc.sql("""
                update achievement set title = :title, title_key = :titleKey, description = :description,
                  keywords = cast(:keywords as text[]), technology_field = :technologyField,
                  discipline_code = :disciplineCode, industry_code = :industryCode,
                  industry_section = :industrySection, chain_node_code = :chainNodeCode, trl = :trl,
                  patents = cast(:patents as text[]), patent_keys = cast(:patentKeys as text[]),
                  transfer_modes = cast(:transferModes as text[]), price_min = :priceMin, price_max = :priceMax,
                  organization_id = :organizationId, inventors = cast(:inventors as jsonb),
                  region_code = :regionCode, source_system = :sourceSystem, source_id = :sourceId,
                  import_batch_id = :importBatchId, status = :status, return_reason = :returnReason, held = :held,
                  updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version""").params(params).update();
        if (updated != 1) {
            throw DomainException.conflict(null, "achievement.stale", "");
        }
        changed(achievement.id());
        return find(achievement.id()).orElseThrow();
    }

    /** Tells the search index, in this transaction, that the record was written. */
    private void changed(long id) {
        events.publishEvent(SearchableRecordsChanged.of(AchievementCatalog.RECORD_TYPE, id));
    }

    private Map<String, Object> parameters(Achievement achievement, String industrySection) {
        AchievementContent content = achievement.content();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", content.title());
        params.put("titleKey", content.titleKey());
        params.put("description", content.description());
        params.put("keywords", textArray(content.keywords()));
        params.put("technologyField", content.technologyField());
        params.put("disciplineCode", content.disciplineCode());
        params.put("industryCode", content.industryCode());
        params.put("industrySection", industrySection);
        params.put("chainNodeCode", content.chainNodeCode());
        params.put("trl", content.trl() == null ? null : content.trl().level());
        params.put(
                "patents",
                textArray(
                        content.patents().stream().map(PatentNumber::canonical).toList()));
        params.put(
                "patentKeys",
                textArray(content.patents().stream().map(PatentNumber::key).toList()));
        params.put(
                "transferModes",
                textArray(content.transferModes().stream()
                        .sorted()
                        .map(Enum::name)
                        .toList()));
        params.put("priceMin", content.priceMin());
        params.put("priceMax", content.priceMax());
        params.put("organizationId", content.organizationId());
        params.put("inventors", json.writeValueAsString(content.inventors()));
        params.put("regionCode", content.regionCode());
        params.put("stationId", achievement.stationId());
        params.put("sourceSystem", achievement.provenance().sourceSystem());
        params.put("sourceId", achievement.provenance().sourceId());
        params.put("importBatchId", achievement.provenance().importBatchId());
        params.put("status", achievement.status().name());
        params.put("returnReason", achievement.returnReason());
        params.put("held", achievement.held());
        params.put("createdBy", achievement.createdBy());
        params.put("createdAt", Timestamp.from(achievement.createdAt()));
        params.put("updatedAt", Timestamp.from(achievement.updatedAt()));
        return params;
    }

    private Achievement map(ResultSet row, int number) throws SQLException {
        Set<CooperationMode> modes = EnumSet.noneOf(CooperationMode.class);
        for (String mode : strings(row.getArray("transfer_modes"))) {
            modes.add(CooperationMode.valueOf(mode));
        }
        List<PatentNumber> patents = new ArrayList<>();
        for (String patent : strings(row.getArray("patents"))) {
            patents.add(PatentNumber.of(patent).orElseThrow());
        }
        int level = row.getInt("trl");
        MaturityLevel trl = row.wasNull() ? null : MaturityLevel.of(level).orElseThrow();
        AchievementContent content = new AchievementContent(
                row.getString("title"),
                row.getString("description"),
                strings(row.getArray("keywords")),
                row.getString("technology_field"),
                row.getString("discipline_code"),
                row.getString("industry_code"),
                row.getString("chain_node_code"),
                trl,
                patents,
                modes,
                row.getBigDecimal("price_min"),
                row.getBigDecimal("price_max"),
                (Long) row.getObject("organization_id"),
                json.readValue(row.getString("inventors"), INVENTORS),
                row.getString("region_code"));
        return new Achievement(
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
