package org.kechuang.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIndustries implements Industries {

    private static final String COLUMNS =
            "SELECT code, level, name, name_en, parent_code, description FROM reference_industry";

    private final JdbcClient jdbc;

    JdbcIndustries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Industry> find(String code) {
        String normalized = Codes.normalized(code);
        if (normalized == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " WHERE code = ?")
                .param(normalized)
                .query(JdbcIndustries::industry)
                .optional();
    }

    @Override
    public boolean exists(String code) {
        return find(code).isPresent();
    }

    List<Industry> children(String parentCode) {
        return jdbc.sql(COLUMNS + " WHERE parent_code = ? ORDER BY code")
                .param(parentCode)
                .query(JdbcIndustries::industry)
                .list();
    }

    List<Industry> atLevel(IndustryLevel level) {
        return jdbc.sql(COLUMNS + " WHERE level = ? ORDER BY code")
                .param(level.depth())
                .query(JdbcIndustries::industry)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM reference_industry")
                .query(Long.class)
                .single();
    }

    private static Industry industry(ResultSet rs, int row) throws SQLException {
        return new Industry(
                rs.getString("code"),
                IndustryLevel.ofDepth(rs.getInt("level")),
                rs.getString("name"),
                rs.getString("name_en"),
                rs.getString("parent_code"),
                rs.getString("description"));
    }
}
