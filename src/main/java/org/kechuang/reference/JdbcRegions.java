package org.kechuang.reference;

import java.util.List;
import java.util.Optional;
import org.kechuang.platform.text.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions read straight from the table the migration filled; the codes callers pass may be typed full-width. */
@Repository
class JdbcRegions implements Regions {

    private final JdbcClient jdbc;

    JdbcRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Region> find(String code) {
        String cleaned = Text.cleanOrNull(code);
        if (cleaned == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code, name, level, parent_code FROM reference_region WHERE code = ?")
                .param(cleaned)
                .query(Region.class)
                .optional();
    }

    @Override
    public List<Region> path(String code) {
        String cleaned = Text.cleanOrNull(code);
        if (cleaned == null) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH RECURSIVE up AS (
                          SELECT code, name, level, parent_code FROM reference_region WHERE code = ?
                          UNION ALL
                          SELECT r.code, r.name, r.level, r.parent_code
                          FROM reference_region r JOIN up ON r.code = up.parent_code)
                        SELECT code, name, level, parent_code FROM up ORDER BY level""").param(cleaned).query(Region.class).list();
    }

    @Override
    public List<Region> children(String parentCode) {
        String cleaned = Text.cleanOrNull(parentCode);
        if (cleaned == null) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT code, name, level, parent_code FROM reference_region WHERE parent_code = ? ORDER BY code")
                .param(cleaned)
                .query(Region.class)
                .list();
    }

    @Override
    public List<Region> provinces() {
        return jdbc.sql("SELECT code, name, level, parent_code FROM reference_region WHERE level = 1 ORDER BY code")
                .query(Region.class)
                .list();
    }
}
