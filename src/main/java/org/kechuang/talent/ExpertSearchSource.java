package org.kechuang.talent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * Expert profiles as the search index sees them: every one that is not archived, with what {@code ExpertAccess} needs
 * to decide who may find it (published, station, author and claiming expert); found by name, keywords, research
 * fields, affiliation and introduction. The contact details are never read here, so they never reach the index.
 */
@Component
class ExpertSearchSource implements SearchSource {

    private static final String SEARCHABLE = "status <> 'ARCHIVED'";
    private static final String COLUMNS = """
            id, name, affiliation, title, research_fields, keywords, region_code, introduction, status, station_id,
            created_by, account_id, updated_at""";

    private final JdbcClient jdbc;

    ExpertSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return ExpertCatalog.RECORD_TYPE;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from expert where " + SEARCHABLE)
                .query(Long.class)
                .single();
    }

    @Override
    public List<SearchDocument> page(long afterId, int size) {
        return jdbc.sql("select " + COLUMNS + " from expert where " + SEARCHABLE
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
        return jdbc.sql("select " + COLUMNS + " from expert where " + SEARCHABLE + " and id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::document)
                .list();
    }

    @Override
    public String link(long id) {
        return "/experts/" + id;
    }

    private SearchDocument document(ResultSet row, int n) throws SQLException {
        List<String> fields = strings(row, "research_fields");
        Set<String> keywords = new LinkedHashSet<>(strings(row, "keywords"));
        keywords.addAll(fields);
        String body = Stream.of(
                        row.getString("affiliation"),
                        row.getString("title"),
                        String.join("；", fields),
                        row.getString("introduction"))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
        return new SearchDocument(
                type(),
                row.getLong("id"),
                row.getString("name"),
                new ArrayList<>(keywords),
                body,
                null,
                null,
                null,
                row.getString("region_code"),
                null,
                row.getString("status"),
                new Access(
                        row.getString("status").equals("PUBLISHED"),
                        false,
                        (Long) row.getObject("station_id"),
                        owners(row, "created_by", "account_id")),
                row.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
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
