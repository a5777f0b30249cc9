package org.kechuang.achievement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kechuang.dedup.DuplicateGroup;
import org.kechuang.dedup.DuplicateRecord;
import org.kechuang.dedup.DuplicateSource;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Achievements supplied twice: the same patent (by its prefix-free key), or the same owner with a title that is equal
 * once traditional/simplified, width, case, blanks and punctuation are set aside.
 */
@Component
class AchievementDuplicates implements DuplicateSource {

    private final JdbcClient jdbc;
    private final AchievementCatalog catalog;
    private final Stations stations;
    private final Organizations organizations;

    AchievementDuplicates(JdbcClient jdbc, AchievementCatalog catalog, Stations stations, Organizations organizations) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stations = stations;
        this.organizations = organizations;
    }

    @Override
    public String library() {
        return AchievementCatalog.RECORD_TYPE;
    }

    @Override
    public List<DuplicateGroup> candidates() {
        List<DuplicateGroup> groups = new ArrayList<>();
        jdbc.sql("""
                        select min(p.patent) as shown, array_agg(distinct a.id) as ids
                        from achievement a
                        cross join lateral unnest(a.patent_keys, a.patents) as p(patent_key, patent)
                        where a.status <> 'ARCHIVED'
                        group by p.patent_key
                        having count(distinct a.id) > 1
                        order by min(a.id)""")
                .query((row, n) -> new DuplicateGroup("patent", row.getString("shown"), ids(row.getArray("ids"))))
                .list()
                .forEach(groups::add);
        jdbc.sql("""
                        select min(title) as shown, array_agg(id) as ids
                        from achievement
                        where status <> 'ARCHIVED' and organization_id is not null
                        group by organization_id, regexp_replace(title_key, :noise, '', 'g')
                        having count(*) > 1
                        order by min(id)""")
                .param("noise", KEY_NOISE)
                .query((row, n) -> new DuplicateGroup("title-owner", row.getString("shown"), ids(row.getArray("ids"))))
                .list()
                .forEach(groups::add);
        return groups;
    }

    private static List<Long> ids(java.sql.Array array) throws java.sql.SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    @Override
    public List<DuplicateRecord> describe(List<Long> ids) {
        Map<Long, DuplicateRecord> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, title, patents, organization_id, trl, station_id, source_system, source_id, status,
                               updated_at
                        from achievement where id = any(:ids) order by id""")
                .param("ids", ids.toArray(Long[]::new))
                .query((row, n) -> {
                    long id = row.getLong("id");
                    List<String> summary = new ArrayList<>();
                    Long owner = (Long) row.getObject("organization_id", Long.class);
                    if (owner != null) {
                        organizations.find(owner).ifPresent(organization -> summary.add(organization.name()));
                    }
                    String[] patents = (String[]) row.getArray("patents").getArray();
                    if (patents.length > 0) {
                        summary.add(String.join("、", patents));
                    }
                    Integer trl = (Integer) row.getObject("trl", Integer.class);
                    if (trl != null) {
                        summary.add("TRL " + trl);
                    }
                    Long station = (Long) row.getObject("station_id", Long.class);
                    return new DuplicateRecord(
                            id,
                            row.getString("title"),
                            String.join(" · ", summary),
                            station,
                            station == null
                                    ? null
                                    : stations.find(station)
                                            .map(Stations.StationSummary::name)
                                            .orElse(null),
                            row.getString("source_system"),
                            row.getString("source_id"),
                            row.getString("status"),
                            row.getTimestamp("updated_at").toInstant(),
                            "/achievements/" + id);
                })
                .list()
                .forEach(record -> found.put(record.id(), record));
        return List.copyOf(found.values());
    }

    @Override
    public Provenance merge(long keptId, long mergedId, Long actorId) {
        return catalog.mergeInto(keptId, mergedId, actorId);
    }

    @Override
    public Optional<Provenance> provenance(long id) {
        return jdbc.sql("select station_id, source_system, source_id, import_batch_id from achievement where id = ?")
                .param(id)
                .query((row, n) -> new Provenance(
                        (Long) row.getObject("station_id", Long.class),
                        row.getString("source_system"),
                        row.getString("source_id"),
                        (Long) row.getObject("import_batch_id", Long.class)))
                .optional();
    }
}
