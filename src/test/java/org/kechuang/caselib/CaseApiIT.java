package org.kechuang.caselib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
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

@IntegrationTest
class CaseApiIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Cases cases;

    private WebUser visitor;
    private WebUser operator;
    private long cmes;
    private long cmesOrganization;

    @BeforeEach
    void setUp() {
        visitor = new WebUser(port);
        operator = as("operator");
        Stations.StationSummary station = stations.findByCode("cmes").orElseThrow();
        cmes = station.id();
        cmesOrganization = station.organizationId();
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private JsonNode submitted(WebUser user, String library, long id) {
        HttpResponse<String> response = user.post("/api/v1/" + library + "/" + id + "/submit", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    /** A record of another library entered by the operator, published unless asked otherwise. */
    private long record(String library, Map<String, Object> body, boolean publish) {
        long id = created(operator.post("/api/v1/" + library, body));
        if (publish) {
            assertThat(submitted(operator, library, id).get("status").asString())
                    .isEqualTo("PUBLISHED");
        }
        return id;
    }

    private Map<String, Object> body(String title, long demand, long achievement, long expert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("problem", "五轴加工中心连续加工四小时后，主轴热伸长导致孔距误差超差，废品率高。");
        body.put("solution", "建立主轴热误差模型，在数控系统中实时补偿。");
        body.put(
                "parties",
                List.of(
                        Map.of("role", "需求方", "name", "宁波某机械有限公司"),
                        Map.of("role", "SUPPLY_SIDE", "organizationId", cmesOrganization),
                        Map.of("role", "BROKER", "name", "宁波市技术转移中心")));
        body.put(
                "figures",
                List.of(
                        Map.of("name", "年节约成本", "value", "320", "unit", "万元"),
                        Map.of("name", "良品率提升", "value", "4.5", "unit", "个百分点")));
        body.put("keywords", List.of("热误差补偿"));
        body.put("industryCode", "C");
        body.put("chainNodeCode", "IC-UP-EQP");
        body.put("regionCode", "330200");
        body.put("demandId", demand);
        body.put("achievementId", achievement);
        body.put("expertIds", List.of(expert));
        body.put("stationId", cmes);
        return body;
    }

    private long[] links() {
        long demand = record("demands", Map.of("title", "主轴热误差 " + unique(), "background", "孔距误差超差。"), true);
        long achievement = record("achievements", Map.of("title", "热误差补偿技术 " + unique(), "description", "实时补偿。"), true);
        long expert = record("experts", Map.of("name", "李明" + unique(), "affiliation", "浙江大学"), true);
        return new long[] {demand, achievement, expert};
    }

    @Test
    void aTechnologyManagerWritesUpACaseThatVisitorsFindByItsFiguresAndLinks() {
        long[] links = links();
        String title = "热误差补偿应用 " + unique();
        WebUser manager = as("manager");
        long id = created(manager.post("/api/v1/cases", body(title, links[0], links[1], links[2])));
        assertThat(visitor.get("/api/v1/cases/" + id).statusCode()).isEqualTo(404);

        assertThat(submitted(manager, "cases", id).get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode seen = WebUser.read(visitor.get("/api/v1/cases/" + id));
        assertThat(seen.get("figures").get(0).get("shown").asString()).isEqualTo("320 万元");
        assertThat(seen.get("figures").get(0).get("kind").asString()).isEqualTo("ECONOMIC");
        assertThat(seen.get("figures").get(1).get("kind").asString()).isEqualTo("TECHNICAL");
        assertThat(seen.get("figures").get(1).get("value").asString()).isEqualTo("4.5");
        assertThat(seen.get("parties")
                        .valueStream()
                        .map(p -> p.get("role").asString() + ":" + p.get("name").asString()))
                .containsExactly("DEMAND_SIDE:宁波某机械有限公司", "SUPPLY_SIDE:中国机械工程学会", "BROKER:宁波市技术转移中心");
        assertThat(seen.get("demand").get("id").asLong()).isEqualTo(links[0]);
        assertThat(seen.get("achievement").get("title").asString()).startsWith("热误差补偿技术");
        assertThat(seen.get("experts").get(0).get("title").asString()).startsWith("李明");

        String q = title.substring(8);
        for (String filter : List.of(
                "kind=TECHNICAL",
                "industry=C",
                "chain=IC",
                "region=330000",
                "expert=" + links[2],
                "demand=" + links[0],
                "achievement=" + links[1],
                "keyword=热误差补偿")) {
            JsonNode listed = WebUser.read(visitor.get("/api/v1/cases?q=" + q + "&" + filter));
            assertThat(listed.get("total").asLong()).as(filter).isEqualTo(1);
        }
        assertThat(WebUser.read(visitor.get("/api/v1/cases?q=" + q + "&region=110000"))
                        .get("total")
                        .asLong())
                .isZero();
        List<String> actions = WebUser.read(manager.get("/api/v1/cases/" + id + "/history"))
                .valueStream()
                .map(entry -> entry.get("action").asString())
                .toList();
        assertThat(actions).containsExactly("created", "submitted", "published");
    }

    @Test
    void unknownLinksAndFiguresWithoutNumbersOrUnitsAreRefusedByField() {
        long before = cases.count();
        Map<String, Object> body = body("错误案例 " + unique(), 987654321L, 987654322L, 987654323L);
        body.put(
                "figures",
                List.of(Map.of("name", "良品率", "value", "很高", "unit", "%"), Map.of("name", "年节约成本", "value", "320")));
        body.put("parties", List.of(Map.of("role", "甲方", "name", "某公司")));

        HttpResponse<String> refused = as("manager").post("/api/v1/cases", body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = WebUser.read(refused).get("errors");
        assertThat(errors.valueStream()
                        .map(e -> e.get("field").asString() + " " + e.get("key").asString()))
                .containsExactly(
                        "parties case.party.role",
                        "figures case.figure.value-invalid",
                        "figures case.figure.unit-required",
                        "demandId case.demand.unknown",
                        "achievementId case.achievement.unknown",
                        "expertIds case.expert.unknown");
        assertThat(errors.get(1).get("message").asString()).isEqualTo("成效数据“良品率”的数值“很高”不是有效的数字（最多 6 位小数）。");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void aLinkToARecordThatIsNotPublishedIsShownOnlyToThoseWhoSeeTheWholeCase() {
        long draftDemand = record("demands", Map.of("title", "未发布需求 " + unique(), "background", "背景"), false);
        long[] links = links();
        long id = created(operator.post("/api/v1/cases", body("链接可见性 " + unique(), draftDemand, links[1], links[2])));
        submitted(operator, "cases", id);

        assertThat(WebUser.read(visitor.get("/api/v1/cases/" + id)).has("demand"))
                .isFalse();
        assertThat(WebUser.read(operator.get("/api/v1/cases/" + id))
                        .get("demand")
                        .get("id")
                        .asLong())
                .isEqualTo(draftDemand);
    }

    @Test
    void spamInACaseIsHeldUntilAnOperatorReleasesIt() {
        Map<String, Object> body = body("数控系统改造 " + unique(), links()[0], links()[1], links()[2]);
        body.put("solution", "合作请访问星空体育官网入口网站");
        WebUser enterprise = as("enterprise");
        body.remove("stationId");
        long id = created(enterprise.post("/api/v1/cases", body));

        JsonNode held = submitted(enterprise, "cases", id);
        assertThat(held.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(visitor.get("/api/v1/cases/" + id).statusCode()).isEqualTo(404);

        JsonNode queue = WebUser.read(operator.get("/api/v1/moderation/items?status=pending&size=100"));
        long item = queue.get("results")
                .valueStream()
                .filter(i -> i.get("recordType").asString().equals("case")
                        && i.get("recordId").asLong() == id)
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(operator.post("/api/v1/moderation/items/" + item + "/release", Map.of())
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(
                        () -> assertThat(visitor.get("/api/v1/cases/" + id).statusCode())
                                .isEqualTo(200));
        assertThat(WebUser.read(enterprise.get("/api/v1/cases/" + id + "/history"))
                        .valueStream()
                        .map(entry -> entry.get("action").asString()))
                .containsSubsequence("submitted", "released");
    }

    @Test
    void unknownCasesAnd404AndReviewersDoNotPost() {
        HttpResponse<String> missing = visitor.get("/api/v1/cases/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(WebUser.read(missing).get("key").asString()).isEqualTo("case.not-found");
        assertThat(visitor.get("/api/v1/cases?kind=SOCIAL").statusCode()).isEqualTo(400);
        assertThat(as("reviewer")
                        .post("/api/v1/cases", Map.of("title", "评审不可发布", "problem", "问题", "solution", "方案"))
                        .statusCode())
                .isEqualTo(403);
    }
}
