package org.kechuang.talent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kechuang.dedup.DuplicateGroup;
import org.kechuang.dedup.DuplicateRecord;
import org.kechuang.dedup.DuplicateSource;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Expert profiles supplied twice: the same name and affiliation once traditional/simplified, width, case, blanks and
 * punctuation are set aside (张伟 of 浙江大学 and 張偉 of 浙江大學 are one person; two 张伟 of different universities are
 * not candidates).
 */
@Component
class ExpertDuplicates implements DuplicateSource {

    private final JdbcClient jdbc;
    private final ExpertCatalog catalog;
    private final Stations stations;

    ExpertDuplicates(JdbcClient jdbc, ExpertCatalog catalog, Stations stations) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stations = stations;
    }

    @Override
    public String library() {
        return ExpertCatalog.RECORD_TYPE;
    }

    @Override
    public List<DuplicateGroup> candidates() {
        return jdbc.sql("""
                        select min(name) || '，' || min(affiliation) as shown, array_agg(id) as ids
                        from expert
                        where status <> 'ARCHIVED'
                        group by regexp_replace(name_key, :noise, '', 'g'),
                                 regexp_replace(affiliation_key, :noise, '', 'g')
                        having count(*) > 1
                        order by min(id)""")
                .param("noise", KEY_NOISE)
                .query((row, n) -> new DuplicateGroup(
                        "name-affiliation",
                        row.getString("shown"),
                        Arrays.stream((Long[]) row.getArray("ids").getArray()).toList()))
                .list();
    }

    @Override
    public List<DuplicateRecord> describe(List<Long> ids) {
        return jdbc.sql("""
                        select id, name, affiliation, title, region_code, discipline_codes, account_id, station_id,
                               source_system, source_id, status, updated_at
                        from expert where id = any(:ids) order by id""")
                .param("ids", ids.toArray(Long[]::new))
                .query((row, n) -> {
                    long id = row.getLong("id");
                    List<String> summary = new ArrayList<>();
                    summary.add(row.getString("affiliation"));
                    if (row.getString("title") != null) {
                        summary.add(row.getString("title"));
                    }
                    String[] disciplines =
                            (String[]) row.getArray("discipline_codes").getArray();
                    if (disciplines.length > 0) {
                        summary.add(String.join("、", disciplines));
                    }
                    if (row.getString("region_code") != null) {
                        summary.add(row.getString("region_code"));
                    }
                    if (row.getObject("account_id") != null) {
                        summary.add("claimed");
                    }
                    Long station = (Long) row.getObject("station_id", Long.class);
                    return new DuplicateRecord(
                            id,
                            row.getString("name"),
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
                            "/experts/" + id);
                })
                .list();
    }

    @Override
    public Provenance merge(long keptId, long mergedId, Long actorId) {
        return catalog.mergeInto(keptId, mergedId, actorId);
    }

    @Override
    public Optional<Provenance> provenance(long id) {
        return jdbc.sql("select station_id, source_system, source_id, import_batch_id from expert where id = ?")
                .param(id)
                .query((row, n) -> new Provenance(
                        (Long) row.getObject("station_id", Long.class),
                        row.getString("source_system"),
                        row.getString("source_id"),
                        (Long) row.getObject("import_batch_id", Long.class)))
                .optional();
    }
}
