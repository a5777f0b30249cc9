package org.kechuang.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mail outbox of notices (ADR 0018): a row queued in the delivery's transaction, sent right after it commits, and
 * looked for again by a scheduled sender (a crash after the commit, a mail server that refused). Each row is claimed in
 * a statement of its own before the SMTP conversation: of the listener and the scheduled sender only one sends it, and
 * nothing ever sends it twice; a crash during the conversation leaves it {@code SENDING}, not sent again.
 */
@Component
class NoticeMails {

    private static final Logger log = LoggerFactory.getLogger(NoticeMails.class);
    static final String TEMPLATE = "notice";
    static final String FALLBACK_SUBJECT = "inbox.mail.subject";
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final NoticeKinds kinds;
    private final NoticePreferences preferences;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final InboxProperties properties;
    private final Clock clock;
    private final String publicUrl;

    NoticeMails(
            JdbcClient jdbc,
            Accounts accounts,
            NoticeKinds kinds,
            NoticePreferences preferences,
            Mailer mailer,
            MessageSource messages,
            ApplicationEventPublisher events,
            InboxProperties properties,
            Clock clock,
            @Value("${kechuang.identity.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.kinds = kinds;
        this.preferences = preferences;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** A notice mail was queued; sent once the transaction that queued it commits. */
    record Queued(long mailId) {}

    enum Status {
        PENDING,
        SENDING,
        SENT,
        FAILED
    }

    /** Queues the mail of a notice just delivered, in the delivery's transaction. */
    void queue(long noticeId) {
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into inbox_mail (notice_id, status, next_attempt_at, created_at)
                        values (:notice, 'PENDING', :now, :now)
                        returning id""")
                .param("notice", noticeId)
                .param("now", now)
                .query(Long.class)
                .single();
        events.publishEvent(new Queued(id));
    }

    @Async
    @TransactionalEventListener
    void on(Queued queued) {
        send(queued.mailId());
    }

    @Scheduled(
            fixedDelayString = "${kechuang.inbox.mail-retry-interval:1m}",
            initialDelayString = "${kechuang.inbox.mail-retry-interval:1m}")
    void scheduled() {
        sendDue();
    }

    /** Every night: the outbox forgets what it finished with long ago. */
    @Scheduled(cron = "${kechuang.inbox.mail-prune-cron:0 40 3 * * *}")
    void scheduledPrune() {
        int pruned = prune();
        if (pruned > 0) {
            log.info(
                    "Mail outbox: {} mails sent or given up more than {} ago removed",
                    pruned,
                    properties.mailKeptFor());
        }
    }

    /**
     * Removes the mails sent or given up before {@code kechuang.inbox.mail-kept-for}; pending and sending ones stay
     * whatever their age, and so does every notice. @return how many were removed
     */
    int prune() {
        return jdbc.sql("""
                        delete from inbox_mail
                        where status in ('SENT', 'FAILED') and created_at < :before""")
                .param("before", Timestamp.from(clock.instant().minus(properties.mailKeptFor())))
                .update();
    }

    /** Sends the mails that are due (queued and not sent, or refused and waited for). @return how many were sent */
    int sendDue() {
        List<Long> due = jdbc.sql("""
                        select id from inbox_mail where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit :batch""")
                .param("now", Timestamp.from(clock.instant()))
                .param("batch", BATCH)
                .query(Long.class)
                .list();
        int sent = 0;
        for (long id : due) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    private record Claimed(long id, int attempts, long recipientId, Notices.Stored notice) {}

    /** Sends the mail unless someone else claimed it first or it is not due. @return whether it was sent now */
    boolean send(long mailId) {
        Instant now = clock.instant();
        Optional<Claimed> claimed = claim(mailId, now);
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed mail = claimed.get();
        Optional<Account> account = accounts.findById(mail.recipientId()).filter(Account::verified);
        if (account.isEmpty()) {
            finish(mail, Status.FAILED, null, "the recipient has no verified account");
            log.warn("Notice mail {} not sent: account {} is gone or unverified", mailId, mail.recipientId());
            return false;
        }
        try {
            mailer.send(mail(account.get(), mail.notice()));
            finish(mail, Status.SENT, null, null);
            return true;
        } catch (RuntimeException e) {
            boolean last = mail.attempts() >= properties.mailMaxAttempts();
            Instant next = now.plus(properties.mailRetryInterval().multipliedBy(mail.attempts()));
            finish(mail, last ? Status.FAILED : Status.PENDING, next, String.valueOf(e.getMessage()));
            log.warn(
                    "Notice mail {} (attempt {} of {}) could not be sent{}",
                    mailId,
                    mail.attempts(),
                    properties.mailMaxAttempts(),
                    last ? "; given up" : "; tried again at " + next,
                    e);
            return false;
        }
    }

    private Optional<Claimed> claim(long mailId, Instant now) {
        return jdbc.sql("""
                        with claimed as (
                            update inbox_mail set status = 'SENDING', attempts = attempts + 1, claimed_at = :now
                            where id = :id and status = 'PENDING' and next_attempt_at <= :now
                            returning id, attempts, notice_id)
                        select c.id as mail_id, c.attempts, n.recipient_id, n.id, n.kind, n.title_key, n.title_args,
                            n.text_key, n.text_args, n.link, n.created_at, n.read_at
                        from claimed c join inbox_notice n on n.id = c.notice_id""")
                .param("id", mailId)
                .param("now", Timestamp.from(now))
                .query((row, n) -> new Claimed(
                        row.getLong("mail_id"),
                        row.getInt("attempts"),
                        row.getLong("recipient_id"),
                        Notices.stored(row, n)))
                .optional();
    }

    private void finish(Claimed mail, Status status, Instant next, String error) {
        jdbc.sql("""
                        update inbox_mail set status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
                            sent_at = :sentAt, last_error = left(:error, 1000)
                        where id = :id""")
                .param("status", status.name())
                .param("next", next == null ? null : Timestamp.from(next), java.sql.Types.TIMESTAMP)
                .param(
                        "sentAt",
                        status == Status.SENT ? Timestamp.from(clock.instant()) : null,
                        java.sql.Types.TIMESTAMP)
                .param("error", error, java.sql.Types.VARCHAR)
                .param("id", mail.id())
                .update();
    }

    private Mailer.Mail mail(Account account, Notices.Stored notice) {
        java.util.Locale locale = preferences.language(account.id()).locale;
        String subject = kinds.find(notice.kind()).map(NoticeKind::labelKey).orElse(FALLBACK_SUBJECT);
        return new Mailer.Mail(
                account.email(),
                locale,
                subject,
                TEMPLATE,
                Map.of(
                        "displayName", account.displayName(),
                        "title", NoticeView.resolve(notice.title(), messages, locale),
                        "text", notice.text() == null ? "" : NoticeView.resolve(notice.text(), messages, locale),
                        "link", absolute(notice.link() == null ? "/inbox" : notice.link()),
                        "preferences", absolute("/inbox/preferences")));
    }

    private String absolute(String path) {
        return UriComponentsBuilder.fromUriString(publicUrl).path(path).build().toUriString();
    }
}
