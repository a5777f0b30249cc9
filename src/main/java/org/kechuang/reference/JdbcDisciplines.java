package org.kechuang.reference;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDisciplines {

    private static final String COLUMNS = "SELECT code, level, name, name_en, parent_code FROM reference_discipline";

    private final JdbcClient jdbc;

    JdbcDisciplines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Discipline> find(String code) {
        String normalized = Codes.normalized(code);
        if (normalized == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " WHERE code = ?")
                .param(normalized)
                .query(Discipline.class)
                .optional();
    }

    List<Discipline> departments() {
        return jdbc.sql(COLUMNS + " WHERE level = 0 ORDER BY code")
                .query(Discipline.class)
                .list();
    }

    List<Discipline> children(String parentCode) {
        return jdbc.sql(COLUMNS + " WHERE parent_code = ? ORDER BY code")
                .param(parentCode)
                .query(Discipline.class)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM reference_discipline")
                .query(Long.class)
                .single();
    }

    List<StrategicIndustry> strategicIndustries() {
        return jdbc.sql("SELECT code, name, name_en FROM reference_strategic_industry ORDER BY code")
                .query(StrategicIndustry.class)
                .list();
    }
}
