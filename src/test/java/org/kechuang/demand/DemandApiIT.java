package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DemandApiIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    DemandCatalog catalog;

    @Autowired
    Demands demands;

    @Autowired
    JdbcClient jdbc;

    private WebUser enterprise;
    private WebUser visitor;
    private long cmes;

    @BeforeEach
    void signIn() {
        enterprise = new WebUser(port).withToken("enterprise", PASSWORD);
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
        body.put("background", "五轴加工中心连续加工四小时后，主轴热伸长导致孔距误差超差。");
        body.put("technicalProblems", "建立热误差模型并实时补偿。");
        body.put(
                "targetIndicators",
                List.of(
                        Map.of("name", "定位精度", "comparator", "<=", "value", "5", "unit", "μm"),
                        Map.of("text", "通过第三方检测")));
        body.put("industryCode", "C");
        body.put("regionCode", "330200");
        body.put("cooperationModes", List.of("JOINT_DEVELOPMENT", "技术咨询"));
        body.put("budgetMin", "50");
        body.put("budgetMax", "200");
        body.put("deadline", LocalDate.now().plusMonths(6).toString());
        body.put("contactPerson", "王工");
        body.put("contactPhone", "0574-88888888");
        body.put("contactEmail", "wang@example.com");
        body.put("stationId", cmes);
        return body;
    }

    private long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private JsonNode submitted(WebUser user, long id) {
        HttpResponse<String> response = user.post("/api/v1/demands/" + id + "/submit", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    @Test
    void aDraftIsTheAuthorsUntilItIsSubmittedAndPublished() {
        String title = "热误差补偿 " + unique();
        long id = created(enterprise.post("/api/v1/demands", body(title)));

        assertThat(visitor.get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);
        assertThat(as("expert").get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);
        assertThat(as("station-admin").get("/api/v1/demands/" + id).statusCode())
                .isEqualTo(200);

        JsonNode published = submitted(enterprise, id);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode seenByVisitor = WebUser.read(visitor.get("/api/v1/demands/" + id));
        assertThat(seenByVisitor.get("title").asString()).isEqualTo(title);
        assertThat(seenByVisitor.has("contact")).isFalse();
        assertThat(seenByVisitor
                        .get("targetIndicators")
                        .get(0)
                        .get("comparator")
                        .asString())
                .isEqualTo("LE");
        assertThat(seenByVisitor.get("cooperationModes").toString()).contains("JOINT_DEVELOPMENT", "CONSULTING");
        JsonNode seenByMember = WebUser.read(as("expert").get("/api/v1/demands/" + id));
        assertThat(seenByMember.get("contact").get("phone").asString()).isEqualTo("0574-88888888");

        JsonNode listed = WebUser.read(visitor.get("/api/v1/demands?q=" + title.substring(6) + "&region=330000"));
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("results").get(0).get("id").asLong()).isEqualTo(id);

        List<String> actions = WebUser.read(enterprise.get("/api/v1/demands/" + id + "/history"))
                .valueStream()
                .map(entry -> entry.get("action").asString())
                .toList();
        assertThat(actions).containsExactly("created", "submitted", "published");
    }

    @Test
    void theGamblingInjectionIsHeldUntilAnOperatorReleasesIt() {
        Map<String, Object> body = body("数控系统国产化替代 " + unique());
        body.put("background", "寻求数控系统国产化方案。星空体育官网入口网站");
        long id = created(enterprise.post("/api/v1/demands", body));

        JsonNode held = submitted(enterprise, id);
        assertThat(held.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(visitor.get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);

        WebUser operator = as("operator");
        JsonNode queue = WebUser.read(operator.get("/api/v1/moderation/items?status=pending&size=100"));
        long item = queue.get("results")
                .valueStream()
                .filter(i -> i.get("recordType").asString().equals("demand")
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
                        () -> assertThat(visitor.get("/api/v1/demands/" + id).statusCode())
                                .isEqualTo(200));
    }

    @Test
    void aPublishedDemandEditedIntoSpamLeavesPublicationUntilReleased() {
        Map<String, Object> body = body("编辑后被拦截 " + unique());
        long id = created(enterprise.post("/api/v1/demands", body));
        JsonNode published = submitted(enterprise, id);

        Map<String, Object> edit = new LinkedHashMap<>(body);
        edit.put("applicationScenario", "详情请访问星空体育官网入口网站");
        edit.put("version", published.get("version").asInt());
        JsonNode withheld = WebUser.read(enterprise.put("/api/v1/demands/" + id, edit));

        assertThat(withheld.get("status").asString()).isEqualTo("RETURNED");
        assertThat(withheld.get("held").asBoolean()).isTrue();
        assertThat(withheld.get("returnReason").asString()).contains("applicationScenario");
        assertThat(visitor.get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aRejectedSubmissionGoesBackToItsAuthorWithTheReason() {
        Map<String, Object> body = body("加微信领取博彩彩金 " + unique());
        long id = created(enterprise.post("/api/v1/demands", body));
        assertThat(submitted(enterprise, id).get("status").asString()).isEqualTo("SUBMITTED");

        WebUser operator = as("operator");
        JsonNode queue = WebUser.read(operator.get("/api/v1/moderation/items?status=pending&size=100"));
        long item = queue.get("results")
                .valueStream()
                .filter(i -> i.get("recordType").asString().equals("demand")
                        && i.get("recordId").asLong() == id)
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        operator.post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "含博彩推广内容"));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode returned = WebUser.read(enterprise.get("/api/v1/demands/" + id));
            assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
            assertThat(returned.get("returnReason").asString()).isEqualTo("含博彩推广内容");
        });
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        long before = demands.count();
        Map<String, Object> body = body("<script>alert(1)</script>");
        body.put("background", "背".repeat(10 * 1024 * 1024));
        body.put("regionCode", "999999");
        body.put("budgetMin", "３００");
        body.put("budgetMax", "100");

        HttpResponse<String> refused = enterprise.inEnglish().post("/api/v1/demands", body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = WebUser.read(refused);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("title", "background", "regionCode", "budgetMax");
        assertThat(problem.get("errors").get(3).get("message").asString())
                .isEqualTo("The lower end of the budget (300.00) is above its upper end (100.00).");
        assertThat(demands.count()).isEqualTo(before);
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedNamingWhatChanged() {
        Map<String, Object> body = body("老版本编辑 " + unique());
        long id = created(enterprise.post("/api/v1/demands", body));
        WebUser admin = as("station-admin");
        Map<String, Object> byAdmin = new LinkedHashMap<>(body);
        byAdmin.put("applicationScenario", "汽车零部件加工");
        byAdmin.put("version", 0);
        assertThat(admin.put("/api/v1/demands/" + id, byAdmin).statusCode()).isEqualTo(200);

        Map<String, Object> byAuthor = new LinkedHashMap<>(body);
        byAuthor.put("budgetMax", "300");
        byAuthor.put("version", 0);
        HttpResponse<String> stale = enterprise.put("/api/v1/demands/" + id, byAuthor);

        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode problem = WebUser.read(stale);
        assertThat(problem.get("key").asString()).isEqualTo("demand.stale");
        assertThat(problem.get("changedFields").valueStream().map(JsonNode::asString))
                .containsExactly("applicationScenario");
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aConfidentialDemandIsForTechnologyManagersButNotForOtherMembers() {
        Map<String, Object> body = body("保密需求 " + unique());
        body.put("confidential", true);
        long id = created(enterprise.post("/api/v1/demands", body));
        submitted(enterprise, id);

        assertThat(as("manager").get("/api/v1/demands/" + id).statusCode()).isEqualTo(200);
        assertThat(as("expert").get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);
        assertThat(WebUser.read(visitor.get("/api/v1/demands?q=" + ((String) body.get("title")).replace(" ", "+")))
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aStationAdminReturnsAPublishedDemandWithAReason() {
        long id = created(enterprise.post("/api/v1/demands", body("退回测试 " + unique())));
        submitted(enterprise, id);

        assertThat(as("expert")
                        .post("/api/v1/demands/" + id + "/return", Map.of("reason", "x"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> noReason =
                as("station-admin").post("/api/v1/demands/" + id + "/return", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> returned =
                as("station-admin").post("/api/v1/demands/" + id + "/return", Map.of("reason", "请补充预算依据"));

        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(WebUser.read(enterprise.get("/api/v1/demands/" + id))
                        .get("returnReason")
                        .asString())
                .isEqualTo("请补充预算依据");
        assertThat(visitor.get("/api/v1/demands/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void demandsPastTheirDeadlineAreArchivedByTheDailyJob() {
        Map<String, Object> body = body("到期归档 " + unique());
        LocalDate deadline = LocalDate.now().plusDays(3);
        body.put("deadline", deadline.toString());
        long id = created(enterprise.post("/api/v1/demands", body));
        submitted(enterprise, id);

        catalog.archiveExpired(Clock.fixed(deadline.atStartOfDay().toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC));
        assertThat(WebUser.read(enterprise.get("/api/v1/demands/" + id))
                        .get("status")
                        .asString())
                .isEqualTo("PUBLISHED");

        int archived = catalog.archiveExpired(
                Clock.fixed(deadline.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC));

        assertThat(archived).isPositive();
        assertThat(WebUser.read(enterprise.get("/api/v1/demands/" + id))
                        .get("status")
                        .asString())
                .isEqualTo("ARCHIVED");
        assertThat(WebUser.read(enterprise.get("/api/v1/demands/" + id + "/history"))
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .endsWith("expired");
    }

    @Test
    void aDemandUntouchedForTheStalePeriodIsFlagged() {
        long id = created(enterprise.post("/api/v1/demands", body("久未更新 " + unique())));
        assertThat(WebUser.read(enterprise.get("/api/v1/demands/" + id))
                        .get("stale")
                        .asBoolean())
                .isFalse();

        jdbc.sql("update demand set updated_at = now() - interval '91 days' where id = ?")
                .param(id)
                .update();

        assertThat(WebUser.read(enterprise.get("/api/v1/demands/" + id))
                        .get("stale")
                        .asBoolean())
                .isTrue();
        JsonNode stale =
                WebUser.read(as("station-admin").get("/api/v1/demands?stale=true&station=" + cmes + "&size=100"));
        assertThat(stale.get("results").valueStream().map(d -> d.get("id").asLong()))
                .contains(id);
    }

    @Test
    void theHistoryIsForTheAuthorAndCuratorsOnly() {
        long id = created(enterprise.post("/api/v1/demands", body("修改记录 " + unique())));
        submitted(enterprise, id);

        assertThat(visitor.get("/api/v1/demands/" + id + "/history").statusCode())
                .isEqualTo(401);
        assertThat(as("expert").get("/api/v1/demands/" + id + "/history").statusCode())
                .isEqualTo(403);
        assertThat(as("operator").get("/api/v1/demands/" + id + "/history").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anImportInsertsOnceAndUpdatesByStationAndSourceId() {
        String source = "ext-" + unique();
        Provenance provenance = new Provenance(cmes, "station-db", source, 77L);
        DemandDraft draft = DemandDraft.of("导入需求 " + source, "来自站点数据库。");

        Demands.Upserted first = demands.upsertFromImport(draft, provenance);
        Demands.Upserted again = demands.upsertFromImport(draft, provenance);
        Demands.Upserted changed =
                demands.upsertFromImport(DemandDraft.of("导入需求 " + source, "来自站点数据库（已更新）。"), provenance);

        assertThat(first.change()).isEqualTo(Demands.Change.INSERTED);
        assertThat(again).isEqualTo(new Demands.Upserted(first.id(), Demands.Change.UNCHANGED));
        assertThat(changed).isEqualTo(new Demands.Upserted(first.id(), Demands.Change.UPDATED));
        JsonNode stored = WebUser.read(visitor.get("/api/v1/demands/" + first.id()));
        assertThat(stored.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(stored.get("source").get("id").asString()).isEqualTo(source);
        assertThat(stored.get("source").get("batch").asLong()).isEqualTo(77L);

        DemandDraft pastDeadline = new DemandDraft(
                "过期导入",
                "背景",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "2020-01-01",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> demands.upsertFromImport(pastDeadline, new Provenance(cmes, "x", "p-" + source, 1L)))
                .isInstanceOf(DemandRejected.class);
    }

    @Test
    void unknownFiltersAreRefusedByName() {
        HttpResponse<String> response = visitor.get("/api/v1/demands?region=999999");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(response).get("field").asString()).isEqualTo("region");
        assertThat(visitor.get("/api/v1/demands?mode=GIFT").statusCode()).isEqualTo(400);
        assertThat(visitor.get("/api/v1/demands?status=DELETED").statusCode()).isEqualTo(400);
    }
}
