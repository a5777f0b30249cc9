package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * Records published through the libraries' APIs, the index rebuilt by an operator, and searched by a visitor. Other
 * tests share the index: every search here also asks for a marker term unique to the test.
 */
@IntegrationTest
class SearchApiIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    private WebUser expert;
    private WebUser enterprise;
    private WebUser operator;
    private WebUser visitor;
    private long cmes;
    private String marker;

    @BeforeEach
    void signIn() {
        expert = new WebUser(port).withToken("expert", PASSWORD);
        enterprise = new WebUser(port).withToken("enterprise", PASSWORD);
        operator = new WebUser(port).withToken("operator", PASSWORD);
        visitor = new WebUser(port);
        cmes = stations.findByCode("cmes").orElseThrow().id();
        marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void traditionalCharactersFindSimplifiedRecordsAndTheReverse() {
        String simplified = achievement("工业机器人焊接工作站 " + marker, "本工作站采用六轴工业机器人完成车身焊接。", true);
        String traditional = demand("焊接機器人視覺引導 " + marker, "需要為焊接機器人加裝視覺引導系統。", false, true);
        achievement("机器学习平台 " + marker, "面向制造企业的机器学习与人工智能平台。", true);
        reindexed();

        JsonNode byTraditional = search("機器人 " + marker);
        JsonNode bySimplified = search("机器人 " + marker);

        assertThat(ids(byTraditional)).containsExactlyInAnyOrder(simplified, traditional);
        assertThat(ids(bySimplified)).containsExactlyInAnyOrder(simplified, traditional);
        assertThat(byTraditional.get("total").asLong()).isEqualTo(2);
        assertThat(byTraditional.get("totalRelation").asString())
                .as("two matches are counted exactly")
                .isEqualTo("eq");
        assertThat(byTraditional
                        .get("facets")
                        .get("type")
                        .valueStream()
                        .map(f ->
                                f.get("value").asString() + "=" + f.get("count").asLong()))
                .containsExactlyInAnyOrder("achievement=1", "demand=1");
        assertThat(byTraditional.get("facetsEstimated").asBoolean())
                .as("two matches are counted, not sampled")
                .isFalse();
        JsonNode first = result(bySimplified, simplified);
        assertThat(first.get("type").asString()).isEqualTo("achievement");
        assertThat(first.get("title").asString()).isEqualTo("工业机器人焊接工作站 " + marker);
        assertThat(first.get("snippet").asString()).contains("六轴工业<em>机器人</em>完成车身焊接");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(result(byTraditional, traditional).get("snippet").asString()).contains("焊接<em>機器人</em>加裝");
    }

    @Test
    void aLatinModelNumberMatchesOnlyAsAWhole() {
        String whole = achievement("磷酸铁锂正极材料 " + marker, "采用 LiFePO4 正极，比容量 160mAh/g。", true);
        achievement("锂电池添加剂 " + marker, "LiFePO 与 4 种添加剂复配，提高低温性能。", true);
        String standard = demand("行业分类编码 " + marker, "数据需按 GB/T 4754-2017 国民经济行业分类编码。", false, true);
        demand("行业分类修订 " + marker, "参照 GB/T 4755 与 4754 项指标修订。", false, true);
        reindexed();

        assertThat(ids(search("LiFePO4 " + marker))).containsExactly(whole);
        assertThat(ids(search("ＬｉＦｅＰＯ４ " + marker))).containsExactly(whole);
        assertThat(ids(search("GB/T 4754 " + marker))).containsExactly(standard);
    }

    @Test
    void draftsAndConfidentialDemandsAreNotFound() {
        String published = demand("热误差补偿 " + marker, "主轴热伸长导致孔距误差超差。", false, true);
        demand("热误差补偿 " + marker, "主轴热伸长导致孔距误差超差。", true, true);
        achievement("热误差补偿 " + marker, "热误差建模与实时补偿方法。", false);
        reindexed();

        assertThat(ids(search("热误差补偿 " + marker))).containsExactly(published);
    }

    @Test
    void typeAndRegionFilterTheResults() {
        String achievement = achievement("轴承故障诊断 " + marker, "融合振动信号时频特征的诊断方法。", true);
        String demand = demand("轴承故障诊断 " + marker, "风电主轴承故障需要提前预警。", false, true);
        reindexed();

        assertThat(ids(search("故障诊断 " + marker, "&type=demand"))).containsExactly(demand);
        assertThat(ids(search("故障诊断 " + marker, "&region=330100"))).containsExactly(achievement);
        assertThat(ids(search("故障诊断 " + marker, "&region=330200"))).containsExactly(demand);
        assertThat(ids(search("故障诊断 " + marker, "&region=330000"))).containsExactlyInAnyOrder(achievement, demand);
    }

    @Test
    void aPublishedRecordIsFoundWithoutAReindexAndAnArchivedOneNoLonger() {
        String achievement = achievement("超声波探伤仪 " + marker, "便携式超声波探伤，适用于焊缝检测。", false);
        long id = Long.parseLong(achievement.substring("achievement:".length()));
        assertThat(ids(search("探伤 " + marker))).isEmpty();

        expert.post("/api/v1/achievements/" + id + "/submit", Map.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ids(search("探伤 " + marker)).equals(List.of(achievement)));

        HttpResponse<String> archived = expert.post("/api/v1/achievements/" + id + "/archive", Map.of());
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ids(search("探伤 " + marker)).isEmpty());
    }

    @Test
    void aRebuildReportsItsProgressToOperatorsOnly() {
        JsonNode done = reindexed();

        assertThat(done.get("reason").asString()).isEqualTo("operator");
        assertThat(done.get("indexed").asLong()).isEqualTo(done.get("total").asLong());
        assertThat(done.get("finishedAt").asString()).isNotBlank();
        assertThat(visitor.get("/api/v1/search/reindex").statusCode()).isEqualTo(401);
        assertThat(expert.post("/api/v1/search/reindex", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void anOverlongQueryIsRefusedWithAProblem() {
        HttpResponse<String> refused = visitor.inEnglish().get("/api/v1/search?q=" + "机".repeat(101));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = WebUser.read(refused);
        assertThat(problem.get("key").asString()).isEqualTo("search.query.too-long");
        assertThat(problem.get("detail").asString()).isEqualTo("A search may have at most 100 characters.");
    }

    private JsonNode reindexed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !state().equals("RUNNING"));
        HttpResponse<String> started = operator.post("/api/v1/search/reindex", Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String startedAt = WebUser.read(started).get("startedAt").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> state().equals("DONE")
                        && status().get("startedAt").asString().equals(startedAt));
        return status();
    }

    private String state() {
        return status().get("state").asString();
    }

    private JsonNode status() {
        HttpResponse<String> response = operator.get("/api/v1/search/reindex");
        assertThat(response.statusCode()).isEqualTo(200);
        return WebUser.read(response);
    }

    private JsonNode search(String q) {
        return search(q, "");
    }

    private JsonNode search(String q, String filters) {
        HttpResponse<String> response =
                visitor.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + filters + "&size=20");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    /** The results as {@code type:id}: demands and achievements are numbered apart. */
    private static List<String> ids(JsonNode page) {
        return page.get("results")
                .valueStream()
                .map(r -> r.get("type").asString() + ":" + r.get("id").asLong())
                .toList();
    }

    private static JsonNode result(JsonNode page, String key) {
        return page.get("results")
                .valueStream()
                .filter(r -> (r.get("type").asString() + ":" + r.get("id").asLong()).equals(key))
                .findFirst()
                .orElseThrow();
    }

    private String achievement(String title, String description, boolean publish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("keywords", List.of("智能制造"));
        body.put("trl", "6");
        body.put("regionCode", "330100");
        body.put("stationId", cmes);
        return "achievement:" + created(expert, "/api/v1/achievements", body, publish);
    }

    private String demand(String title, String background, boolean confidential, boolean publish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", background);
        body.put("industryCode", "C");
        body.put("regionCode", "330200");
        body.put("deadline", LocalDate.now().plusMonths(6).toString());
        body.put("confidential", confidential);
        body.put("stationId", cmes);
        return "demand:" + created(enterprise, "/api/v1/demands", body, publish);
    }

    private static long created(WebUser author, String path, Map<String, Object> body, boolean publish) {
        HttpResponse<String> response = author.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = WebUser.read(response).get("id").asLong();
        if (publish) {
            HttpResponse<String> submitted = author.post(path + "/" + id + "/submit", Map.of());
            assertThat(WebUser.read(submitted).get("status").asString())
                    .as(submitted.body())
                    .isEqualTo("PUBLISHED");
        }
        return id;
    }
}
