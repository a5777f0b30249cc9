package org.kechuang.demand;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * "My demands" on the workbench: the demands the user created, latest first, with their status (read-only; each links
 * to its page). For an enterprise account it shows even when empty, with the way to post one; for others only when
 * they have demands. Also tells the platform which published demands are the user's own, for the recommendations made
 * for them.
 */
@Component
class DemandWorkbench implements WorkbenchPanel<CurrentUser>, OwnRecords {

    static final int SHOWN = 10;
    private static final DateTimeFormatter SHOWN_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;

    DemandWorkbench(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One of the user's demands; {@code status} a {@code PublicationStatus} name. */
    record Row(long id, String title, String status, String updated) {}

    /**
     * @param total how many demands the user created (not archived), of which {@code rows} are the latest
     * @param mayPost whether the user may post a demand (the empty state offers it)
     */
    record Mine(List<Row> rows, long total, boolean mayPost) {}

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String messageKey() {
        return "demand.workbench.heading";
    }

    @Override
    public Optional<Content> render(CurrentUser user, Locale locale) {
        long total = jdbc.sql("select count(*) from demand where created_by = :me and status <> 'ARCHIVED'")
                .param("me", user.id())
                .query(Long.class)
                .single();
        if (total == 0 && !user.has(Role.ENTERPRISE)) {
            return Optional.empty();
        }
        List<Row> rows = jdbc.sql("""
                        select id, title, status, updated_at from demand
                        where created_by = :me and status <> 'ARCHIVED'
                        order by updated_at desc, id desc limit :shown""")
                .param("me", user.id())
                .param("shown", SHOWN)
                .query((row, n) -> new Row(
                        row.getLong("id"),
                        row.getString("title"),
                        row.getString("status"),
                        SHOWN_DATE.format(row.getTimestamp("updated_at").toInstant())))
                .list();
        return Optional.of(new Content("demand/workbench", new Mine(rows, total, DemandCatalog.mayPost(user))));
    }

    @Override
    public String type() {
        return DemandCatalog.RECORD_TYPE;
    }

    @Override
    public List<Long> publishedBy(long accountId, int limit) {
        return jdbc.sql("""
                        select id from demand where created_by = :me and status = 'PUBLISHED'
                        order by updated_at desc, id desc limit :limit""")
                .param("me", accountId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }
}
