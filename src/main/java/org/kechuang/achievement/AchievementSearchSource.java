package org.kechuang.achievement;

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
 * Achievements as the search index sees them: every one that is not archived, with what {@code AchievementAccess} needs
 * to decide who may find it (published, station, author), with their keywords, field and patent numbers.
 */
@Component
class AchievementSearchSource implements SearchSource {

    private static final String SEARCHABLE = "status <> 'ARCHIVED'";
    private static final String COLUMNS = """
            id, title, description, keywords, technology_field, patents, industry_section, industry_code,
            chain_node_code, region_code, trl, status, station_id, created_by, updated_at""";

    private final JdbcClient jdbc;

    AchievementSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return AchievementCatalog.RECORD_TYPE;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from achievement where " + SEARCHABLE)
                .query(Long.class)
                .single();
    }

    @Override
    public List<SearchDocument> page(long afterId, int size) {
        return jdbc.sql("select " + COLUMNS + " from achievement where " + SEARCHABLE
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
        return jdbc.sql("select " + COLUMNS + " from achievement where " + SEARCHABLE
                        + " and id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::document)
                .list();
    }

    @Override
    public String link(long id) {
        return "/achievements/" + id;
    }

    private SearchDocument document(ResultSet row, int n) throws SQLException {
        String body = Stream.of(
                        row.getString("description"), row.getString("technology_field"), String.join(" ", (String[])
                                row.getArray("patents").getArray()))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
        Integer trl = (Integer) row.getObject("trl", Integer.class);
        return new SearchDocument(
                type(),
                row.getLong("id"),
                row.getString("title"),
                Arrays.asList((String[]) row.getArray("keywords").getArray()),
                body,
                row.getString("industry_section"),
                row.getString("industry_code"),
                row.getString("chain_node_code"),
                row.getString("region_code"),
                trl,
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
