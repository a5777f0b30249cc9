package org.kechuang.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
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
 * The workbench over real HTTP: each member sees their own records and what the platform recommends for them, with
 * the reasons; visitors are sent to sign in. Fresh accounts per test, so that the panels hold exactly this test's
 * records.
 */
@IntegrationTest
class WorkbenchIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stations stations;

    private long cmes;
    private String topic;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
        // a word of its own per test, so that this test's records are each other's best matches
        topic = "钠硫" + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 4);
    }

    private String account(Role role) {
        String name = "wb-" + role.name().toLowerCase() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(name, name + "@example.com", PASSWORD, "工作台 " + name, Set.of(role));
        return name;
    }

    private WebUser api(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private WebUser browser(String username) {
        return new WebUser(port).signedIn(username, PASSWORD);
    }

    private long demand(WebUser author, String title, boolean confidential, boolean publish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "储能电站的" + topic + "电池在高温运行时密封件老化，电池寿命下降，需要密封材料与热管理改进。");
        body.put("technicalProblems", "延长" + topic + "电池寿命，提升储能系统安全性。");
        body.put("industryCode", "38");
        body.put("regionCode", "330200");
        body.put("confidential", confidential);
        body.put("stationId", cmes);
        return created(author, "/api/v1/demands", body, publish);
    }

    private long achievement(WebUser author, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "面向储能电站的" + topic + "电池密封材料与热管理技术，高温运行下电池寿命延长，安全性提升。");
        body.put("keywords", List.of(topic + "电池", "密封材料", "储能"));
        body.put("industryCode", "38");
        body.put("regionCode", "330203");
        body.put("trl", 6);
        body.put("stationId", cmes);
        return created(author, "/api/v1/achievements", body, true);
    }

    private long profile(WebUser expert, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("affiliation", "宁波大学材料科学与化学工程学院");
        body.put("researchFields", List.of(topic + "电池", "储能电池密封材料"));
        body.put("keywords", List.of(topic + "电池", "热管理"));
        body.put("regionCode", "330200");
        body.put("introduction", "长期从事储能电站" + topic + "电池密封材料与热管理研究，延长电池寿命。");
        body.put("stationId", cmes);
        return created(expert, "/api/v1/experts", body, true);
    }

    private static long created(WebUser author, String path, Map<String, Object> body, boolean publish) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        if (publish) {
            HttpResponse<String> submitted = author.post(path + "/" + id + "/submit", Map.of());
            assertThat(WebUser.read(submitted).get("status").asString())
                    .as(submitted.body())
                    .isEqualTo("PUBLISHED");
        }
        return id;
    }

    private static List<JsonNode> groups(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> groups = new ArrayList<>();
        WebUser.read(response).get("groups").forEach(groups::add);
        return groups;
    }

    private static JsonNode group(List<JsonNode> groups, String type, long id, String target) {
        return groups.stream()
                .filter(g -> g.get("source").get("type").asString().equals(type)
                        && g.get("source").get("id").asLong() == id
                        && g.get("target").asString().equals(target))
                .findFirst()
                .orElse(null);
    }

    private static List<Long> ids(JsonNode group) {
        List<Long> ids = new ArrayList<>();
        if (group != null) {
            group.get("results").forEach(result -> ids.add(result.get("id").asLong()));
        }
        return ids;
    }

    /** Matching follows the libraries after commit: waits until the user's recommendations for the record hold it. */
    private List<JsonNode> recommendedOnceIndexed(
            WebUser user, String type, long source, String target, long expected) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> groups(user.get("/api/v1/me/recommendations?limit=20")),
                        found -> ids(group(found, type, source, target)).contains(expected));
    }

    private static Element panel(Document page, String id) {
        Element panel = page.getElementById(id);
        assertThat(panel).as(id + " in\n" + page.select("main")).isNotNull();
        return panel;
    }

    @Test
    void anEnterpriseSeesItsDemandsAndTheAchievementsRecommendedForThemWithTheirReasons() {
        String enterprise = account(Role.ENTERPRISE);
        WebUser owner = api(enterprise);
        long published = demand(owner, topic + "储能电池密封需求", false, true);
        long draft = demand(owner, topic + "电池回收需求草稿", false, false);
        long offered = achievement(api(account(Role.EXPERT)), topic + "电池密封材料与热管理技术");

        List<JsonNode> groups = recommendedOnceIndexed(owner, "demand", published, "achievement", offered);
        JsonNode forDemand = group(groups, "demand", published, "achievement");
        assertThat(forDemand.get("source").get("title").asString()).isEqualTo(topic + "储能电池密封需求");
        assertThat(forDemand.get("source").get("link").asString()).isEqualTo("/demands/" + published);
        JsonNode proposal = forDemand.get("results").get(ids(forDemand).indexOf(offered));
        assertThat(proposal.get("link").asString()).isEqualTo("/achievements/" + offered);
        assertThat(proposal.get("reasons").valueStream().map(r -> r.get("code").asString()))
                .contains("concepts", "region", "industry", "maturity");
        assertThat(group(groups, "demand", published, "expert")).isNotNull();
        // only published demands are recommended for: not the draft
        assertThat(groups).noneMatch(g -> g.get("source").get("id").asLong() == draft);

        Document page = WebUser.html(browser(enterprise).get("/workbench"));
        Element mine = panel(page, "panel-demand");
        assertThat(mine.selectFirst("h2").text()).isEqualTo("我的需求");
        assertThat(mine.select("tr[data-id=" + published + "]").text()).contains(topic + "储能电池密封需求", "已发布");
        assertThat(mine.select("tr[data-id=" + draft + "]").text()).contains(topic + "电池回收需求草稿", "草稿");
        assertThat(mine.select("tr[data-id=" + published + "] a").attr("href")).isEqualTo("/demands/" + published);

        Element recommended = panel(page, "panel-matching");
        assertThat(recommended.selectFirst("h2").text()).isEqualTo("为你推荐");
        Element group =
                recommended.selectFirst(".recommendation-group[data-id=" + published + "][data-target=achievement]");
        assertThat(group).isNotNull();
        assertThat(group.selectFirst("h3 a").attr("href")).isEqualTo("/demands/" + published);
        Element result = group.selectFirst("li.match-result[data-id=" + offered + "]");
        assertThat(result).as(group.outerHtml()).isNotNull();
        assertThat(result.selectFirst("a.match-title").attr("href")).isEqualTo("/achievements/" + offered);
        assertThat(result.select(".match-reason-concepts .chip")).isNotEmpty();
        assertThat(result.select(".match-reason-region").text()).startsWith("同城");
        // an enterprise without achievements or a profile gets neither panel
        assertThat(page.getElementById("panel-achievement")).isNull();
        assertThat(page.getElementById("panel-expert")).isNull();
        // the navigation leads here
        assertThat(page.select("nav a[href=/workbench]").text()).isEqualTo("工作台");

        Document english = WebUser.html(browser(enterprise).inEnglish().get("/workbench?lang=en"));
        assertThat(panel(english, "panel-matching").selectFirst("h2").text()).isEqualTo("Recommended for you");
        assertThat(panel(english, "panel-demand").selectFirst("h2").text()).isEqualTo("My demands");
    }

    @Test
    void anExpertSeesTheDemandsRecommendedForTheirProfileAndAchievementButNotAConfidentialOne() {
        String expertName = account(Role.EXPERT);
        WebUser expert = api(expertName);
        long own = profile(expert, "王" + topic);
        long offered = achievement(expert, topic + "电池密封材料与热管理技术");
        WebUser enterprise = api(account(Role.ENTERPRISE));
        long confidential = demand(enterprise, topic + "保密储能电池密封需求", true, true);
        long open = demand(enterprise, topic + "储能电池密封需求", false, true);
        // the confidential demand is in the matching index: its owner gets its matches
        await().atMost(Duration.ofMinutes(2))
                .until(() -> enterprise
                                .get("/api/v1/demands/" + confidential + "/matches")
                                .statusCode()
                        == 200);

        List<JsonNode> groups = recommendedOnceIndexed(expert, "expert", own, "demand", open);
        groups = await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> groups(expert.get("/api/v1/me/recommendations?limit=20")),
                        found -> ids(group(found, "achievement", offered, "demand"))
                                .contains(open));
        JsonNode forProfile = group(groups, "expert", own, "demand");
        JsonNode proposal = forProfile.get("results").get(ids(forProfile).indexOf(open));
        assertThat(proposal.get("link").asString()).isEqualTo("/demands/" + open);
        assertThat(proposal.get("reasons")).isNotEmpty();
        for (JsonNode reason : proposal.get("reasons")) {
            assertThat(reason.get("text").asString()).isNotBlank();
        }
        for (JsonNode each : groups) {
            assertThat(ids(each)).doesNotContain(confidential);
        }

        Document page = WebUser.html(browser(expertName).get("/workbench"));
        assertThat(panel(page, "panel-expert").select("tr[data-id=" + own + "]").text())
                .contains("王" + topic, "已发布");
        assertThat(panel(page, "panel-achievement")
                        .select("tr[data-id=" + offered + "]")
                        .text())
                .contains(topic + "电池密封材料与热管理技术", "已发布");
        Element recommended = panel(page, "panel-matching");
        Element forExpert = recommended.selectFirst(".recommendation-group[data-type=expert][data-id=" + own + "]");
        assertThat(forExpert.selectFirst("h3").text()).contains("与您的专家档案匹配的需求", "王" + topic);
        assertThat(forExpert.select("li.match-result[data-id=" + open + "] .match-reason"))
                .isNotEmpty();
        assertThat(recommended.select("li.match-result[data-type=demand][data-id=" + confidential + "]"))
                .isEmpty();
        assertThat(page.getElementById("panel-demand")).isNull();
    }

    @Test
    void anEnterpriseWithNothingPublishedIsToldToPostADemand() {
        String enterprise = account(Role.ENTERPRISE);
        assertThat(groups(api(enterprise).get("/api/v1/me/recommendations"))).isEmpty();

        Document page = WebUser.html(browser(enterprise).get("/workbench"));
        Element recommended = panel(page, "panel-matching");
        assertThat(recommended.getElementById("recommendations-none").text()).contains("发布的技术需求");
        assertThat(recommended.getElementById("recommendations-post-demand").attr("href"))
                .isEqualTo("/demands/new");
        assertThat(recommended.getElementById("recommendations-offer")).isNull();
        assertThat(panel(page, "panel-demand").getElementById("my-demands-post").attr("href"))
                .isEqualTo("/demands/new");
    }

    @Test
    void aReviewerWithoutRecordsSeesAnEmptyWorkbenchThatSaysSo() {
        Document page = WebUser.html(browser(account(Role.REVIEWER)).get("/workbench"));
        assertThat(page.select("section.workbench-panel")).isEmpty();
        assertThat(page.getElementById("workbench-empty").text()).contains("工作台还是空的");
    }

    @Test
    void aVisitorIsSentToSignIn() {
        WebUser visitor = new WebUser(port);
        HttpResponse<String> page = visitor.get("/workbench");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(WebUser.location(page)).endsWith("/login");
        assertThat(visitor.get("/api/v1/me/recommendations").statusCode()).isEqualTo(401);
        assertThat(WebUser.html(visitor.get("/")).select("nav a[href=/workbench]"))
                .isEmpty();
    }

    @Test
    void aLimitOutOfRangeIsRefusedWithItsField() {
        HttpResponse<String> refused = api(account(Role.ENTERPRISE)).get("/api/v1/me/recommendations?limit=51");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = WebUser.read(refused);
        assertThat(problem.get("key").asString()).isEqualTo("matching.limit");
        assertThat(problem.get("field").asString()).isEqualTo("limit");
    }
}
