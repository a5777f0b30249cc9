package org.kechuang.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each account reads and marks its own notices and nobody else's; a redelivered event adds nothing. */
@IntegrationTest
class InboxIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @Autowired
    Accounts accounts;

    private long account(String name) {
        return accounts.ensure(name, name + "@example.com", PASSWORD, "收件人 " + name, Set.of(Role.ENTERPRISE))
                .id();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Inbox.Delivery deliver(long recipient, String key, String title) {
        return inbox.deliver(new Notice(
                recipient,
                "test.inbox",
                key,
                Notice.Message.literal(title),
                Notice.Message.of("inbox.page.summary", "7", "3"),
                "/demands",
                Instant.now()));
    }

    private static JsonNode list(WebUser user) {
        HttpResponse<String> response = user.get("/api/v1/inbox?size=50");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    private static List<String> titles(JsonNode page) {
        return page.get("results")
                .valueStream()
                .map(n -> n.get("title").asString())
                .toList();
    }

    @Test
    void aUserNeverSeesNorMarksAnotherUsersNotices() {
        String a = "inbox-a-" + unique();
        String b = "inbox-b-" + unique();
        long aliceId = account(a);
        long bobId = account(b);
        long forAlice = deliver(aliceId, "k1", "给甲的通知").noticeId();
        deliver(aliceId, "k2", "给甲的第二条").noticeId();
        long forBob = deliver(bobId, "k1", "给乙的通知").noticeId();
        WebUser alice = new WebUser(port).withToken(a, PASSWORD);
        WebUser bob = new WebUser(port).withToken(b, PASSWORD);

        JsonNode alicePage = list(alice);
        assertThat(titles(alicePage)).containsExactly("给甲的第二条", "给甲的通知");
        assertThat(alicePage.get("total").asLong()).isEqualTo(2);
        assertThat(alicePage.get("unread").asLong()).isEqualTo(2);
        assertThat(titles(list(bob))).containsExactly("给乙的通知");

        assertThat(bob.post("/api/v1/inbox/" + forAlice + "/read", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(list(alice).get("unread").asLong()).isEqualTo(2);

        assertThat(bob.post("/api/v1/inbox/read-all", Map.of()).statusCode()).isEqualTo(204);
        assertThat(list(alice).get("unread").asLong()).isEqualTo(2);
        assertThat(list(bob).get("unread").asLong()).isZero();
        assertThat(inbox.unreadAmong(aliceId, List.of(forAlice, forBob))).containsExactly(forAlice);

        assertThat(alice.post("/api/v1/inbox/" + forAlice + "/read", Map.of()).statusCode())
                .isEqualTo(204);
        JsonNode after = list(alice);
        assertThat(after.get("unread").asLong()).isEqualTo(1);
        assertThat(after.get("results").get(1).get("read").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredEventAddsNoSecondNotice() {
        String name = "inbox-r-" + unique();
        long recipient = account(name);

        Inbox.Delivery first = deliver(recipient, "same-event", "一次");
        Inbox.Delivery again = deliver(recipient, "same-event", "一次");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.noticeId()).isEqualTo(first.noticeId());
        assertThat(inbox.unreadCount(recipient)).isEqualTo(1);
    }

    @Test
    void theMessagesAreResolvedInTheReadersLanguageAndTheHeaderCountsTheUnread() {
        String name = "inbox-l-" + unique();
        long recipient = account(name);
        deliver(recipient, "lang", "标题");

        JsonNode english = WebUser.read(
                new WebUser(port).withToken(name, PASSWORD).inEnglish().get("/api/v1/inbox"));
        assertThat(english.get("results").get(0).get("text").asString()).isEqualTo("7 notices, 3 unread");

        WebUser browser = new WebUser(port).signedIn(name, PASSWORD);
        Document page = WebUser.html(browser.get("/inbox"));
        assertThat(page.select("#inbox-notices li")).hasSize(1);
        assertThat(page.select("#inbox-notices li").text()).contains("标题", "共 7 条通知，3 条未读");
        assertThat(page.select("#inbox-unread").text()).isEqualTo("1");

        HttpResponse<String> readAll = browser.submit("/inbox", "#inbox-read-all", Map.of());
        assertThat(readAll.statusCode()).isEqualTo(302);
        Document after = WebUser.html(browser.get("/inbox"));
        assertThat(after.select("#inbox-unread")).isEmpty();
        assertThat(after.select("#inbox-summary").text()).isEqualTo("共 1 条通知，0 条未读");
    }
}
