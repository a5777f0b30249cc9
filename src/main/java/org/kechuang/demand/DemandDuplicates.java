package org.kechuang.demand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Demands supplied twice: the same owner with a title that is equal once traditional/simplified, width, case, blanks
 * and punctuation are set aside.
 */
@Component
class DemandDuplicates implements DuplicateSource {

    private final JdbcClient jdbc;
    private final DemandCatalog catalog;
    private final Stations stations;
    private final Organizations organizations;

    DemandDuplicates(JdbcClient jdbc, DemandCatalog catalog, Stations stations, Organizations organizations) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stations = stations;
        this.organizations = organizations;
    }

    @Override
    public String library() {
        return DemandCatalog.RECORD_TYPE;
    }

    @Override
    public List<DuplicateGroup> candidates() {
        return jdbc.sql("""
                        select min(title) as shown, array_agg(id) as ids
                        from demand
                        where status <> 'ARCHIVED' and organization_id is not null
                        group by organization_id, regexp_replace(title_key, :noise, '', 'g')
                        having count(*) > 1
                        order by min(id)""")
                .param("noise", KEY_NOISE)
                .query((row, n) -> new DuplicateGroup(
                        "title-owner",
                        row.getString("shown"),
                        Arrays.stream((Long[]) row.getArray("ids").getArray()).toList()))
                .list();
    }

    @Override
    public List<DuplicateRecord> describe(List<Long> ids) {
        return jdbc.sql("""
                        select id, title, organization_id, region_code, deadline, station_id, source_system, source_id,
                               status, updated_at
                        from demand where id = any(:ids) order by id""")
                .param("ids", ids.toArray(Long[]::new))
                .query((row, n) -> {
                    long id = row.getLong("id");
                    List<String> summary = new ArrayList<>();
                    Long owner = (Long) row.getObject("organization_id", Long.class);
                    if (owner != null) {
                        organizations.find(owner).ifPresent(organization -> summary.add(organization.name()));
                    }
                    if (row.getString("region_code") != null) {
                        summary.add(row.getString("region_code"));
                    }
                    if (row.getDate("deadline") != null) {
                        summary.add(row.getDate("deadline").toLocalDate().toString());
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
                            "/demands/" + id);
                })
                .list();
    }

    @Override
    public Provenance merge(long keptId, long mergedId, Long actorId) {
        return catalog.mergeInto(keptId, mergedId, actorId);
    }

    @Override
    public Optional<Provenance> provenance(long id) {
        return jdbc.sql("select station_id, source_system, source_id, import_batch_id from demand where id = ?")
                .param(id)
                .query((row, n) -> new Provenance(
                        (Long) row.getObject("station_id", Long.class),
                        row.getString("source_system"),
                        row.getString("source_id"),
                        (Long) row.getObject("import_batch_id", Long.class)))
                .optional();
    }
}
