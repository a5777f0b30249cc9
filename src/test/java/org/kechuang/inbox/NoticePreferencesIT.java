package org.kechuang.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/**
 * Each user chooses per notice kind which channels they receive, starting from the kind's defaults, on the page and
 * through the API; an unknown kind, channel or language is refused with its field and nothing is written.
 */
@IntegrationTest
class NoticePreferencesIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private String account() {
        String name = "prefs-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        accounts.ensure(name, name + "@example.com", PASSWORD, "设置者" + name, Set.of(Role.EXPERT));
        return name;
    }

    private static JsonNode preferences(WebUser user) {
        HttpResponse<String> response = user.get("/api/v1/inbox/preferences");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    private static JsonNode kind(JsonNode preferences, String kind) {
        return preferences
                .get("kinds")
                .valueStream()
                .filter(k -> k.get("kind").asString().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kind " + kind + " in " + preferences));
    }

    private static String channels(JsonNode preferences, String kind) {
        return kind(preferences, kind).get("channels").toString();
    }

    private static HttpResponse<String> put(WebUser user, String body) {
        return user.put("/api/v1/inbox/preferences", WebUser.JSON.readTree(body));
    }

    @Test
    void anAccountThatNeverChoseFollowsEachKindsDefaultsInChineseByDefault() {
        WebUser user = new WebUser(port).withToken(account(), PASSWORD);

        JsonNode chosen = preferences(user);

        assertThat(chosen.get("language").asString()).isEqualTo("zh-CN");
        JsonNode savedSearch = kind(chosen, "knowledge.saved-search");
        assertThat(savedSearch.get("label").asString()).isEqualTo("保存的检索有新结果");
        assertThat(savedSearch.get("channels").toString()).isEqualTo("[\"INBOX\"]");
        assertThat(savedSearch.get("defaults").toString()).isEqualTo("[\"INBOX\"]");
        assertThat(channels(chosen, MailedNoticeKind.KIND)).isEqualTo("[\"INBOX\",\"EMAIL\"]");
        assertThat(kind(preferences(user.inEnglish()), "knowledge.saved-search")
                        .get("label")
                        .asString())
                .isEqualTo("New results of a saved search");
    }

    @Test
    void theChoiceIsKeptPerKindAndKindsLeftOutKeepTheirs() {
        WebUser user = new WebUser(port).withToken(account(), PASSWORD);

        HttpResponse<String> changed = put(user, """
                {"language":"en","kinds":[{"kind":"knowledge.saved-search","channels":["EMAIL","INBOX"]}]}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        put(user, "{\"kinds\":[{\"kind\":\"test.mailed\",\"channels\":[]}]}");

        JsonNode chosen = preferences(user);
        assertThat(chosen.get("language").asString()).isEqualTo("en");
        assertThat(channels(chosen, "knowledge.saved-search")).isEqualTo("[\"INBOX\",\"EMAIL\"]");
        assertThat(channels(chosen, MailedNoticeKind.KIND)).isEqualTo("[]");
        WebUser other = new WebUser(port).withToken(account(), PASSWORD);
        assertThat(channels(preferences(other), "knowledge.saved-search")).isEqualTo("[\"INBOX\"]");
    }

    @Test
    void anUnknownKindChannelOrLanguageIsRefusedWithItsFieldAndNothingIsWritten() {
        WebUser user = new WebUser(port).withToken(account(), PASSWORD);

        HttpResponse<String> unknownKind = put(user, """
                {"language":"en","kinds":[{"kind":"test.mailed","channels":[]},
                 {"kind":"brokerage.nothing","channels":["INBOX"]}]}""");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = WebUser.read(unknownKind);
        assertThat(problem.get("key").asString()).isEqualTo("inbox.preferences.kind-unknown");
        assertThat(problem.get("field").asString()).isEqualTo("kinds[1].kind");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("kinds[1].kind");
        assertThat(problem.get("detail").asString()).isEqualTo("没有“brokerage.nothing”这类通知");
        JsonNode unchanged = preferences(user);
        assertThat(unchanged.get("language").asString()).isEqualTo("zh-CN");
        assertThat(channels(unchanged, MailedNoticeKind.KIND)).isEqualTo("[\"INBOX\",\"EMAIL\"]");

        HttpResponse<String> unknownChannel = user.inEnglish()
                .put(
                        "/api/v1/inbox/preferences",
                        WebUser.JSON.readTree("{\"kinds\":[{\"kind\":\"test.mailed\",\"channels\":[\"SMS\"]}]}"));
        JsonNode channelProblem = WebUser.read(unknownChannel);
        assertThat(unknownChannel.statusCode()).isEqualTo(400);
        assertThat(channelProblem.get("key").asString()).isEqualTo("inbox.preferences.channel-unknown");
        assertThat(channelProblem.get("field").asString()).isEqualTo("kinds[0].channels");
        assertThat(channelProblem.get("detail").asString())
                .isEqualTo("There is no channel \"SMS\": choose INBOX or EMAIL");

        JsonNode languageProblem = WebUser.read(put(user, "{\"language\":\"fr\"}"));
        assertThat(languageProblem.get("key").asString()).isEqualTo("inbox.preferences.language-invalid");
        assertThat(languageProblem.get("field").asString()).isEqualTo("language");

        JsonNode repeated = WebUser.read(put(user, """
                {"kinds":[{"kind":"test.mailed","channels":[]},{"kind":"test.mailed","channels":["INBOX"]}]}"""));
        assertThat(repeated.get("key").asString()).isEqualTo("inbox.preferences.kind-repeated");
        assertThat(repeated.get("field").asString()).isEqualTo("kinds[1].kind");

        JsonNode missing = WebUser.read(put(user, "{\"kinds\":[{\"kind\":\"test.mailed\"}]}"));
        assertThat(missing.get("key").asString()).isEqualTo("inbox.preferences.channels-required");
        assertThat(missing.get("field").asString()).isEqualTo("kinds[0].channels");
        assertThat(channels(preferences(user), MailedNoticeKind.KIND)).isEqualTo("[\"INBOX\",\"EMAIL\"]");
    }

    @Test
    void thePageShowsACheckboxPerKindAndChannelAndSavesTheTickedOnes() {
        String name = account();
        WebUser browser = new WebUser(port).signedIn(name, PASSWORD);

        Document page = WebUser.html(browser.get("/inbox/preferences"));
        assertThat(page.select("#preferences-kinds tr[data-kind=\"knowledge.saved-search\"] th")
                        .text())
                .isEqualTo("保存的检索有新结果");
        assertThat(page.select("tr[data-kind=\"knowledge.saved-search\"] input[name=inbox]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(page.select("tr[data-kind=\"knowledge.saved-search\"] input[name=email]")
                        .hasAttr("checked"))
                .isFalse();
        assertThat(page.select("tr[data-kind=\"test.mailed\"] input[name=email]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(page.select("#preferences-language option[selected]").val()).isEqualTo("zh-CN");
        assertThat(WebUser.html(browser.get("/inbox"))
                        .select("#inbox-preferences-link")
                        .attr("href"))
                .isEqualTo("/inbox/preferences");

        // the form's hidden fields name the shown kind; only its e-mail box is ticked
        HttpResponse<String> saved = browser.submit(
                "/inbox/preferences",
                "preferences-form",
                Map.of("kind", MailedNoticeKind.KIND, "email", MailedNoticeKind.KIND, "language", "en"));
        assertThat(saved.statusCode()).isEqualTo(302);

        Document after = WebUser.html(browser.get("/inbox/preferences"));
        assertThat(after.select("#preferences-saved")).hasSize(1);
        assertThat(after.select("tr[data-kind=\"test.mailed\"] input[name=inbox]")
                        .hasAttr("checked"))
                .isFalse();
        assertThat(after.select("tr[data-kind=\"test.mailed\"] input[name=email]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(after.select("#preferences-language option[selected]").val()).isEqualTo("en");
        JsonNode api = preferences(new WebUser(port).withToken(name, PASSWORD));
        assertThat(channels(api, MailedNoticeKind.KIND)).isEqualTo("[\"EMAIL\"]");
        assertThat(channels(api, "knowledge.saved-search")).isEqualTo("[\"INBOX\"]");
    }
}
