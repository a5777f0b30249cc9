package org.kechuang.knowledge;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions run each saved search as its owner over the records changed since the last check: one inbox notice per
 * new matching record the owner may see, never one for a record they may not see, never a second one for a record
 * changed again; the digest mails the unread ones once, in the owner's language, and nothing to a user with nothing
 * new.
 */
@IntegrationTest
class SubscriptionsIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Digests digests;

    @Autowired
    Accounts accounts;

    @Autowired
    Stations stations;

    @Autowired
    GreenMail mailServer;

    private static String unique() {
        return "sub" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private WebUser member(String name) {
        accounts.ensure(name, name + "@example.com", PASSWORD, "订阅者" + name, Set.of(Role.ENTERPRISE));
        return new WebUser(port).withToken(name, PASSWORD);
    }

    private long save(WebUser user, String name, String q, String type, String digest) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("q", q);
        body.put("type", type);
        body.put("notifyMe", true);
        body.put("digest", digest);
        HttpResponse<String> response = user.post("/api/v1/saved-searches", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private long demand(WebUser author, String title, boolean confidential, boolean publish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "产线节拍需要提升。");
        body.put("industryCode", "C");
        body.put("regionCode", "330200");
        body.put("deadline", LocalDate.now().plusMonths(6).toString());
        body.put("confidential", confidential);
        body.put("stationId", stations.findByCode("cmes").orElseThrow().id());
        HttpResponse<String> created = author.post("/api/v1/demands", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        if (publish) {
            HttpResponse<String> submitted = author.post("/api/v1/demands/" + id + "/submit", Map.of());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        }
        return id;
    }

    /** Waits until the operator finds exactly these demands for the words: the index has caught up. */
    private void indexed(String words, int count) {
        WebUser operator = new WebUser(port).withToken("operator", PASSWORD);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WebUser.read(operator.get("/api/v1/search?type=demand&q=" + words))
                                .get("total")
                                .asLong()
                        == count);
    }

    private static JsonNode inbox(WebUser user) {
        HttpResponse<String> response = user.get("/api/v1/inbox?size=100");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    private static List<String> links(JsonNode inbox) {
        return inbox.get("results")
                .valueStream()
                .map(n -> n.get("link").asString())
                .toList();
    }

    @Test
    void eachNewMatchTheOwnerMaySeeIsAnnouncedExactlyOnce() {
        String marker = unique();
        WebUser subscriber = member("s-" + marker);
        WebUser author = new WebUser(port).withToken("enterprise", PASSWORD);
        save(subscriber, "焊接 " + marker, marker, "demand", "NEVER");

        long published = demand(author, marker + " 焊接机器人需求", false, true);
        long confidential = demand(author, marker + " 保密焊接需求", true, true);
        demand(author, marker + " 焊接需求草稿", false, false);
        indexed(marker, 3);

        subscriptions.check();
        subscriptions.check();

        JsonNode notices = inbox(subscriber);
        assertThat(links(notices)).containsExactly("/demands/" + published);
        assertThat(notices.get("results").get(0).get("title").asString()).isEqualTo("“焊接 " + marker + "”有新结果");
        assertThat(notices.get("results").get(0).get("text").asString()).isEqualTo("技术需求：" + marker + " 焊接机器人需求");

        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("title", marker + " 焊接机器人需求（修订）");
        revision.put("background", "产线节拍需要再提升。");
        revision.put("industryCode", "C");
        revision.put("regionCode", "330200");
        revision.put("deadline", LocalDate.now().plusMonths(6).toString());
        revision.put("confidential", false);
        revision.put(
                "version",
                WebUser.read(author.get("/api/v1/demands/" + published))
                        .get("version")
                        .asInt());
        HttpResponse<String> revised = author.put("/api/v1/demands/" + published, revision);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        long another = demand(author, marker + " 第二个焊接需求", false, true);
        WebUser operator = new WebUser(port).withToken("operator", PASSWORD);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WebUser.read(operator.get("/api/v1/search?type=demand&q=" + marker + "%20修订"))
                                        .get("total")
                                        .asLong()
                                == 1
                        && WebUser.read(operator.get("/api/v1/search?type=demand&q=" + marker))
                                        .get("total")
                                        .asLong()
                                == 4);

        subscriptions.check();

        assertThat(links(inbox(subscriber))).containsExactly("/demands/" + another, "/demands/" + published);
        assertThat(links(inbox(subscriber))).doesNotContain("/demands/" + confidential);
    }

    @Test
    void aTechnologyManagerIsToldOfConfidentialDemandsAndAVisitorNever() {
        String marker = unique();
        String managerName = "m-" + marker;
        accounts.ensure(managerName, managerName + "@example.com", PASSWORD, "经理人", Set.of(Role.MANAGER));
        WebUser manager = new WebUser(port).withToken(managerName, PASSWORD);
        save(manager, "保密 " + marker, marker, null, "NEVER");
        WebUser author = new WebUser(port).withToken("enterprise", PASSWORD);

        long confidential = demand(author, marker + " 保密需求", true, true);
        indexed(marker, 1);
        subscriptions.check();

        assertThat(links(inbox(manager))).containsExactly("/demands/" + confidential);
    }

    @Test
    void theDigestMailsTheUnreadNewMatchesOnceInTheOwnersLanguageAndNothingToOthers() {
        String marker = unique();
        String chinese = "zh-" + marker;
        String english = "en-" + marker;
        String quiet = "q-" + marker;
        String wordsOnly = "r-" + marker;
        WebUser zh = member(chinese);
        WebUser en = member(english).inEnglish();
        WebUser nothingNew = member(quiet);
        WebUser readEverything = member(wordsOnly);
        save(zh, "每日 " + marker, marker, "demand", "DAILY");
        save(en, "weekly " + marker, marker, "demand", "WEEKLY");
        save(nothingNew, "无结果 " + marker, marker + "不存在的词", "demand", "DAILY");
        save(readEverything, "已读 " + marker, marker, "demand", "DAILY");
        WebUser author = new WebUser(port).withToken("enterprise", PASSWORD);
        long published = demand(author, marker + " 激光焊接需求", false, true);
        indexed(marker, 1);
        subscriptions.check();
        assertThat(readEverything.post("/api/v1/inbox/read-all", Map.of()).statusCode())
                .isEqualTo(204);

        digests.send(Instant.now().plus(Duration.ofDays(2)));

        MimeMessage daily = only(chinese);
        assertThat(subject(daily)).isEqualTo("科创：您订阅的检索有新结果");
        assertThat(body(daily))
                .contains("订阅者" + chinese + "，您好")
                .contains("【每日 " + marker + "】")
                .contains(marker + " 激光焊接需求")
                .contains("/demands/" + published);
        assertThat(mails(english))
                .as("a weekly digest is not due after two days")
                .isEmpty();
        assertThat(mails(quiet)).isEmpty();
        assertThat(mails(wordsOnly))
                .as("what was read in the inbox is not mailed")
                .isEmpty();

        digests.send(Instant.now().plus(Duration.ofDays(8)));

        MimeMessage weekly = only(english);
        assertThat(subject(weekly)).isEqualTo("Kechuang: new results for your saved searches");
        assertThat(body(weekly))
                .contains("Hello 订阅者" + english)
                .contains("[weekly " + marker + "]")
                .contains("/demands/" + published);
        assertThat(mails(chinese)).as("a match is mailed once").hasSize(1);
        assertThat(mails(quiet)).isEmpty();
    }

    private List<MimeMessage> mails(String username) {
        String address = username + "@example.com";
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(address))
                .toList();
    }

    private MimeMessage only(String username) {
        // the mail goes out after the commit, on another thread: on a loaded machine that takes a while
        await().atMost(Duration.ofMinutes(1)).until(() -> !mails(username).isEmpty());
        assertThat(mails(username)).hasSize(1);
        return mails(username).getFirst();
    }
}
