package org.kechuang.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kechuang.support.Mails.body;
import static org.kechuang.support.Mails.recipient;
import static org.kechuang.support.Mails.subject;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices reach each recipient by the channels they chose for the kind: a mail through real SMTP (the embedded
 * GreenMail) in the recipient's language, sent once per delivery key after the delivery commits, whatever is
 * redelivered or retried.
 */
@IntegrationTest
class NoticeMailIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @Autowired
    NoticeMails mails;

    @Autowired
    Accounts accounts;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A new account; its username is also the local part of its address. */
    private long account(String name) {
        return accounts.ensure(name, name + "@example.com", PASSWORD, "收件人" + name, Set.of(Role.ENTERPRISE))
                .id();
    }

    private WebUser user(String name) {
        return new WebUser(port).withToken(name, PASSWORD);
    }

    private static Notice notice(long recipient, String kind, String key) {
        return new Notice(
                recipient,
                kind,
                key,
                Notice.Message.of("inboxtest.title", "焊接机器人"),
                Notice.Message.of("inboxtest.text", "宁波某企业", "2027-03-01"),
                "/demands/42",
                Instant.now());
    }

    private static void choose(WebUser user, String body) {
        HttpResponse<String> response = user.put("/api/v1/inbox/preferences", WebUser.JSON.readTree(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private List<MimeMessage> mails(String name) {
        String address = name + "@example.com";
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(address))
                .toList();
    }

    private MimeMessage awaitOnly(String name) {
        await().atMost(Duration.ofMinutes(1)).until(() -> !mails(name).isEmpty());
        assertThat(mails(name)).hasSize(1);
        return mails(name).getFirst();
    }

    private long inboxTotal(String name) {
        HttpResponse<String> response = user(name).get("/api/v1/inbox");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response).get("total").asLong();
    }

    private long mailRows(long noticeId) {
        return jdbc.sql("select count(*) from inbox_mail where notice_id = :notice")
                .param("notice", noticeId)
                .query(Long.class)
                .single();
    }

    private String status(long noticeId) {
        return jdbc.sql("select status from inbox_mail where notice_id = :notice")
                .param("notice", noticeId)
                .query(String.class)
                .single();
    }

    @Test
    void aKindMailedByDefaultReachesTheInboxAndAChineseMailWithTheLink() {
        String name = "mail-zh-" + unique();
        long recipient = account(name);

        inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "zh-1"));

        MimeMessage mail = awaitOnly(name);
        assertThat(subject(mail)).isEqualTo("测试通知：对接有了新进展");
        assertThat(body(mail))
                .contains("收件人" + name + "，您好")
                .contains("对接“焊接机器人”进入谈判阶段")
                .contains("请在 2027-03-01 前回复宁波某企业的问题。")
                .contains("/demands/42")
                .contains("/inbox/preferences");
        assertThat(inboxTotal(name)).isEqualTo(1);
    }

    @Test
    void anEnglishSpeakingAccountGetsTheMailInEnglish() {
        String name = "mail-en-" + unique();
        long recipient = account(name);
        choose(user(name), "{\"language\":\"en\"}");

        inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "en-1"));

        MimeMessage mail = awaitOnly(name);
        assertThat(subject(mail)).isEqualTo("Test notice: an engagement moved on");
        assertThat(body(mail))
                .contains("Hello 收件人" + name + ",")
                .contains("The engagement \"焊接机器人\" is now in negotiation")
                .contains("Please answer the questions of 宁波某企业 before 2027-03-01.")
                .contains("/demands/42")
                .doesNotContain("您好");
    }

    @Test
    void emailTurnedOffSendsNoMailAndInboxTurnedOffAddsNoEntry() {
        String noMail = "mail-off-" + unique();
        String noInbox = "inbox-off-" + unique();
        long noMailId = account(noMail);
        long noInboxId = account(noInbox);
        choose(user(noMail), "{\"kinds\":[{\"kind\":\"test.mailed\",\"channels\":[\"INBOX\"]}]}");
        choose(user(noInbox), "{\"kinds\":[{\"kind\":\"test.mailed\",\"channels\":[\"EMAIL\"]}]}");

        long inboxOnly =
                inbox.deliver(notice(noMailId, MailedNoticeKind.KIND, "off-1")).noticeId();
        long mailOnly =
                inbox.deliver(notice(noInboxId, MailedNoticeKind.KIND, "off-1")).noticeId();

        assertThat(awaitOnly(noInbox)).isNotNull();
        assertThat(inboxTotal(noInbox)).isZero();
        assertThat(inbox.unreadCount(noInboxId)).isZero();
        assertThat(inbox.unreadAmong(noInboxId, List.of(mailOnly))).isEmpty();
        assertThat(user(noInbox)
                        .post("/api/v1/inbox/" + mailOnly + "/read", Map.of())
                        .statusCode())
                .as("a notice kept only as the record of a delivery is unknown to the inbox")
                .isEqualTo(404);

        mails.sendDue();
        assertThat(mailRows(inboxOnly)).isZero();
        assertThat(mails(noMail)).isEmpty();
        assertThat(inboxTotal(noMail)).isEqualTo(1);
    }

    @Test
    void aRedeliveredNoticeSendsNoSecondMail() {
        String name = "mail-again-" + unique();
        long recipient = account(name);

        Inbox.Delivery first = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "event-7"));
        awaitOnly(name);
        Inbox.Delivery again = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "event-7"));
        mails.sendDue();

        assertThat(again.created()).isFalse();
        assertThat(again.noticeId()).isEqualTo(first.noticeId());
        assertThat(mailRows(first.noticeId())).isEqualTo(1);
        assertThat(status(first.noticeId())).isEqualTo("SENT");
        assertThat(mails(name)).hasSize(1);
    }

    @Test
    void aDeliveryThatRollsBackSendsNothing() {
        String name = "mail-rollback-" + unique();
        long recipient = account(name);

        transactions.executeWithoutResult(status -> {
            inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "rolled-back"));
            assertThat(mails(name)).as("nothing is sent before the commit").isEmpty();
            status.setRollbackOnly();
        });
        mails.sendDue();

        assertThat(mails(name)).isEmpty();
        assertThat(inboxTotal(name)).isZero();
    }

    @Test
    void aMailQueuedBeforeACrashIsSentOnceByTheScheduledSenderAndOneCaughtMidSendNever() {
        String name = "mail-crash-" + unique();
        long recipient = account(name);
        choose(user(name), "{\"kinds\":[{\"kind\":\"test.mailed\",\"channels\":[\"INBOX\"]}]}");
        long queued = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "crash-queued"))
                .noticeId();
        long midSend = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "crash-mid-send"))
                .noticeId();
        // what a crash leaves: one mail committed but never picked up, one claimed whose SMTP outcome is unknown
        jdbc.sql("""
                        insert into inbox_mail (notice_id, status, next_attempt_at, created_at)
                        values (:notice, 'PENDING', now() - interval '1 minute', now())""").param("notice", queued).update();
        jdbc.sql("""
                        insert into inbox_mail (notice_id, status, attempts, next_attempt_at, claimed_at, created_at)
                        values (:notice, 'SENDING', 1, now() - interval '1 minute', now(), now())""").param("notice", midSend).update();

        mails.sendDue();
        mails.sendDue();

        assertThat(mails(name)).hasSize(1);
        assertThat(status(queued)).isEqualTo("SENT");
        assertThat(status(midSend)).isEqualTo("SENDING");
    }

    @Test
    void theOutboxForgetsMailsSentOrGivenUpLongAgoButKeepsTheirNoticesAndEveryMailStillToSend() {
        String name = "prune" + unique();
        long recipient = account(name);
        long oldSent = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "prune-old-sent"))
                .noticeId();
        long recentSent = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "prune-recent-sent"))
                .noticeId();
        long oldFailed = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "prune-old-failed"))
                .noticeId();
        long oldPending = inbox.deliver(notice(recipient, MailedNoticeKind.KIND, "prune-old-pending"))
                .noticeId();
        await().atMost(Duration.ofMinutes(1)).until(() -> mails(name).size() == 4);
        Instant longAgo = Instant.now().minus(Duration.ofDays(91));
        age(oldSent, "SENT", longAgo);
        age(oldFailed, "FAILED", longAgo);
        age(oldPending, "PENDING", longAgo);
        age(recentSent, "SENT", Instant.now().minus(Duration.ofDays(89)));

        assertThat(mails.prune()).isGreaterThanOrEqualTo(2);

        assertThat(mailRows(oldSent)).isZero();
        assertThat(mailRows(oldFailed)).isZero();
        assertThat(mailRows(recentSent)).isEqualTo(1);
        assertThat(mailRows(oldPending)).as("still to send").isEqualTo(1);
        assertThat(inboxTotal(name)).as("the notices stay").isEqualTo(4);
        // the pending one is not due again for a long while: keep the scheduled sender off it
        jdbc.sql("update inbox_mail set status = 'FAILED' where notice_id = :notice")
                .param("notice", oldPending)
                .update();
    }

    private void age(long noticeId, String status, Instant createdAt) {
        jdbc.sql("""
                        update inbox_mail set status = :status, created_at = :at, next_attempt_at = :later
                        where notice_id = :notice""")
                .param("status", status)
                .param("at", java.sql.Timestamp.from(createdAt))
                .param("later", java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(365))))
                .param("notice", noticeId)
                .update();
    }
}
