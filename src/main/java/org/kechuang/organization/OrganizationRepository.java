package org.kechuang.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kechuang.platform.web.DomainException;
import org.kechuang.search.SearchableRecordsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores organizations; the unique indexes are the last word on duplicates when two writers race. */
@Repository
class OrganizationRepository {

    private static final String COLUMNS = """
            id, name, type, sme, credit_code, region_code, website, description, contact_email, contact_phone,
            discipline_group, station_id, source_system, source_id, import_batch, import_batch_id, created, updated,
            version""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrganizationRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** One page of organizations matching the criteria, newest first, and how many match in all. */
    record Found(long total, List<Organization> results) {}

    record Criteria(OrganizationType type, String regionPrefix, String nameKey, Long stationId) {}

    Found search(Criteria criteria, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.type() != null) {
            where.append(" and type = :type");
            params.put("type", criteria.type().name());
        }
        if (criteria.regionPrefix() != null) {
            where.append(" and region_code like :region");
            params.put("region", likeEscaped(criteria.regionPrefix()) + "%");
        }
        if (criteria.nameKey() != null) {
            where.append(" and name_key like :q");
            params.put("q", "%" + likeEscaped(criteria.nameKey()) + "%");
        }
        if (criteria.stationId() != null) {
            where.append(" and station_id = :station");
            params.put("station", criteria.stationId());
        }
        long total = jdbc.sql("select count(*) from organization" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Organization> page = jdbc.sql("select " + COLUMNS + " from organization" + where
                        + " order by id desc offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganizationRepository::map)
                .list();
        return new Found(total, page);
    }

    Optional<Organization> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from organization where id = ?")
                .param(id)
                .query(OrganizationRepository::map)
                .optional();
    }

    Optional<Organization> findByNameKey(String nameKey) {
        return jdbc.sql("select " + COLUMNS + " from organization where name_key = ?")
                .param(nameKey)
                .query(OrganizationRepository::map)
                .optional();
    }

    Optional<Organization> findByCreditCode(CreditCode code) {
        return jdbc.sql("select " + COLUMNS + " from organization where credit_code = ?")
                .param(code.value())
                .query(OrganizationRepository::map)
                .optional();
    }

    Optional<Organization> findBySource(String sourceSystem, String sourceId) {
        return jdbc.sql("select " + COLUMNS + " from organization where source_system = ? and source_id = ?")
                .param(sourceSystem)
                .param(sourceId)
                .query(OrganizationRepository::map)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    /** Inserts a new organization and returns it as stored, with its id. */
    Organization insert(Organization organization) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into organization (name, name_key, type, sme, credit_code, region_code, website,
                              description, contact_email, contact_phone, discipline_group, station_id, source_system,
                              source_id, import_batch, import_batch_id, created, updated, version)
                            values (:name, :nameKey, :type, :sme, :creditCode, :regionCode, :website, :description,
                              :contactEmail, :contactPhone, :disciplineGroup, :stationId, :sourceSystem, :sourceId,
                              :importBatch, :importBatchId, :created, :updated, 0)""").params(parameters(organization)).update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            throw refusal(duplicate);
        }
        long id = keys.getKey().longValue();
        changed(id);
        return find(id).orElseThrow();
    }

    /** Writes the organization's current state unless someone else changed it since it was read. */
    void update(Organization organization) {
        Map<String, Object> params = parameters(organization);
        params.put("id", organization.id());
        params.put("version", organization.version());
        int updated;
        try {
            updated = jdbc.sql("""
                            update organization set name = :name, name_key = :nameKey, type = :type, sme = :sme,
                              credit_code = :creditCode, region_code = :regionCode, website = :website,
                              description = :description, contact_email = :contactEmail,
                              contact_phone = :contactPhone, discipline_group = :disciplineGroup,
                              source_system = :sourceSystem, source_id = :sourceId, import_batch = :importBatch,
                              import_batch_id = :importBatchId,
                              updated = :updated, version = version + 1
                            where id = :id and version = :version""").params(params).update();
        } catch (DuplicateKeyException duplicate) {
            throw refusal(duplicate);
        }
        if (updated != 1) {
            throw DomainException.conflict(null, "organization.changed-meanwhile");
        }
        changed(organization.id());
    }

    /** Tells the search index, in this transaction, that the organization was written. */
    private void changed(long id) {
        events.publishEvent(SearchableRecordsChanged.of(OrganizationSearchSource.TYPE, id));
    }

    private static DomainException refusal(DuplicateKeyException duplicate) {
        String message = String.valueOf(duplicate.getMessage());
        if (message.contains("organization_credit_code_unique")) {
            return DomainException.conflict(CreditCode.FIELD, "organization.credit-code.duplicate");
        }
        if (message.contains("organization_source_unique")) {
            return DomainException.conflict("sourceId", "organization.source.duplicate");
        }
        return DomainException.conflict("name", "organization.duplicate-name");
    }

    private static Map<String, Object> parameters(Organization organization) {
        OrganizationProfile profile = organization.profile();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", profile.name());
        params.put("nameKey", profile.nameKey());
        params.put("type", profile.type().name());
        params.put("sme", profile.sme());
        params.put(
                "creditCode",
                profile.creditCode() == null ? null : profile.creditCode().value());
        params.put("regionCode", profile.regionCode());
        params.put("website", profile.website());
        params.put("description", profile.description());
        params.put("contactEmail", profile.contactEmail());
        params.put("contactPhone", profile.contactPhone());
        params.put(
                "disciplineGroup",
                profile.disciplineGroup() == null
                        ? null
                        : profile.disciplineGroup().name());
        params.put("stationId", organization.stationId());
        params.put("sourceSystem", organization.provenance().sourceSystem());
        params.put("sourceId", organization.provenance().sourceId());
        params.put("importBatch", organization.provenance().importBatch());
        params.put("importBatchId", organization.provenance().importBatchId());
        params.put("created", Timestamp.from(organization.created()));
        params.put("updated", Timestamp.from(organization.updated()));
        return params;
    }

    private static Organization map(ResultSet row, int number) throws SQLException {
        String group = row.getString("discipline_group");
        String creditCode = row.getString("credit_code");
        OrganizationProfile profile = new OrganizationProfile(
                row.getString("name"),
                OrganizationType.valueOf(row.getString("type")),
                row.getBoolean("sme"),
                creditCode == null ? null : new CreditCode(creditCode),
                row.getString("region_code"),
                row.getString("website"),
                row.getString("description"),
                row.getString("contact_email"),
                row.getString("contact_phone"),
                group == null ? null : DisciplineGroup.valueOf(group));
        long station = row.getLong("station_id");
        Long stationId = row.wasNull() ? null : station;
        return new Organization(
                row.getLong("id"),
                profile,
                stationId,
                new Provenance(
                        row.getString("source_system"),
                        row.getString("source_id"),
                        row.getObject("import_batch", UUID.class),
                        row.getObject("import_batch_id", Long.class)),
                instant(row, "created"),
                instant(row, "updated"),
                row.getInt("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Organization ids mapped to their names, for lists that show names beside ids. */
    Map<Long, String> namesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from organization where id in (:ids)")
                .param("ids", new ArrayList<>(ids))
                .query((row, n) -> Map.entry(row.getLong("id"), row.getString("name")))
                .list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }
}
