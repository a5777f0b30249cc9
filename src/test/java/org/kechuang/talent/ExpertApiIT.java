package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

@IntegrationTest
class ExpertApiIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    Experts experts;

    private WebUser visitor;
    private long cmes;
    private long cmesSociety;

    @BeforeEach
    void setUp() {
        visitor = new WebUser(port);
        Stations.StationSummary station = stations.findByCode("cmes").orElseThrow();
        cmes = station.id();
        cmesSociety = station.organizationId();
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    /** A fresh expert account, so that tests do not share the demo expert's profiles. */
    private WebUser newExpert(String name) {
        accounts.ensure(name, name + "@example.com", PASSWORD, "专家 " + name, Set.of(Role.EXPERT));
        return as(name);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> body(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("affiliation", "浙江大学机械工程学院");
        body.put("title", "教授");
        body.put("disciplineCodes", List.of("E05", "F0201"));
        body.put("researchFields", List.of("智能制造", "数控机床热误差补偿"));
        body.put("keywords", List.of("热误差", "数控机床"));
        body.put("regionCode", "330100");
        body.put("societyIds", List.of(cmesSociety));
        body.put("youngTalent", true);
        body.put("overseas", false);
        body.put("availability", "LIMITED");
        body.put("introduction", "长期从事数控机床精度保持与热误差补偿研究。");
        body.put("phone", "13900001111");
        body.put("email", "liming-" + name.hashCode() + "@zju.example.com");
        return body;
    }

    private long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private JsonNode submitted(WebUser user, long id) {
        HttpResponse<String> response = user.post("/api/v1/experts/" + id + "/submit", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    @Test
    void anExpertKeepsTheirOwnProfileWhichVisitorsFindWithoutItsContact() {
        String name = "李明" + unique();
        WebUser expert = newExpert("exp-" + unique());
        long id = created(expert.post("/api/v1/experts", body(name)));

        assertThat(visitor.get("/api/v1/experts/" + id).statusCode()).isEqualTo(404);
        JsonNode own = WebUser.read(expert.get("/api/v1/experts/" + id));
        assertThat(own.get("claimed").asBoolean()).isTrue();
        assertThat(own.get("consent").get("scope").asString()).isEqualTo("PROFILE");
        assertThat(own.get("contact").get("phone").asString()).isEqualTo("13900001111");

        assertThat(submitted(expert, id).get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode seen = WebUser.read(visitor.get("/api/v1/experts/" + id));
        assertThat(seen.get("name").asString()).isEqualTo(name);
        assertThat(seen.get("societies").get(0).get("name").asString()).isEqualTo("中国机械工程学会");
        assertThat(seen.get("availability").asString()).isEqualTo("LIMITED");
        assertThat(seen.has("contact")).isFalse();
        assertThat(seen.has("consent")).isFalse();

        String query = "/api/v1/experts?q=" + name.substring(2) + "&discipline=E&region=330000&young=true" + "&society="
                + cmesSociety + "&availability=有限对接";
        JsonNode listed = WebUser.read(visitor.get(query.replace("有限对接", "LIMITED")));
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("results").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(WebUser.read(visitor.get("/api/v1/experts?q=" + name.substring(2) + "&overseas=true"))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(WebUser.read(visitor.get("/api/v1/experts?q=" + name.substring(2) + "&discipline=F03"))
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void theContactIsForTheStationOperatorsAndWithConsentTechnologyManagersOnly() {
        WebUser admin = as("station-admin");
        Map<String, Object> body = body("站点专家" + unique());
        body.put("stationId", cmes);
        long id = created(admin.post("/api/v1/experts", body));
        submitted(admin, id);

        assertThat(WebUser.read(visitor.get("/api/v1/experts/" + id)).has("contact"))
                .isFalse();
        for (String member : List.of("enterprise", "expert", "reviewer", "manager")) {
            assertThat(WebUser.read(as(member).get("/api/v1/experts/" + id)).has("contact"))
                    .as(member)
                    .isFalse();
        }
        assertThat(WebUser.read(admin.get("/api/v1/experts/" + id))
                        .get("contact")
                        .get("phone")
                        .asString())
                .isEqualTo("13900001111");
        assertThat(WebUser.read(as("operator").get("/api/v1/experts/" + id)).has("contact"))
                .isTrue();

        HttpResponse<String> consented = admin.put("/api/v1/experts/" + id + "/consent", Map.of("scope", "CONTACT"));
        assertThat(consented.statusCode()).as(consented.body()).isEqualTo(200);
        assertThat(WebUser.read(consented).get("consent").get("basis").asString())
                .isEqualTo("WRITTEN");

        assertThat(WebUser.read(as("manager").get("/api/v1/experts/" + id))
                        .get("contact")
                        .get("email")
                        .asString())
                .startsWith("liming-");
        assertThat(WebUser.read(as("enterprise").get("/api/v1/experts/" + id)).has("contact"))
                .isFalse();
        assertThat(WebUser.read(visitor.get("/api/v1/experts/" + id)).has("contact"))
                .isFalse();
        assertThat(WebUser.read(visitor.get("/api/v1/experts/" + id))
                        .get("contactShared")
                        .asBoolean())
                .isTrue();
        assertThat(as("enterprise")
                        .put("/api/v1/experts/" + id + "/consent", Map.of("scope", "NONE"))
                        .statusCode())
                .isEqualTo(403);

        List<String> actions = WebUser.read(admin.get("/api/v1/experts/" + id + "/history"))
                .valueStream()
                .map(entry -> entry.get("action").asString())
                .toList();
        assertThat(actions).containsExactly("created", "submitted", "published", "consented");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        long before = experts.count();
        Map<String, Object> body = body("错误" + unique());
        body.put("phone", "12345");
        body.put("email", "not-an-address");
        body.put("societyIds", List.of(987654321L));
        body.put("disciplineCodes", List.of("Z9"));

        HttpResponse<String> refused = newExpert("bad-" + unique()).inEnglish().post("/api/v1/experts", body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = WebUser.read(refused).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()))
                .containsExactly("disciplineCodes", "societyIds", "phone", "email");
        assertThat(errors.get(2).get("message").asString()).startsWith("\"12345\" is not a valid phone number");
        assertThat(experts.count()).isEqualTo(before);
    }

    @Test
    void anUnknownOrHiddenProfileIs404ProblemJson() {
        HttpResponse<String> missing = visitor.get("/api/v1/experts/987654321");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(WebUser.read(missing).get("key").asString()).isEqualTo("expert.not-found");
        assertThat(visitor.get("/api/v1/experts?availability=whenever").statusCode())
                .isEqualTo(400);
    }

    @Test
    void listingsArePagedWithTheTotal() {
        String tag = "分页" + unique();
        WebUser operator = as("operator");
        for (int i = 0; i < 3; i++) {
            long id = created(operator.post("/api/v1/experts", Map.of("name", tag + i, "affiliation", "中国农业大学")));
            submitted(operator, id);
        }

        JsonNode first = WebUser.read(visitor.get("/api/v1/experts?q=" + tag + "&size=2&page=0"));
        JsonNode second = WebUser.read(visitor.get("/api/v1/experts?q=" + tag + "&size=2&page=1"));

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("results").size()).isEqualTo(2);
        assertThat(second.get("results").size()).isEqualTo(1);
    }

    @Test
    void aGamblingInjectionIsHeldUntilAnOperatorReleasesIt() {
        WebUser expert = newExpert("spam-" + unique());
        Map<String, Object> body = body("赵强" + unique());
        body.put("introduction", "合作请访问星空体育官网入口网站");
        long id = created(expert.post("/api/v1/experts", body));

        JsonNode held = submitted(expert, id);
        assertThat(held.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(visitor.get("/api/v1/experts/" + id).statusCode()).isEqualTo(404);

        WebUser operator = as("operator");
        JsonNode queue = WebUser.read(operator.get("/api/v1/moderation/items?status=pending&size=100"));
        long item = queue.get("results")
                .valueStream()
                .filter(i -> i.get("recordType").asString().equals("expert")
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
                        () -> assertThat(visitor.get("/api/v1/experts/" + id).statusCode())
                                .isEqualTo(200));
    }

    @Test
    void membersWhoAreNotExpertsEnterNoProfiles() {
        assertThat(as("enterprise")
                        .post("/api/v1/experts", body("企业不可录入" + unique()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.post("/api/v1/experts", body("访客不可录入")).statusCode()).isEqualTo(401);
    }
}
