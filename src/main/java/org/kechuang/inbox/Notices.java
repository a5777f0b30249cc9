package org.kechuang.inbox;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices in PostgreSQL. Every read and change is scoped by the recipient: a notice id of another account is
 * treated as unknown, and so is a notice kept only as the record of a delivery the recipient chose not to see in the
 * inbox.
 */
@Service
class Notices implements Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NoticePreferences preferences;
    private final NoticeMails mails;

    Notices(JdbcClient jdbc, Clock clock, NoticePreferences preferences, NoticeMails mails) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
        this.mails = mails;
    }

    /** A delivered notice as its recipient reads it. */
    record Stored(
            long id,
            String kind,
            Notice.Message title,
            Notice.Message text,
            String link,
            Instant createdAt,
            Instant readAt) {

        boolean read() {
            return readAt != null;
        }
    }

    record Page(long total, long unread, List<Stored> results) {}

    /**
     * Records the delivery once per delivery key, shown in the inbox only when the recipient receives the kind there,
     * and queues one mail when they receive it by e-mail: the mail goes out after the surrounding transaction commits
     * ({@link NoticeMails}), never when it rolls back, and a redelivered event finds the delivery and queues nothing.
     */
    @Override
    @Transactional
    public Delivery deliver(Notice notice) {
        Set<Channel> channels = preferences.channels(notice.recipientId(), notice.kind());
        Long created = jdbc.sql("""
                        insert into inbox_notice (recipient_id, kind, delivery_key, title_key, title_args, text_key,
                            text_args, link, created_at, in_inbox)
                        values (:recipient, :kind, :key, :titleKey, :titleArgs, :textKey, :textArgs, :link, :at,
                            :inInbox)
                        on conflict (recipient_id, delivery_key) do nothing
                        returning id""")
                .param("recipient", notice.recipientId())
                .param("kind", notice.kind())
                .param("key", notice.deliveryKey())
                .param("titleKey", notice.title().key())
                .param("titleArgs", notice.title().args().toArray(String[]::new))
                .param("textKey", notice.text() == null ? null : notice.text().key())
                .param(
                        "textArgs",
                        notice.text() == null
                                ? new String[0]
                                : notice.text().args().toArray(String[]::new))
                .param("link", notice.link())
                .param("at", java.sql.Timestamp.from(notice.createdAt()))
                .param("inInbox", channels.contains(Channel.INBOX))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (created != null) {
            if (channels.contains(Channel.EMAIL)) {
                mails.queue(created);
            }
            return new Delivery(created, true);
        }
        long existing = jdbc.sql("select id from inbox_notice where recipient_id = :recipient and delivery_key = :key")
                .param("recipient", notice.recipientId())
                .param("key", notice.deliveryKey())
                .query(Long.class)
                .single();
        return new Delivery(existing, false);
    }

    @Override
    public long unreadCount(long recipientId) {
        return jdbc.sql(
                        "select count(*) from inbox_notice where recipient_id = :recipient and read_at is null and in_inbox")
                .param("recipient", recipientId)
                .query(Long.class)
                .single();
    }

    @Override
    public Set<Long> unreadAmong(long recipientId, Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select id from inbox_notice
                        where recipient_id = :recipient and read_at is null and in_inbox and id = any(:ids)""")
                .param("recipient", recipientId)
                .param("ids", noticeIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** The recipient's notices, newest first. */
    Page page(long recipientId, int page, int size) {
        long total = jdbc.sql("select count(*) from inbox_notice where recipient_id = :recipient and in_inbox")
                .param("recipient", recipientId)
                .query(Long.class)
                .single();
        List<Stored> results = jdbc.sql("""
                        select id, kind, title_key, title_args, text_key, text_args, link, created_at, read_at
                        from inbox_notice where recipient_id = :recipient and in_inbox
                        order by id desc offset :offset limit :size""")
                .param("recipient", recipientId)
                .param("offset", (long) page * size)
                .param("size", size)
                .query(Notices::stored)
                .list();
        return new Page(total, unreadCount(recipientId), results);
    }

    /** Where the recipient's notice links to; empty for an unknown notice or one that links nowhere. */
    java.util.Optional<String> link(long recipientId, long noticeId) {
        return jdbc.sql("""
                        select link from inbox_notice
                        where id = :id and recipient_id = :recipient and in_inbox and link is not null""")
                .param("id", noticeId)
                .param("recipient", recipientId)
                .query(String.class)
                .optional();
    }

    /** Marks the recipient's notice read; false when the recipient has no such notice. */
    @Transactional
    boolean markRead(long recipientId, long noticeId) {
        int found = jdbc.sql("""
                        update inbox_notice set read_at = coalesce(read_at, :now)
                        where id = :id and recipient_id = :recipient and in_inbox""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", noticeId)
                .param("recipient", recipientId)
                .update();
        return found > 0;
    }

    /** @return how many notices were unread */
    @Transactional
    int markAllRead(long recipientId) {
        return jdbc.sql("""
                        update inbox_notice set read_at = :now
                        where recipient_id = :recipient and read_at is null and in_inbox""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("recipient", recipientId)
                .update();
    }

    static Stored stored(ResultSet row, int n) throws SQLException {
        java.sql.Timestamp read = row.getTimestamp("read_at");
        String textKey = row.getString("text_key");
        List<String> textArgs = strings(row.getArray("text_args"));
        return new Stored(
                row.getLong("id"),
                row.getString("kind"),
                new Notice.Message(row.getString("title_key"), strings(row.getArray("title_args"))),
                textKey == null && textArgs.isEmpty() ? null : new Notice.Message(textKey, textArgs),
                row.getString("link"),
                row.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
