package org.kechuang.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.kechuang.search.Access;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.SearchSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Organizations as the search index sees them: every organization is shown publicly, found by its name, its type (企业,
 * 高校, …) and its description. The contact details are never read here, so they never reach the index.
 */
@Component
class OrganizationSearchSource implements SearchSource {

    static final String TYPE = "organization";

    private static final String COLUMNS = "id, name, type, region_code, description, updated";

    private final JdbcClient jdbc;
    private final MessageSource messages;

    OrganizationSearchSource(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    @Override
    public List<SearchDocument> page(long afterId, int size) {
        return jdbc.sql("select " + COLUMNS + " from organization where id > :after order by id limit :size")
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
        return jdbc.sql("select " + COLUMNS + " from organization where id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::document)
                .list();
    }

    @Override
    public String link(long id) {
        return "/organizations/" + id;
    }

    private SearchDocument document(ResultSet row, int n) throws SQLException {
        String type = row.getString("type");
        return new SearchDocument(
                TYPE,
                row.getLong("id"),
                row.getString("name"),
                List.of(messages.getMessage("organization.type." + type, null, type, Locale.SIMPLIFIED_CHINESE)),
                row.getString("description"),
                null,
                null,
                null,
                row.getString("region_code"),
                null,
                null,
                Access.everyone(),
                row.getTimestamp("updated").toInstant());
    }
}
