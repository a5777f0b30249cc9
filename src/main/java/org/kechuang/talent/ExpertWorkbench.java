package org.kechuang.talent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.OwnRecords;
import org.kechuang.platform.web.WorkbenchPanel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "My expert profile" on the workbench: the profile the user holds (entered as their own or claimed), with its status
 * (read-only; it links to its page). For an expert account without one it says how to get one: claim the imported
 * profile or enter it. Also tells the platform which published profile is the user's own, for the recommendations made
 * for them.
 */
@Component
class ExpertWorkbench implements WorkbenchPanel<CurrentUser>, OwnRecords {

    private final JdbcClient jdbc;

    ExpertWorkbench(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A profile the user holds; {@code status} a {@code PublicationStatus} name. */
    record Row(long id, String name, String affiliation, String status) {}

    /** @param mayPost whether the user may enter a profile (the empty state offers it) */
    record Mine(List<Row> rows, boolean mayPost) {}

    @Override
    public int order() {
        return 120;
    }

    @Override
    public String messageKey() {
        return "expert.workbench.heading";
    }

    @Override
    public Optional<Content> render(CurrentUser user, Locale locale) {
        List<Row> rows = jdbc.sql("""
                        select id, name, affiliation, status from expert
                        where account_id = :me and status <> 'ARCHIVED'
                        order by updated_at desc, id desc""")
                .param("me", user.id())
                .query((row, n) -> new Row(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("affiliation"),
                        row.getString("status")))
                .list();
        if (rows.isEmpty() && !user.has(Role.EXPERT)) {
            return Optional.empty();
        }
        return Optional.of(new Content("talent/workbench", new Mine(rows, ExpertAccess.mayPost(user))));
    }

    @Override
    public String type() {
        return ExpertCatalog.RECORD_TYPE;
    }

    @Override
    public List<Long> publishedBy(long accountId, int limit) {
        return jdbc.sql("""
                        select id from expert where account_id = :me and status = 'PUBLISHED'
                        order by updated_at desc, id desc limit :limit""")
                .param("me", accountId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }
}
