package org.kechuang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MatchingIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    private long cmes;
    private String topic;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
        // a word of its own per test, so that this test's records are each other's best matches
        topic = "钒液流" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "");
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private long demand(String title, String regionCode, String industryCode, boolean confidential) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "储能电站的" + topic + "电池在高倍率充放电时电解液温升过快，电堆效率下降，需要热管理与电解液配方改进。");
        body.put("technicalProblems", "降低电堆温升，提升" + topic + "储能系统能量效率。");
        body.put("industryCode", industryCode);
        body.put("regionCode", regionCode);
        body.put("confidential", confidential);
        body.put("stationId", cmes);
        return published(as("enterprise"), "/api/v1/demands", body);
    }

    private long achievement(String title, String regionCode, String industryCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "面向储能电站的" + topic + "电池电解液配方与电堆热管理技术，高倍率充放电下温升降低，能量效率提升。");
        body.put("keywords", List.of(topic + "电池", "热管理", "储能"));
        body.put("industryCode", industryCode);
        body.put("regionCode", regionCode);
        body.put("trl", 6);
        body.put("stationId", cmes);
        return published(as("expert"), "/api/v1/achievements", body);
    }

    private static long published(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        HttpResponse<String> submitted = author.post(path + "/" + id + "/submit", Map.of());
        assertThat(WebUser.read(submitted).get("status").asString())
                .as(submitted.body())
                .isEqualTo("PUBLISHED");
        return id;
    }

    private static List<JsonNode> results(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> results = new ArrayList<>();
        WebUser.read(response).get("results").forEach(results::add);
        return results;
    }

    private static List<Long> ids(List<JsonNode> results) {
        return results.stream().map(result -> result.get("id").asLong()).toList();
    }

    /** Matching follows the libraries after commit: waits until the record's matches include {@code expected}. */
    private List<JsonNode> matchesOnceIndexed(WebUser user, String path, long expected) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            HttpResponse<String> response = user.get(path);
                            return response.statusCode() == 200 ? results(response) : List.<JsonNode>of();
                        },
                        found -> ids(found).contains(expected));
    }

    /** The GB/T 4754 section of a code, as the reference data says. */
    private String section(String code) {
        String current = code;
        while (true) {
            JsonNode industry = WebUser.read(new WebUser(port).get("/api/v1/reference/industries/" + current));
            if (industry.path("parentCode").isNull()
                    || industry.path("parentCode").isMissingNode()) {
                return current;
            }
            current = industry.get("parentCode").asString();
        }
    }

    @Test
    void everyStatedReasonHoldsForItsPair() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long sameCity = achievement(topic + "电池电堆热管理技术", "330203", "38");
        long neighbour = achievement(topic + "电解液配方", "310115", "39");
        long faraway = achievement(topic + "储能系统能量效率提升", "110108", "44");

        WebUser enterprise = as("enterprise");
        List<JsonNode> results =
                matchesOnceIndexed(enterprise, "/api/v1/demands/" + demand + "/matches?target=achievement", faraway);
        assertThat(ids(results)).contains(sameCity, neighbour);

        JsonNode demandRecord = WebUser.read(enterprise.get("/api/v1/demands/" + demand));
        String demandText = (demandRecord.get("title").asString()
                        + demandRecord.get("background").asString()
                        + demandRecord.get("technicalProblems").asString())
                .toLowerCase(Locale.ROOT);
        int concepts = 0;
        for (JsonNode result : results) {
            JsonNode target = WebUser.read(
                    enterprise.get("/api/v1/achievements/" + result.get("id").asLong()));
            StringBuilder keywords = new StringBuilder();
            target.get("keywords")
                    .forEach(keyword -> keywords.append(keyword.asString()).append(' '));
            String targetText = (target.get("title").asString()
                            + target.get("description").asString()
                            + keywords)
                    .toLowerCase(Locale.ROOT);
            String demandRegion = demandRecord.get("regionCode").asString();
            String targetRegion = target.path("regionCode").asString("");
            String demandIndustry = demandRecord.get("industryCode").asString();
            String targetIndustry = target.path("industryCode").asString("");
            for (JsonNode reason : result.get("reasons")) {
                switch (reason.get("code").asString()) {
                    case "concepts" -> {
                        for (JsonNode term : reason.get("terms")) {
                            assertThat(demandText).contains(term.asString());
                            assertThat(targetText).contains(term.asString());
                            concepts++;
                        }
                    }
                    case "region" -> {
                        String text = reason.get("text").asString();
                        if (text.startsWith("同城")) {
                            assertThat(targetRegion.substring(0, 4)).isEqualTo(demandRegion.substring(0, 4));
                        } else if (text.startsWith("同省")) {
                            assertThat(targetRegion.substring(0, 2)).isEqualTo(demandRegion.substring(0, 2));
                        } else {
                            assertThat(text).startsWith("相邻省份");
                            assertThat(targetRegion.substring(0, 2)).isNotEqualTo(demandRegion.substring(0, 2));
                        }
                    }
                    case "industry" -> {
                        String common = reason.get("value").asString();
                        if (Character.isLetter(common.charAt(0))) {
                            assertThat(section(demandIndustry)).isEqualTo(common);
                            assertThat(section(targetIndustry)).isEqualTo(common);
                        } else {
                            assertThat(demandIndustry).startsWith(common);
                            assertThat(targetIndustry).startsWith(common);
                        }
                    }
                    case "maturity" ->
                        assertThat(reason.get("value").asInt())
                                .isEqualTo(target.get("trl").asInt());
                    default -> {
                        // subject similarity: a measured number, not a relation
                    }
                }
            }
        }
        assertThat(concepts).isPositive();
        JsonNode city = results.get(ids(results).indexOf(sameCity));
        assertThat(city.get("reasons").valueStream().map(r -> r.get("text").asString()))
                .anySatisfy(text -> assertThat(text).startsWith("同城"))
                .anySatisfy(text -> assertThat(text).startsWith("同属行业"));
        JsonNode shanghai = results.get(ids(results).indexOf(neighbour));
        assertThat(shanghai.get("reasons").valueStream().map(r -> r.get("text").asString()))
                .anySatisfy(text -> assertThat(text).isEqualTo("相邻省份：浙江省、上海市"));
        JsonNode beijing = results.get(ids(results).indexOf(faraway));
        assertThat(beijing.get("reasons").valueStream().map(r -> r.get("code").asString()))
                .doesNotContain("region", "industry");
    }

    @Test
    void aConfidentialDemandIsMatchedOnlyForThoseEntitledToSeeIt() {
        long achievement = achievement(topic + "电池电堆热管理技术", "330100", "38");
        long confidential = demand(topic + "保密储能需求", "330100", "38", true);
        WebUser manager = as("manager");

        // the demand's owner and technology managers see it, and it is proposed to them
        List<JsonNode> forManager =
                matchesOnceIndexed(manager, "/api/v1/achievements/" + achievement + "/matches", confidential);
        assertThat(ids(forManager)).contains(confidential);
        assertThat(as("enterprise")
                        .get("/api/v1/demands/" + confidential + "/matches")
                        .statusCode())
                .isEqualTo(200);
        // other members and visitors neither get its matches nor find it proposed
        assertThat(as("expert")
                        .get("/api/v1/demands/" + confidential + "/matches")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new WebUser(port)
                        .get("/api/v1/demands/" + confidential + "/matches")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ids(results(as("expert").get("/api/v1/achievements/" + achievement + "/matches?limit=50"))))
                .doesNotContain(confidential);
        assertThat(ids(results(new WebUser(port).get("/api/v1/achievements/" + achievement + "/matches?limit=50"))))
                .doesNotContain(confidential);
    }

    @Test
    void aDeclinedProposalSinksInLaterRankingsAndSaysWhy() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long first = achievement(topic + "电池电堆热管理技术", "330203", "38");
        long second = achievement(topic + "电池电解液配方与热管理", "330203", "38");
        WebUser enterprise = as("enterprise");
        String path = "/api/v1/demands/" + demand + "/matches?target=achievement&limit=20";
        await().atMost(Duration.ofMinutes(2))
                .until(() -> ids(matchesOnceIndexed(enterprise, path, first)).contains(second));
        List<Long> before = ids(results(enterprise.get(path)));
        long declined = before.getFirst();

        assertThat(as("expert")
                        .post(
                                "/api/v1/demands/" + demand + "/matches/feedback",
                                Map.of(
                                        "targetType",
                                        "achievement",
                                        "targetId",
                                        declined,
                                        "verdict",
                                        "DECLINED",
                                        "reason",
                                        "ALREADY_KNOWN"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> decided = enterprise.post(
                "/api/v1/demands/" + demand + "/matches/feedback",
                Map.of(
                        "targetType",
                        "achievement",
                        "targetId",
                        declined,
                        "verdict",
                        "DECLINED",
                        "reason",
                        "ALREADY_KNOWN"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        List<JsonNode> after = results(enterprise.get(path));
        List<Long> afterIds = ids(after);
        assertThat(afterIds.indexOf(declined) == -1 || afterIds.indexOf(declined) > before.indexOf(declined))
                .as("declined %d: before %s, after %s", declined, before, afterIds)
                .isTrue();
        if (afterIds.contains(declined)) {
            assertThat(after.get(afterIds.indexOf(declined))
                            .get("reasons")
                            .valueStream()
                            .map(r -> r.get("code").asString()))
                    .contains("declined");
        }
    }

    @Test
    void thePreviewProposesForATextNotYetSaved() {
        long achievement = achievement(topic + "电池电堆热管理技术", "330100", "38");
        WebUser enterprise = as("enterprise");
        List<JsonNode> results = await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> results(enterprise.post(
                                "/api/v1/matching/preview",
                                Map.of("text", topic + "电池电堆温升过快，需要热管理", "target", "achievement", "limit", 5))),
                        found -> ids(found).contains(achievement));
        assertThat(results).hasSizeLessThanOrEqualTo(5);
        HttpResponse<String> unknownTarget =
                enterprise.post("/api/v1/matching/preview", Map.of("text", "热管理", "target", "planet"));
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
    }

    /** The panel fragment (as htmx loads it) once it proposes {@code expected}. */
    private org.jsoup.nodes.Document panelOnceIndexed(WebUser user, String path, long expected) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> WebUser.html(user.get(path)),
                        panel -> !panel.select("li.match-result[data-id=" + expected + "]")
                                .isEmpty());
    }

    @Test
    void theDemandPagePanelShowsTheProposalsWithTheirReasonsAndTakesADecline() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long sameCity = achievement(topic + "电池电堆热管理技术", "330203", "38");
        WebUser owner = new WebUser(port).signedIn("enterprise", PASSWORD);

        org.jsoup.nodes.Document page = WebUser.html(owner.get("/demands/" + demand));
        assertThat(page.getElementById("match-panel").attr("hx-get")).isEqualTo("/matching/panel/demand/" + demand);
        String panelPath = "/matching/panel/demand/" + demand;
        org.jsoup.nodes.Document panel = panelOnceIndexed(owner, panelPath, sameCity);

        assertThat(panel.getElementById("match-panel-heading").text()).isEqualTo("推荐成果");
        org.jsoup.nodes.Element result = panel.selectFirst("li.match-result[data-id=" + sameCity + "]");
        assertThat(result.selectFirst("a.match-title").attr("href")).isEqualTo("/achievements/" + sameCity);
        assertThat(result.selectFirst("a.match-title").text()).isEqualTo(topic + "电池电堆热管理技术");
        JsonNode demandRecord = WebUser.read(as("enterprise").get("/api/v1/demands/" + demand));
        String demandText = demandRecord.get("title").asString()
                + demandRecord.get("background").asString()
                + demandRecord.get("technicalProblems").asString();
        JsonNode achievementRecord = WebUser.read(as("enterprise").get("/api/v1/achievements/" + sameCity));
        String achievementText = achievementRecord.get("title").asString()
                + achievementRecord.get("description").asString()
                + achievementRecord.get("keywords").toString();
        assertThat(result.select(".match-reason-concepts .chip")).isNotEmpty().allSatisfy(chip -> {
            assertThat(demandText).contains(chip.text());
            assertThat(achievementText).contains(chip.text());
        });
        assertThat(result.select(".match-reason-region").text()).startsWith("同城");
        assertThat(result.select(".match-reason-industry").text()).startsWith("同属行业");
        assertThat(result.select(".match-reason-maturity").text()).contains("TRL 6");
        // the owner may decide; the tabs switch to experts and organizations
        assertThat(result.select("form button.match-decline")).hasSize(1);
        assertThat(result.select("form input[name=_csrf]")).isNotEmpty();
        assertThat(panel.select(".match-targets a").eachAttr("hx-get"))
                .contains(panelPath + "?target=expert", panelPath + "?target=organization");
        // a visitor sees the proposals, but no buttons
        org.jsoup.nodes.Document visitors = panelOnceIndexed(new WebUser(port), panelPath, sameCity);
        assertThat(visitors.select("li.match-result form")).isEmpty();

        HttpResponse<String> declined = owner.submit(
                panelPath,
                "li.match-result[data-id=" + sameCity + "] form:has(button.match-decline)",
                Map.of("reason", "ALREADY_KNOWN"));
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(WebUser.location(declined)).endsWith("/demands/" + demand);
        org.jsoup.nodes.Element after = WebUser.html(owner.get(panelPath + "?target=achievement"))
                .selectFirst("li.match-result[data-id=" + sameCity + "]");
        if (after != null) {
            assertThat(after.select(".match-reason-declined").text()).isEqualTo("此前已谢绝（已经了解），排序靠后");
        }
        assertThat(WebUser.read(as("enterprise").get("/api/v1/demands/" + demand + "/matches?limit=50"))
                        .get("results")
                        .valueStream()
                        .filter(r -> r.get("id").asLong() == sameCity)
                        .flatMap(r -> r.get("reasons").valueStream())
                        .map(r -> r.get("code").asString()))
                .contains("declined");
    }

    @Test
    void aPanelProposesAConfidentialDemandOnlyToThoseEntitledToSeeIt() {
        long achievement = achievement(topic + "电池电堆热管理技术", "330100", "38");
        long confidential = demand(topic + "保密储能需求", "330100", "38", true);
        String panelPath = "/matching/panel/achievement/" + achievement;

        org.jsoup.nodes.Document managers =
                panelOnceIndexed(new WebUser(port).signedIn("manager", PASSWORD), panelPath, confidential);
        assertThat(managers.getElementById("match-panel-heading").text()).isEqualTo("可对接的需求");
        assertThat(WebUser.html(new WebUser(port).signedIn("manager", PASSWORD).get(panelPath + "?lang=en"))
                        .getElementById("match-panel-heading")
                        .text())
                .isEqualTo("Demands it could serve");
        assertThat(WebUser.html(new WebUser(port).get(panelPath))
                        .select("li.match-result[data-id=" + confidential + "]"))
                .isEmpty();
        assertThat(WebUser.html(new WebUser(port).signedIn("expert", PASSWORD).get(panelPath))
                        .select("li.match-result[data-id=" + confidential + "]"))
                .isEmpty();
        // the confidential demand's own panel says nothing to a visitor
        org.jsoup.nodes.Document hidden = WebUser.html(new WebUser(port).get("/matching/panel/demand/" + confidential));
        assertThat(hidden.select("li.match-result")).isEmpty();
        assertThat(hidden.getElementById("match-none")).isNotNull();
    }
}
