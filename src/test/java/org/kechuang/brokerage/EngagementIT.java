package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class EngagementIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OverdueWatch overdueWatch;

    private long cmes;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long demand(boolean confidential) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "对接测试需求 " + unique());
        body.put("background", "注塑件表面缩痕导致返工率高，需要工艺参数优化与模具温控改进。");
        body.put("technicalProblems", "降低缩痕缺陷率，提升良品率。");
        body.put("confidential", confidential);
        body.put("stationId", cmes);
        return published(as("enterprise"), "/api/v1/demands", body);
    }

    private long achievement() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "对接测试成果 " + unique());
        body.put("description", "基于模温闭环控制的注塑缩痕抑制技术，良品率显著提升。");
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

    private JsonNode start(WebUser manager, long demand, long achievement, boolean confidential) {
        HttpResponse<String> started = manager.post(
                "/api/v1/engagements",
                Map.of(
                        "demandId",
                        demand,
                        "counterpartType",
                        "achievement",
                        "counterpartId",
                        achievement,
                        "confidential",
                        confidential));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return WebUser.read(started);
    }

    private static HttpResponse<String> move(WebUser user, JsonNode engagement, Map<String, Object> body) {
        Map<String, Object> withVersion = new LinkedHashMap<>(body);
        withVersion.putIfAbsent("version", engagement.get("version").asInt());
        return user.post("/api/v1/engagements/" + engagement.get("id").asLong() + "/transitions", withVersion);
    }

    private static JsonNode moved(WebUser user, JsonNode engagement, Map<String, Object> body) {
        HttpResponse<String> response = move(user, engagement, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    private static List<String> errorFields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        WebUser.read(response)
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void managerLeadsAnEngagementFromProposalToEvaluationWithEveryStepAudited() {
        WebUser manager = as("manager");
        WebUser enterprise = as("enterprise");
        WebUser expert = as("expert");
        long demand = demand(false);
        long achievement = achievement();

        JsonNode e = start(manager, demand, achievement, false);
        assertThat(e.get("stage").asString()).isEqualTo("PROPOSED");
        assertThat(e.get("demand").get("id").asLong()).isEqualTo(demand);
        assertThat(e.get("counterpart").get("id").asLong()).isEqualTo(achievement);
        assertThat(e.has("dueAt")).isTrue();
        assertThat(e.get("next").toString()).contains("CONTACTED", "CLOSED");

        e = moved(manager, e, Map.of("to", "CONTACTED"));
        e = moved(manager, e, Map.of("to", "NEGOTIATING"));

        HttpResponse<String> noContract = move(manager, e, Map.of("to", "CONTRACTED"));
        assertThat(noContract.statusCode()).isEqualTo(400);
        assertThat(errorFields(noContract)).containsExactly("contract.type", "contract.value", "contract.signedOn");

        HttpResponse<String> badNumber = move(
                manager,
                e,
                Map.of(
                        "to",
                        "CONTRACTED",
                        "contract",
                        Map.of(
                                "type",
                                "LICENSE",
                                "value",
                                "500000",
                                "signedOn",
                                today(),
                                "registrationNumber",
                                "12345")));
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(badNumber).get("errors").get(0).get("key").asString())
                .isEqualTo("engagement.registration.form");

        String year = today().substring(0, 4);
        e = moved(
                manager,
                e,
                Map.of(
                        "to",
                        "CONTRACTED",
                        "contract",
                        Map.of(
                                "type",
                                "LICENSE",
                                "value",
                                "500000",
                                "signedOn",
                                today(),
                                // typed with full-width digits and hyphens, stored plain
                                "registrationNumber",
                                toFullWidth(year) + "-110108-000123")));
        assertThat(e.get("contract").get("registrationNumber").asString()).isEqualTo(year + "110108000123");
        assertThat(e.get("contract").get("type").asString()).isEqualTo("LICENSE");

        e = moved(manager, e, Map.of("to", "DELIVERING"));

        HttpResponse<String> unrated = move(manager, e, Map.of("to", "EVALUATED"));
        assertThat(unrated.statusCode()).isEqualTo(400);
        assertThat(errorFields(unrated)).containsExactly("demandRating", "counterpartRating", "results");

        HttpResponse<String> managerRatesForEnterprise = manager.post(
                "/api/v1/engagements/" + e.get("id").asLong() + "/ratings",
                Map.of("side", "demand", "score", 5, "version", e.get("version").asInt()));
        assertThat(managerRatesForEnterprise.statusCode()).isEqualTo(403);

        HttpResponse<String> rated = enterprise.post(
                "/api/v1/engagements/" + e.get("id").asLong() + "/ratings",
                Map.of(
                        "side",
                        "demand",
                        "score",
                        5,
                        "comment",
                        "良品率达标，交付及时。",
                        "version",
                        e.get("version").asInt()));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        e = WebUser.read(rated);
        assertThat(e.get("demandRating").get("comment").asString()).isEqualTo("良品率达标，交付及时。");
        rated = expert.post(
                "/api/v1/engagements/" + e.get("id").asLong() + "/ratings",
                Map.of(
                        "side",
                        "counterpart",
                        "score",
                        4,
                        "version",
                        e.get("version").asInt()));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        e = WebUser.read(rated);

        e = moved(
                manager,
                e,
                Map.of(
                        "to",
                        "EVALUATED",
                        "results",
                        List.of(Map.of("indicator", "良品率", "value", "99.6", "unit", "%")),
                        "resultsNote",
                        "连续三个月统计"));
        assertThat(e.get("stage").asString()).isEqualTo("EVALUATED");
        assertThat(e.get("next").size()).isZero();

        HttpResponse<String> audit =
                enterprise.get("/api/v1/engagements/" + e.get("id").asLong() + "/audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        WebUser.read(audit).forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions)
                .containsExactly(
                        "created",
                        "contacted",
                        "negotiating",
                        "contracted",
                        "delivering",
                        "rated",
                        "rated",
                        "evaluated");
        JsonNode contracted = WebUser.read(audit).get(3);
        assertThat(contracted.get("actorId").asLong())
                .isEqualTo(accounts.findByUsername("manager").orElseThrow().id());
        assertThat(contracted.get("changes").toString()).contains("NEGOTIATING", "CONTRACTED", "500000");

        JsonNode inbox = WebUser.read(enterprise.get("/api/v1/inbox?size=100"));
        assertThat(inbox.get("results").toString())
                .contains("/engagements/" + e.get("id").asLong());
    }

    @Test
    void illegalTransitionsAndMissingReasonsAreRefusedWithTheirMessage() {
        WebUser manager = as("manager");
        JsonNode e = start(manager, demand(false), achievement(), false);

        HttpResponse<String> skip = move(manager, e, Map.of("to", "CONTRACTED"));
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(WebUser.read(skip).get("key").asString()).isEqualTo("engagement.transition.illegal");
        assertThat(WebUser.read(skip).get("detail").asString()).contains("PROPOSED", "CONTRACTED");

        HttpResponse<String> back = move(manager, e, Map.of("to", "PROPOSED"));
        assertThat(back.statusCode()).isEqualTo(409);

        HttpResponse<String> unknown = move(manager, e, Map.of("to", "WON"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(unknown).get("field").asString()).isEqualTo("to");

        HttpResponse<String> noReason = move(manager, e, Map.of("to", "CLOSED"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(errorFields(noReason)).containsExactly("reason");
        HttpResponse<String> otherWithoutNote = move(manager, e, Map.of("to", "CLOSED", "reason", "OTHER"));
        assertThat(errorFields(otherWithoutNote)).containsExactly("note");

        HttpResponse<String> byTheEnterprise = move(as("enterprise"), e, Map.of("to", "CONTACTED"));
        assertThat(byTheEnterprise.statusCode()).isEqualTo(403);

        JsonNode closed = moved(manager, e, Map.of("to", "CLOSED", "reason", "NO_RESPONSE"));
        assertThat(closed.get("closedFrom").asString()).isEqualTo("PROPOSED");
        HttpResponse<String> afterClose = move(manager, closed, Map.of("to", "CONTACTED"));
        assertThat(afterClose.statusCode()).isEqualTo(409);
        assertThat(WebUser.read(afterClose).get("key").asString()).isEqualTo("engagement.transition.illegal");

        HttpResponse<String> english = new WebUser(port)
                .inEnglish()
                .withToken("manager", PASSWORD)
                .post(
                        "/api/v1/engagements/" + closed.get("id").asLong() + "/transitions",
                        Map.of(
                                "to",
                                "CONTACTED",
                                "version",
                                closed.get("version").asInt()));
        assertThat(WebUser.read(english).get("detail").asString()).contains("cannot move from CLOSED to CONTACTED");

        // one open engagement per pair; a closed one may be tried again
        HttpResponse<String> again = manager.post(
                "/api/v1/engagements",
                Map.of(
                        "demandId", e.get("demand").get("id").asLong(),
                        "counterpartType", "achievement",
                        "counterpartId", e.get("counterpart").get("id").asLong()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        HttpResponse<String> twice = manager.post(
                "/api/v1/engagements",
                Map.of(
                        "demandId", e.get("demand").get("id").asLong(),
                        "counterpartType", "achievement",
                        "counterpartId", e.get("counterpart").get("id").asLong()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(WebUser.read(twice).get("key").asString()).isEqualTo("engagement.pair.open");
    }

    @Test
    void aSecondWriterOnAnOldVersionIsToldWhatChangedAndNothingIsLost() throws Exception {
        Account second = accounts.ensure(
                "manager-" + unique(), unique() + "@example.com", PASSWORD, "第二位经理人", Set.of(Role.MANAGER));
        WebUser first = as("manager");
        WebUser operator = as("operator");
        JsonNode e = start(first, demand(false), achievement(), false);
        long id = e.get("id").asLong();
        e = WebUser.read(operator.post(
                "/api/v1/engagements/" + id + "/manager",
                Map.of("managerId", second.id(), "version", e.get("version").asInt())));
        WebUser secondManager = as(second.username());
        int read = e.get("version").asInt();

        // both read the same version and move at once: exactly one move is stored
        CountDownLatch go = new CountDownLatch(1);
        Callable<HttpResponse<String>> byOperator = () -> {
            go.await();
            return operator.post(
                    "/api/v1/engagements/" + id + "/transitions", Map.of("to", "CONTACTED", "version", read));
        };
        Callable<HttpResponse<String>> bySecond = () -> {
            go.await();
            return secondManager.post(
                    "/api/v1/engagements/" + id + "/transitions",
                    Map.of("to", "CLOSED", "reason", "NO_RESPONSE", "version", read));
        };
        HttpResponse<String> a;
        HttpResponse<String> b;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<HttpResponse<String>> fa = pool.submit(byOperator);
            Future<HttpResponse<String>> fb = pool.submit(bySecond);
            go.countDown();
            a = fa.get();
            b = fb.get();
        }
        assertThat(List.of(a.statusCode(), b.statusCode())).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> loser = a.statusCode() == 409 ? a : b;
        JsonNode problem = WebUser.read(loser);
        assertThat(problem.get("key").asString()).isEqualTo("engagement.stale");
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(read + 1);
        assertThat(problem.get("changes").size()).isEqualTo(1);
        String winnerStage =
                WebUser.read(a.statusCode() == 200 ? a : b).get("stage").asString();
        assertThat(problem.get("changes").get(0).toString()).contains(winnerStage);

        JsonNode now = WebUser.read(operator.get("/api/v1/engagements/" + id));
        assertThat(first.get("/api/v1/engagements/" + id).statusCode())
                .as("no party any more")
                .isEqualTo(404);
        assertThat(now.get("stage").asString()).isEqualTo(winnerStage);
        List<String> actions = new ArrayList<>();
        WebUser.read(operator.get("/api/v1/engagements/" + id + "/audit"))
                .forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).hasSize(3).startsWith("created", "handed-over");
    }

    @Test
    void aConfidentialEngagementNamesItsPartiesToNobodyElse() {
        WebUser manager = as("manager");
        long demand = demand(false);
        JsonNode e = start(manager, demand, achievement(), true);
        long id = e.get("id").asLong();
        String title = e.get("demand").get("title").asString();

        JsonNode byStationAdmin = WebUser.read(as("station-admin").get("/api/v1/engagements/" + id));
        assertThat(byStationAdmin.has("demand")).isFalse();
        assertThat(byStationAdmin.has("counterpart")).isFalse();
        assertThat(byStationAdmin.get("stage").asString()).isEqualTo("PROPOSED");
        assertThat(byStationAdmin.toString()).doesNotContain(title);
        assertThat(as("station-admin")
                        .get("/api/v1/engagements/" + id + "/audit")
                        .statusCode())
                .isEqualTo(403);

        Account outsider = accounts.ensure(
                "outsider-" + unique(), unique() + "@example.com", PASSWORD, "局外企业", Set.of(Role.ENTERPRISE));
        WebUser other = as(outsider.username());
        assertThat(other.get("/api/v1/engagements/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/engagements?size=100").body()).doesNotContain(title);
        assertThat(new WebUser(port).get("/api/v1/engagements/" + id).statusCode())
                .isEqualTo(401);

        // the parties see everything
        assertThat(WebUser.read(as("enterprise").get("/api/v1/engagements/" + id))
                        .get("demand")
                        .get("title")
                        .asString())
                .isEqualTo(title);

        // overdue: the station admin is told without the demand's title, once
        jdbc.sql("update engagement set stage_due_at = now() - interval '1 day' where id = :id")
                .param("id", id)
                .update();
        assertThat(overdueWatch.noticeOverdue()).isGreaterThanOrEqualTo(1);
        overdueWatch.noticeOverdue();
        String adminInbox = as("station-admin").get("/api/v1/inbox?size=100").body();
        assertThat(adminInbox).contains("保密对接 #" + id).doesNotContain(title);
        String managerInbox = manager.get("/api/v1/inbox?size=100").body();
        assertThat(managerInbox.split("对接已逾期：" + title, -1)).hasSize(2);
        JsonNode overdue = WebUser.read(manager.get("/api/v1/engagements?overdue=true&size=100"));
        List<Long> ids = new ArrayList<>();
        overdue.get("results").forEach(r -> ids.add(r.get("id").asLong()));
        assertThat(ids).contains(id);
    }

    @Test
    void anEnterpriseStartingAnEngagementGetsAManagerByTriage() {
        JsonNode e = start(as("enterprise"), demand(false), achievement(), false);
        Account manager = accounts.findById(e.get("manager").get("id").asLong()).orElseThrow();
        assertThat(manager.has(Role.MANAGER)).isTrue();
        assertThat(as("enterprise")
                        .post(
                                "/api/v1/engagements/" + e.get("id").asLong() + "/transitions",
                                Map.of(
                                        "to",
                                        "CONTACTED",
                                        "version",
                                        e.get("version").asInt()))
                        .statusCode())
                .isEqualTo(403);
    }

    private static String toFullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
        return wide.toString();
    }
}
