package org.kechuang.caselib;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
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
 * Application cases as the search index sees them: every one that is not archived, with what {@code CaseAccess} needs to
 * decide who may find it (published, station, author); found by title, keywords, the problem, the solution, the names
 * of the parties typed in and the names of the measured figures.
 */
@Component
class CaseSearchSource implements SearchSource {

    private static final String SEARCHABLE = "status <> 'ARCHIVED'";
    private static final String COLUMNS = """
            id, title, problem, solution, keywords, industry_section, industry_code, chain_node_code, region_code,
            status, station_id, created_by, updated_at,
            (select string_agg(p ->> 'name', ' ') from jsonb_array_elements(parties) p) as party_names,
            (select string_agg(f ->> 'name', ' ') from jsonb_array_elements(figures) f) as figure_names""";

    private final JdbcClient jdbc;

    CaseSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return CaseCatalog.RECORD_TYPE;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from application_case where " + SEARCHABLE)
                .query(Long.class)
                .single();
    }

    @Override
    public List<SearchDocument> page(long afterId, int size) {
        return jdbc.sql("select " + COLUMNS + " from application_case where " + SEARCHABLE
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
        return jdbc.sql("select " + COLUMNS + " from application_case where " + SEARCHABLE
                        + " and id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::document)
                .list();
    }

    @Override
    public String link(long id) {
        return "/cases/" + id;
    }

    private SearchDocument document(ResultSet row, int n) throws SQLException {
        String body = Stream.of(
                        row.getString("problem"),
                        row.getString("solution"),
                        row.getString("party_names"),
                        row.getString("figure_names"))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
        Array keywords = row.getArray("keywords");
        return new SearchDocument(
                type(),
                row.getLong("id"),
                row.getString("title"),
                keywords == null ? List.of() : Arrays.asList((String[]) keywords.getArray()),
                body,
                row.getString("industry_section"),
                row.getString("industry_code"),
                row.getString("chain_node_code"),
                row.getString("region_code"),
                null,
                row.getString("status"),
                new Access(
                        row.getString("status").equals("PUBLISHED"),
                        false,
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
