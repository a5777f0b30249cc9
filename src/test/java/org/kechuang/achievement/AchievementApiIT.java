package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AchievementApiIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Achievements achievements;

    private WebUser expert;
    private WebUser visitor;
    private long cmes;

    @BeforeEach
    void signIn() {
        expert = new WebUser(port).withToken("expert", PASSWORD);
        visitor = new WebUser(port);
        cmes = stations.findByCode("cmes").orElseThrow().id();
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> body(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "提出一种融合振动信号时频特征的轴承故障诊断方法，诊断准确率达 98%。");
        body.put("keywords", List.of("故障诊断", "深度学习"));
        body.put("technologyField", "智能制造");
        body.put("trl", "6");
        body.put("patents", List.of("ZL 2017 1 0601862.3", "CN114123456A"));
        body.put("transferModes", List.of("LICENSE", "技术转让"));
        body.put("priceMin", "100");
        body.put("priceMax", "300");
        body.put("inventors", List.of(Map.of("name", "李明", "expertId", 15), Map.of("name", "张华")));
        body.put("regionCode", "330100");
        body.put("stationId", cmes);
        return body;
    }

    private long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    @Test
    void anExpertOffersAnAchievementThatVisitorsFindByMaturityAndPatent() {
        String title = "轴承故障诊断 " + unique();
        long id = created(expert.post("/api/v1/achievements", body(title)));
        assertThat(visitor.get("/api/v1/achievements/" + id).statusCode()).isEqualTo(404);

        HttpResponse<String> submitted = expert.post("/api/v1/achievements/" + id + "/submit", Map.of());
        assertThat(WebUser.read(submitted).get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode seen = WebUser.read(visitor.get("/api/v1/achievements/" + id));
        assertThat(seen.get("patents").valueStream().map(JsonNode::asString))
                .containsExactly("ZL201710601862.3", "CN114123456A");
        assertThat(seen.get("trl").asInt()).isEqualTo(6);
        assertThat(seen.get("trlName").asString()).isEqualTo("相关环境下的系统或分系统原型演示");
        assertThat(seen.get("inventors").get(0).get("expertId").asLong()).isEqualTo(15);

        String query = "/api/v1/achievements?q=" + title.substring(7) + "&trl=5&mode=LICENSE&region=330000";
        assertThat(WebUser.read(visitor.get(query)).get("total").asLong()).isEqualTo(1);
        assertThat(WebUser.read(visitor.get("/api/v1/achievements?q=" + title.substring(7) + "&trl=7"))
                        .get("total")
                        .asLong())
                .isZero();
        JsonNode byPatent =
                WebUser.read(visitor.get("/api/v1/achievements?patent=CN201710601862&q=" + title.substring(7)));
        assertThat(byPatent.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aWrongCheckDigitAndADemandOnlyModeAreRefusedByField() {
        long before = achievements.count();
        Map<String, Object> body = body("错误专利号 " + unique());
        body.put("patents", List.of("CN202310123456.7"));
        body.put("transferModes", List.of("OPEN_COMPETITION"));

        HttpResponse<String> refused = expert.inEnglish().post("/api/v1/achievements", body);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = WebUser.read(refused).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("patents");
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("The check digit of \"CN202310123456.7\" is wrong: for this application number it is 6.");
        assertThat(errors.get(1).get("key").asString()).isEqualTo("achievement.mode.not-offered");
        assertThat(achievements.count()).isEqualTo(before);
    }

    @Test
    void enterpriseMembersDoNotOfferAchievements() {
        assertThat(as("enterprise")
                        .post("/api/v1/achievements", body("企业不可发布 " + unique()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.post("/api/v1/achievements", body("访客不可发布")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anImportNeedsOnlyTitleDescriptionAndKeywordsAndNeverDuplicates() {
        String source = "csl-" + unique();
        AchievementDraft minimal = AchievementDraft.of("基于图神经网络的交通流预测 " + source, "提出一种时空图卷积模型。", List.of("交通流"));

        Achievements.Upserted first = achievements.upsertFromImport(minimal, new Provenance(cmes, "csl", source, 5L));
        Achievements.Upserted again = achievements.upsertFromImport(minimal, new Provenance(cmes, "csl", source, 6L));

        assertThat(first.change()).isEqualTo(Achievements.Change.INSERTED);
        assertThat(again).isEqualTo(new Achievements.Upserted(first.id(), Achievements.Change.UNCHANGED));
        JsonNode stored = WebUser.read(visitor.get("/api/v1/achievements/" + first.id()));
        assertThat(stored.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(stored.get("keywords").get(0).asString()).isEqualTo("交通流");
    }

    @Test
    void theFormListsEveryRefusalBesideItsField() {
        WebUser browser = new WebUser(port).signedIn("expert", PASSWORD);

        HttpResponse<String> refused = browser.submit(
                "/achievements/new",
                "achievement-form",
                Map.of("title", "成果", "description", "摘要", "patents", "CN202310123456.7", "trl", "12"));

        Document form = WebUser.html(refused);
        assertThat(form.getElementById("patents-error").text()).isEqualTo("专利号“CN202310123456.7”的校验位不对，按申请号计算应为 6。");
        assertThat(form.getElementById("trl-error").text()).contains("12");

        HttpResponse<String> saved = browser.submit(
                "/achievements/new",
                "achievement-form",
                Map.of(
                        "title", "網頁成果 " + unique(),
                        "description", "摘要",
                        "keywords", "锂电池；隔膜",
                        "patents", "ZL 2019 1 0123456.X",
                        "inventors", "李明 #15\n張華",
                        "trl", "4"));
        assertThat(saved.statusCode()).isEqualTo(302);
        Document detail = WebUser.html(
                browser.get(java.net.URI.create(WebUser.location(saved)).getPath()));
        assertThat(detail.getElementById("achievement-patents").text()).isEqualTo("ZL201910123456.X");
        assertThat(detail.getElementById("achievement-inventors").text()).isEqualTo("李明、張華");
        assertThat(detail.getElementById("achievement-trl").text()).startsWith("TRL 4");
    }

    @Test
    void theStationAdminCuratesTheStationsAchievements() {
        long id = created(as("station-admin").post("/api/v1/achievements", body("站点录入成果 " + unique())));
        WebUser browser = new WebUser(port).signedIn("station-admin", PASSWORD);

        Document page = WebUser.html(browser.get("/stations/" + cmes + "/curation/achievements?status=DRAFT"));

        assertThat(page.select("#curation a").eachAttr("href")).contains("/achievements/" + id);
        assertThat(WebUser.read(as("station-admin").get("/api/v1/achievements/" + id))
                        .get("stationId")
                        .asLong())
                .isEqualTo(cmes);
    }
}
