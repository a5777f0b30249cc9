package org.kechuang.achievement;

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
 * "My achievements" on the workbench: the achievements the user entered, latest first, with their status (read-only; each links
 * to its page). For an expert (researcher) account it shows even when empty, with the way to publish one; for others only when
 * they have achievements. Also tells the platform which published achievements are the user's own, for the recommendations made
 * for them.
 */
@Component
class AchievementWorkbench implements WorkbenchPanel<CurrentUser>, OwnRecords {

    static final int SHOWN = 10;
    private static final DateTimeFormatter SHOWN_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;

    AchievementWorkbench(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One of the user's achievements; {@code status} a {@code PublicationStatus} name. */
    record Row(long id, String title, String status, String updated) {}

    /**
     * @param total how many achievements the user entered (not archived), of which {@code rows} are the latest
     * @param mayPost whether the user may publish an achievement (the empty state offers it)
     */
    record Mine(List<Row> rows, long total, boolean mayPost) {}

    @Override
    public int order() {
        return 110;
    }

    @Override
    public String messageKey() {
        return "achievement.workbench.heading";
    }

    @Override
    public Optional<Content> render(CurrentUser user, Locale locale) {
        long total = jdbc.sql("select count(*) from achievement where created_by = :me and status <> 'ARCHIVED'")
                .param("me", user.id())
                .query(Long.class)
                .single();
        if (total == 0 && !user.has(Role.EXPERT)) {
            return Optional.empty();
        }
        List<Row> rows = jdbc.sql("""
                        select id, title, status, updated_at from achievement
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
        return Optional.of(
                new Content("achievement/workbench", new Mine(rows, total, AchievementCatalog.mayPost(user))));
    }

    @Override
    public String type() {
        return AchievementCatalog.RECORD_TYPE;
    }

    @Override
    public List<Long> publishedBy(long accountId, int limit) {
        return jdbc.sql("""
                        select id from achievement where created_by = :me and status = 'PUBLISHED'
                        order by updated_at desc, id desc limit :limit""")
                .param("me", accountId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }
}
