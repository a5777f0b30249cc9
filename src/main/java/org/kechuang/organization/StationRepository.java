package org.kechuang.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.kechuang.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class StationRepository {

    private static final String COLUMNS = "id, organization_id, name, code, status, created, version";

    private final JdbcClient jdbc;

    StationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Station> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from station where id = ?")
                .param(id)
                .query(StationRepository::map)
                .optional();
    }

    Optional<Station> findByOrganization(long organizationId) {
        return jdbc.sql("select " + COLUMNS + " from station where organization_id = ?")
                .param(organizationId)
                .query(StationRepository::map)
                .optional();
    }

    Optional<Station> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from station where code = ?")
                .param(code)
                .query(StationRepository::map)
                .optional();
    }

    List<Station> page(int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from station order by id offset ? limit ?")
                .param(offset)
                .param(limit)
                .query(StationRepository::map)
                .list();
    }

    List<Station> all() {
        return jdbc.sql("select " + COLUMNS + " from station order by name")
                .query(StationRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from station").query(Long.class).single();
    }

    Station insert(Station station) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into station (organization_id, name, code, status, created, version)
                            values (?, ?, ?, ?, ?, 0)""")
                    .param(station.organizationId())
                    .param(station.name())
                    .param(station.code())
                    .param(station.status().name())
                    .param(Timestamp.from(station.created()))
                    .update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            if (String.valueOf(duplicate.getMessage()).contains("station_code_unique")) {
                throw DomainException.conflict("code", "station.code.taken");
            }
            throw DomainException.conflict("organizationId", "station.organization-taken");
        }
        return find(keys.getKey().longValue()).orElseThrow();
    }

    void updateStatus(Station station) {
        int updated = jdbc.sql("update station set status = ?, version = version + 1 where id = ? and version = ?")
                .param(station.status().name())
                .param(station.id())
                .param(station.version())
                .update();
        if (updated != 1) {
            throw DomainException.conflict(null, "station.changed-meanwhile");
        }
    }

    private static Station map(ResultSet row, int number) throws SQLException {
        return new Station(
                row.getLong("id"),
                row.getLong("organization_id"),
                row.getString("name"),
                row.getString("code"),
                Station.Status.valueOf(row.getString("status")),
                row.getTimestamp("created").toInstant(),
                row.getInt("version"));
    }
}
