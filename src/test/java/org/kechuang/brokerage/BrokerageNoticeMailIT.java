package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kechuang.support.Mails.body;
import static org.kechuang.support.Mails.recipient;
import static org.kechuang.support.Mails.subject;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engagement notices go out by e-mail through real SMTP (the embedded GreenMail) as the kind {@code
 * brokerage.engagement} says by default, in Chinese unless the recipient chose English; a recipient who turned that
 * kind's e-mail off gets none, but still finds the notices in the inbox.
 */
@IntegrationTest
class BrokerageNoticeMailIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stations stations;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    private EngagementFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new EngagementFixtures(
                port, accounts, stations.findByCode("cmes").orElseThrow().id());
    }

    private List<MimeMessage> mails(Account account) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(account.email()))
                .toList();
    }

    @Test
    void aStageChangeMailsTheCounterpartsPartyInChinese() {
        EngagementFixtures.Case e = fixtures.engagement(false);
        fixtures.move(e, e.version(), "CONTACTED");

        await().atMost(Duration.ofMinutes(1)).until(() -> mails(e.expert()).size() == 2);
        MimeMessage moved = mails(e.expert()).stream()
                .filter(mail -> body(mail).contains("对接进展：" + e.title()))
                .findFirst()
                .orElseThrow();
        assertThat(subject(moved)).isEqualTo("对接进展");
        assertThat(body(moved))
                .contains(e.expert().displayName() + "，您好")
                .contains("双方已建立联系，请准备洽谈。")
                .contains("/engagements/" + e.id())
                .contains("/inbox/preferences");
        assertThat(mails(e.expert()).stream().map(org.kechuang.support.Mails::body))
                .anySatisfy(body -> assertThat(body).contains("新的对接：" + e.title()));
    }

    @Test
    void aPartyWhoTurnedEngagementMailOffGetsNoneButStillTheInboxNotices() {
        Account quiet = fixtures.account("quiet", Role.EXPERT);
        HttpResponse<String> chosen = fixtures.as(quiet.username())
                .put(
                        "/api/v1/inbox/preferences",
                        WebUser.JSON.readTree(
                                "{\"kinds\":[{\"kind\":\"brokerage.engagement\",\"channels\":[\"INBOX\"]}]}"));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        EngagementFixtures.Case e = fixtures.engagement(fixtures.account("ent", Role.ENTERPRISE), quiet, false);
        fixtures.move(e, e.version(), "CONTACTED");

        // the demand's side, who kept the default, is mailed both engagement notices (besides the diagnosis of its thin
        // demand); the quiet expert none
        await().atMost(Duration.ofMinutes(1))
                .until(() -> mails(e.enterprise()).stream()
                                .filter(mail -> subject(mail).equals("对接进展"))
                                .count()
                        == 2);
        assertThat(mails(quiet)).isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from inbox_mail m join inbox_notice n on n.id = m.notice_id
                        where n.recipient_id = :quiet""").param("quiet", quiet.id()).query(Long.class).single())
                .isZero();
        String inbox =
                fixtures.as(quiet.username()).get("/api/v1/inbox?size=100").body();
        assertThat(inbox).contains("新的对接：" + e.title()).contains("对接进展：" + e.title());
    }
}
