package org.kechuang.demand;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kechuang.search.Access;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.SearchSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demands as the search index sees them: every one that is not archived, with what {@code DemandAccess} needs to decide
 * who may find it (published, confidential, station, author).
 */
@Component
class DemandSearchSource implements SearchSource {

    private static final String SEARCHABLE = "status <> 'ARCHIVED'";
    private static final String COLUMNS = """
            id, title, background, technical_problems, application_scenario, industry_section, industry_code,
            chain_node_code, region_code, status, confidential, station_id, created_by, updated_at""";

    private final JdbcClient jdbc;

    DemandSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return DemandCatalog.RECORD_TYPE;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from demand where " + SEARCHABLE)
                .query(Long.class)
                .single();
    }

    @Override
    public List<SearchDocument> page(long afterId, int size) {
        return jdbc.sql("select " + COLUMNS + " from demand where " + SEARCHABLE
                        + " and id > :after order by id limit :size")
                .param("after", afterId)
                .param("size", size)
                .query(this::document)
                .list();
    }

    @Override
    public List<SearchDocument> documents(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from demand where " + SEARCHABLE + " and id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::document)
                .list();
    }

    @Override
    public String link(long id) {
        return "/demands/" + id;
    }

    private SearchDocument document(ResultSet row, int n) throws SQLException {
        String body = Stream.of(
                        row.getString("background"),
                        row.getString("technical_problems"),
                        row.getString("application_scenario"))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
        return new SearchDocument(
                type(),
                row.getLong("id"),
                row.getString("title"),
                List.of(),
                body,
                row.getString("industry_section"),
                row.getString("industry_code"),
                row.getString("chain_node_code"),
                row.getString("region_code"),
                null,
                row.getString("status"),
                new Access(
                        row.getString("status").equals("PUBLISHED"),
                        row.getBoolean("confidential"),
                        (Long) row.getObject("station_id"),
                        owners(row, "created_by")),
                row.getTimestamp("updated_at").toInstant());
    }

    private static Set<Long> owners(ResultSet row, String... columns) throws SQLException {
        Set<Long> owners = new HashSet<>();
        for (String column : columns) {
            Long owner = (Long) row.getObject(column);
            if (owner != null) {
                owners.add(owner);
            }
        }
        return owners;
    }
}
