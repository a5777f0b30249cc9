package org.kechuang.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.inbox.Inbox;
import org.kechuang.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The e-mail digest: for each user, one mail listing the new matches of their subscriptions whose digest is due (a
 * day or a week after the last one) that they have not read in the inbox yet. A user with nothing new gets no mail.
 * The mail is written in the language of the user's most recently saved subscription.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    static final int MAX_ITEMS = 50;
    /** A saved search whose digest is due: its period has passed since the last one. */
    private static final String DUE =
            "((digest = 'DAILY' and digested_at <= :daily) or (digest = 'WEEKLY' and digested_at <= :weekly))";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Inbox inbox;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;

    Digests(
            JdbcClient jdbc,
            Accounts accounts,
            Inbox inbox,
            Mailer mailer,
            Clock clock,
            @Value("${kechuang.identity.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.inbox = inbox;
        this.mailer = mailer;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    record Item(long searchId, String searchName, String title, String link, long noticeId) {}

    /** A saved search with the matches it lists, for the template. */
    record Section(String name, List<Item> items) {}

    @Scheduled(
            fixedDelayString = "${kechuang.knowledge.digest-interval:1h}",
            initialDelayString = "${kechuang.knowledge.digest-interval:1h}")
    void scheduled() {
        send(clock.instant());
    }

    /** Mails the digests due at {@code now}. @return how many mails were sent */
    synchronized int send(Instant now) {
        List<Long> owners = jdbc.sql(
                        "select distinct owner_id from saved_search where notify and " + DUE + " order by owner_id")
                .param("daily", Timestamp.from(now.minus(Digest.DAILY.period)))
                .param("weekly", Timestamp.from(now.minus(Digest.WEEKLY.period)))
                .query(Long.class)
                .list();
        int sent = 0;
        for (long owner : owners) {
            try {
                if (send(owner, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("The digest of account {} could not be sent; it is tried again next time", owner, e);
            }
        }
        return sent;
    }

    private boolean send(long owner, Instant at) {
        Timestamp now = Timestamp.from(at);
        List<Long> due = jdbc.sql("select id from saved_search where owner_id = :owner and notify and " + DUE)
                .param("owner", owner)
                .param("daily", Timestamp.from(at.minus(Digest.DAILY.period)))
                .param("weekly", Timestamp.from(at.minus(Digest.WEEKLY.period)))
                .query(Long.class)
                .list();
        List<Item> pending = jdbc.sql("""
                        select a.saved_search_id, s.name, a.title, a.link, a.notice_id
                        from saved_search_announcement a join saved_search s on s.id = a.saved_search_id
                        where a.owner_id = :owner and a.digested_at is null and a.saved_search_id = any(:due)
                        order by a.saved_search_id, a.announced_at desc, a.record_id desc""")
                .param("owner", owner)
                .param("due", due.toArray(Long[]::new))
                .query((row, n) ->
                        new Item(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5)))
                .list();
        Set<Long> unread =
                inbox.unreadAmong(owner, pending.stream().map(Item::noticeId).toList());
        List<Item> items = pending.stream()
                .filter(item -> unread.contains(item.noticeId()))
                .toList();
        Optional<Account> account = accounts.findById(owner);
        boolean mailed = false;
        if (!items.isEmpty() && account.isPresent()) {
            mailer.send(mail(account.get(), items, language(owner)));
            mailed = true;
        }
        jdbc.sql("""
                        update saved_search_announcement set digested_at = :now
                        where owner_id = :owner and digested_at is null and saved_search_id = any(:due)""")
                .param("now", now)
                .param("owner", owner)
                .param("due", due.toArray(Long[]::new))
                .update();
        jdbc.sql("update saved_search set digested_at = :now where id = any(:due)")
                .param("now", now)
                .param("due", due.toArray(Long[]::new))
                .update();
        return mailed;
    }

    private Locale language(long owner) {
        String language = jdbc.sql("select language from saved_search where owner_id = :owner order by updated_at desc"
                        + " limit 1")
                .param("owner", owner)
                .query(String.class)
                .optional()
                .orElse("zh-CN");
        return language.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private Mailer.Mail mail(Account account, List<Item> items, Locale locale) {
        Map<Long, Section> sections = new LinkedHashMap<>();
        int listed = 0;
        for (Item item : items) {
            if (listed++ == MAX_ITEMS) {
                break;
            }
            Item linked = new Item(
                    item.searchId(),
                    item.searchName(),
                    item.title(),
                    item.link() == null ? null : absolute(item.link()),
                    item.noticeId());
            sections.computeIfAbsent(item.searchId(), id -> new Section(item.searchName(), new ArrayList<>()))
                    .items()
                    .add(linked);
        }
        return new Mailer.Mail(
                account.email(),
                locale,
                "knowledge.digest.subject",
                "knowledge-digest",
                Map.of(
                        "displayName", account.displayName(),
                        "count", items.size(),
                        "more", Math.max(0, items.size() - MAX_ITEMS),
                        "sections", List.copyOf(sections.values()),
                        "inbox", absolute("/inbox"),
                        "settings", absolute("/saved-searches")));
    }

    private String absolute(String path) {
        return UriComponentsBuilder.fromUriString(publicUrl).path(path).build().toUriString();
    }
}
