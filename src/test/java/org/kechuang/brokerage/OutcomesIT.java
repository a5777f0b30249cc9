package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.reference.IndustryChains;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The outcomes of brokerage: the funnel counted from the records and drillable to exactly them, the case proposed once
 * by an evaluated engagement and published only after an operator approves it, and a manager's figures. Everything
 * happens in a station of its own, so that the shared demo data does not move the expected numbers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    IndustryChains chains;

    @Autowired
    CaseProposals proposals;

    @Autowired
    JdbcClient jdbc;

    private long station;
    private long demandOrganization;
    private long supplyOrganization;
    private String supplyName;
    private String chainNode;

    @BeforeAll
    void openStation() {
        station = newStation();
        demandOrganization = organizations
                .registerForPlatform(organization("需求企业 " + unique()), station)
                .id();
        supplyName = "供给研究所 " + unique();
        supplyOrganization = organizations
                .registerForPlatform(organization(supplyName), station)
                .id();
        chainNode = chains.all().getFirst().nodes().getFirst().code();
    }

    private long newStation() {
        long owner = organizations
                .registerForPlatform(organization("成效站点机构 " + unique()), null)
                .id();
        return stations.openForPlatform(owner, "o" + unique(), "成效测试站点").id();
    }

    private static OrganizationDraft organization(String name) {
        return new OrganizationDraft(name, "ENTERPRISE", null, null, "330100", null, null, null, null, null);
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private long demand(String chainNodeCode) {
        return demand(station, chainNodeCode);
    }

    private long demand(long station, String chainNodeCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "成效测试需求 " + unique());
        body.put("background", "铸件气孔率高，返工成本大，需要工艺改进。");
        body.put("technicalProblems", "把气孔缺陷率降到 1% 以下。");
        body.put("organizationId", demandOrganization);
        body.put("stationId", station);
        if (chainNodeCode != null) {
            body.put("chainNodeCode", chainNodeCode);
        }
        WebUser enterprise = as("enterprise");
        HttpResponse<String> created = enterprise.post("/api/v1/demands", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        HttpResponse<String> submitted = enterprise.post("/api/v1/demands/" + id + "/submit", Map.of());
        assertThat(WebUser.read(submitted).get("status").asString())
                .as(submitted.body())
                .isEqualTo("PUBLISHED");
        return id;
    }

    /** An engagement between the demand and the supplying organization, run by the manager, started by the runner. */
    private JsonNode start(WebUser runner, long demand, long counterpart, Long manager, boolean confidential) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("demandId", demand);
        body.put("counterpartType", "organization");
        body.put("counterpartId", counterpart);
        body.put("confidential", confidential);
        if (manager != null) {
            body.put("managerId", manager);
        }
        HttpResponse<String> started = runner.post("/api/v1/engagements", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return WebUser.read(started);
    }

    private static JsonNode move(WebUser runner, JsonNode e, Map<String, Object> body) {
        Map<String, Object> withVersion = new LinkedHashMap<>(body);
        withVersion.put("version", e.get("version").asInt());
        HttpResponse<String> moved =
                runner.post("/api/v1/engagements/" + e.get("id").asLong() + "/transitions", withVersion);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        return WebUser.read(moved);
    }

    private static JsonNode to(WebUser runner, JsonNode e, String stage) {
        return move(runner, e, Map.of("to", stage));
    }

    private static JsonNode contracted(WebUser runner, JsonNode e) {
        e = to(runner, to(runner, e, "CONTACTED"), "NEGOTIATING");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        return move(
                runner,
                e,
                Map.of(
                        "to",
                        "CONTRACTED",
                        "contract",
                        Map.of("type", "DEVELOPMENT", "value", "800000", "signedOn", today)));
    }

    /** Delivered, rated by the enterprise (the demand's side) and by the runner for the organization, evaluated. */
    private JsonNode evaluated(WebUser runner, JsonNode e) {
        e = to(runner, contracted(runner, e), "DELIVERING");
        e = rate(as("enterprise"), e, "demand");
        e = rate(runner, e, "counterpart");
        return move(
                runner,
                e,
                Map.of(
                        "to",
                        "EVALUATED",
                        "results",
                        List.of(
                                Map.of("indicator", "气孔缺陷率", "value", "0.8", "unit", "%"),
                                Map.of("indicator", "年节约成本", "value", "320", "unit", "万元"),
                                Map.of("indicator", "返工批次", "value", "0", "unit", "")),
                        "resultsNote",
                        "连续六个月统计"));
    }

    private static JsonNode rate(WebUser rater, JsonNode e, String side) {
        HttpResponse<String> rated = rater.post(
                "/api/v1/engagements/" + e.get("id").asLong() + "/ratings",
                Map.of("side", side, "score", 5, "version", e.get("version").asInt()));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        return WebUser.read(rated);
    }

    private static JsonNode closed(WebUser runner, JsonNode e, String reason) {
        return move(runner, e, Map.of("to", "CLOSED", "reason", reason));
    }

    private static Map<String, Long> counts(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        WebUser.read(response)
                .get("steps")
                .forEach(
                        s -> counts.put(s.get("step").asString(), s.get("count").asLong()));
        return counts;
    }

    /** The demand ids a drill-down lists, every page of it. */
    private static List<Long> drilled(WebUser user, String query, int size) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response =
                    user.get("/api/v1/engagements/funnel/records?" + query + "&size=" + size + "&page=" + page);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode records = WebUser.read(response);
            records.get("results")
                    .forEach(r -> ids.add(r.get("demand").get("id").asLong()));
            if ((long) (page + 1) * size >= records.get("total").asLong()) {
                assertThat(records.get("total").asLong()).isEqualTo(ids.size());
                return ids;
            }
        }
    }

    @Test
    void funnelCountsEqualTheRecordsBehindThemAndDrillDownListsExactlyThose() {
        WebUser manager = as("manager");
        WebUser operator = as("operator");
        // a station of its own: the other tests' engagements do not count here
        long station = newStation();
        long onlyPosted = demand(station, null);
        long proposed = demand(station, null);
        long contactedThenClosed = demand(station, null);
        long contracted = demand(station, null);
        long evaluated = demand(station, null);
        long twoEngagements = demand(station, chainNode);

        start(manager, proposed, supplyOrganization, null, false);
        closed(
                manager,
                to(manager, start(manager, contactedThenClosed, supplyOrganization, null, false), "CONTACTED"),
                "TERMS");
        contracted(manager, start(manager, contracted, supplyOrganization, null, false));
        JsonNode won = evaluated(manager, start(manager, evaluated, supplyOrganization, null, false));
        start(manager, twoEngagements, supplyOrganization, null, false);
        long other = organizations
                .registerForPlatform(organization("第二供给方 " + unique()), station)
                .id();
        JsonNode negotiating = to(
                manager, to(manager, start(manager, twoEngagements, other, null, false), "CONTACTED"), "NEGOTIATING");

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("demands", 6L);
        expected.put("matched", 5L);
        expected.put("contacted", 4L);
        expected.put("contracted", 2L);
        expected.put("evaluated", 1L);
        assertThat(counts(operator.get("/api/v1/engagements/funnel?station=" + station)))
                .containsExactlyEntriesOf(expected);

        assertThat(drilled(operator, "step=demands&station=" + station, 4))
                .containsExactly(twoEngagements, evaluated, contracted, contactedThenClosed, proposed, onlyPosted);
        assertThat(drilled(operator, "step=matched&station=" + station, 2))
                .containsExactly(twoEngagements, evaluated, contracted, contactedThenClosed, proposed);
        assertThat(drilled(operator, "step=contacted&station=" + station, 20))
                .containsExactly(twoEngagements, evaluated, contracted, contactedThenClosed);
        assertThat(drilled(operator, "step=contracted&station=" + station, 20)).containsExactly(evaluated, contracted);
        assertThat(drilled(operator, "step=evaluated&station=" + station, 20)).containsExactly(evaluated);

        // the row of a step lists the engagements that put the demand there, and only those
        JsonNode contactedRows =
                WebUser.read(operator.get("/api/v1/engagements/funnel/records?step=contacted&station=" + station));
        JsonNode first = contactedRows.get("results").get(0);
        assertThat(first.get("engagements").size()).isEqualTo(1);
        assertThat(first.get("engagements").get(0).get("id").asLong())
                .isEqualTo(negotiating.get("id").asLong());
        JsonNode evaluatedRows =
                WebUser.read(operator.get("/api/v1/engagements/funnel/records?step=evaluated&station=" + station));
        assertThat(evaluatedRows
                        .get("results")
                        .get(0)
                        .get("engagements")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(won.get("id").asLong());

        // per chain: only the demand tagged with the node
        Map<String, Long> chain =
                counts(operator.get("/api/v1/engagements/funnel?station=" + station + "&chain=" + chainNode));
        assertThat(chain)
                .containsEntry("demands", 1L)
                .containsEntry("matched", 1L)
                .containsEntry("contracted", 0L);

        // per manager: the demo manager ran every engagement of this station
        long managerId = accounts.findByUsername("manager").orElseThrow().id();
        Map<String, Long> own = counts(manager.get("/api/v1/engagements/funnel?station=" + station));
        Map<String, Long> asOperator =
                counts(operator.get("/api/v1/engagements/funnel?station=" + station + "&manager=" + managerId));
        assertThat(own).isEqualTo(asOperator);
        assertThat(own).containsEntry("matched", 5L).containsEntry("evaluated", 1L);

        // the page shows the same numbers, each a link to its records
        WebUser browser = new WebUser(port).signedIn("operator", PASSWORD);
        HttpResponse<String> page = browser.get("/engagements/funnel?station=" + station);
        assertThat(page.statusCode()).isEqualTo(200);
        var contractedLink = WebUser.html(page).selectFirst("tr[data-step=contracted] a.funnel-count");
        assertThat(contractedLink.text()).isEqualTo("2");
        HttpResponse<String> drill = browser.get(contractedLink.attr("href"));
        assertThat(drill.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(drill).select("#records-table tbody tr").eachAttr("data-demand"))
                .containsExactly(Long.toString(evaluated), Long.toString(contracted));
    }

    @Test
    void funnelIsRefusedOutsideTheCallersScope() {
        long managerId = accounts.findByUsername("manager").orElseThrow().id();
        long otherManager = accounts.ensure(
                        "outcome-mgr-" + unique(), unique() + "@example.com", PASSWORD, "另一位经理人", Set.of(Role.MANAGER))
                .id();
        assertThat(as("station-admin")
                        .get("/api/v1/engagements/funnel?station=" + station)
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("manager")
                        .get("/api/v1/engagements/funnel?manager=" + otherManager)
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("enterprise").get("/api/v1/engagements/funnel").statusCode())
                .isEqualTo(403);
        assertThat(as("manager")
                        .get("/api/v1/engagements/funnel?manager=" + managerId)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> badStep = as("operator").get("/api/v1/engagements/funnel/records?step=won");
        assertThat(badStep.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(badStep).get("key").asString()).isEqualTo("outcome.funnel.step.invalid");
        HttpResponse<String> badChain = as("operator").inEnglish().get("/api/v1/engagements/funnel?chain=NOPE");
        assertThat(badChain.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(badChain).get("field").asString()).isEqualTo("chain");
        assertThat(WebUser.read(badChain).get("detail").asString()).contains("NOPE");
    }

    private long proposedCase(long engagementId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("select case_id from engagement_case where engagement_id = :id")
                                .param("id", engagementId)
                                .query(Long.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);
    }

    @Test
    void evaluatedEngagementProposesOneCaseThatIsPublicOnlyAfterTheOperatorApprovesIt() {
        WebUser manager = as("manager");
        WebUser operator = as("operator");
        WebUser visitor = new WebUser(port);
        long demand = demand(chainNode);
        JsonNode e = evaluated(manager, start(manager, demand, supplyOrganization, null, false));
        long engagementId = e.get("id").asLong();

        long caseId = proposedCase(engagementId);
        assertThat(visitor.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
        JsonNode proposed = WebUser.read(operator.get("/api/v1/cases/" + caseId));
        assertThat(proposed.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(proposed.get("demand").get("id").asLong()).isEqualTo(demand);
        assertThat(proposed.get("chainNodeCode").asString()).isEqualTo(chainNode);
        assertThat(proposed.get("problem").asString()).contains("铸件气孔率高", "把气孔缺陷率降到 1% 以下");
        assertThat(proposed.get("solution").asString()).contains(supplyName, "技术开发", "连续六个月统计", "返工批次 0");
        assertThat(proposed.toString()).contains("DEMAND_SIDE", "SUPPLY_SIDE", supplyName);
        List<String> figures = new ArrayList<>();
        proposed.get("figures")
                .forEach(f -> figures.add(f.get("name").asString() + " "
                        + f.get("value").decimalValue().stripTrailingZeros().toPlainString() + " "
                        + f.get("unit").asString()));
        assertThat(figures).containsExactly("气孔缺陷率 0.8 %", "年节约成本 320 万元");

        // the event delivered again proposes nothing more
        assertThat(proposals.propose(engagementId)).isNull();
        assertThat(jdbc.sql(
                                "select count(*) from application_case where source_system = 'brokerage' and source_id = :s")
                        .param("s", "engagement:" + engagementId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        long item = pendingItem(caseId);
        HttpResponse<String> released = operator.post("/api/v1/moderation/items/" + item + "/release", Map.of());
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> visitor.get("/api/v1/cases/" + caseId).statusCode() == 200);
        assertThat(WebUser.read(visitor.get("/api/v1/cases/" + caseId))
                        .get("status")
                        .asString())
                .isEqualTo("PUBLISHED");
    }

    private long pendingItem(long caseId) {
        return jdbc.sql("select id from moderation_item where record_type = 'case' and record_id = :id"
                        + " and status = 'pending'")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    @Test
    void confidentialEngagementProposesACaseWithoutPartiesOrLinks() {
        WebUser manager = as("manager");
        long demand = demand(null);
        JsonNode e = evaluated(manager, start(manager, demand, supplyOrganization, null, true));
        long caseId = proposedCase(e.get("id").asLong());
        JsonNode proposed = WebUser.read(as("operator").get("/api/v1/cases/" + caseId));
        assertThat(proposed.get("parties").size()).isZero();
        assertThat(proposed.path("demand").isNull() || proposed.path("demand").isMissingNode())
                .isTrue();
        assertThat(proposed.path("achievement").isNull()
                        || proposed.path("achievement").isMissingNode())
                .isTrue();
        assertThat(proposed.toString()).doesNotContain(supplyName);
        assertThat(proposed.get("solution").asString()).contains("保密对接");
        assertThat(new WebUser(port).get("/api/v1/cases/" + caseId).statusCode())
                .isEqualTo(404);

        // the operator finds it in the moderation queue, marked as awaiting approval
        long item = pendingItem(caseId);
        WebUser browser = new WebUser(port).signedIn("operator", PASSWORD);
        org.jsoup.nodes.Element article = null;
        for (int page = 1; article == null && page <= 50; page++) {
            HttpResponse<String> queue = browser.get("/operator/moderation?page=" + page);
            assertThat(queue.statusCode()).isEqualTo(200);
            article = WebUser.html(queue).getElementById("item-" + item);
        }
        assertThat(article).isNotNull();
        assertThat(article.select(".finding[data-category=approval]").text())
                .contains("待审核发布", "对接 #" + e.get("id").asLong());
    }

    @Test
    void managerFiguresCountOpenWonLostByReasonAndMedianDaysPerStage() {
        String username = "outcome-fig-" + unique();
        long managerId = accounts.ensure(username, username + "@example.com", PASSWORD, "成效经理人", Set.of(Role.MANAGER))
                .id();
        WebUser operator = as("operator");
        JsonNode noAnswer = start(operator, demand(null), supplyOrganization, managerId, false);
        noAnswer = closed(operator, to(operator, noAnswer, "CONTACTED"), "NO_RESPONSE");
        JsonNode stillOpen =
                to(operator, start(operator, demand(null), supplyOrganization, managerId, false), "CONTACTED");
        JsonNode terms = closed(operator, start(operator, demand(null), supplyOrganization, managerId, false), "TERMS");
        JsonNode won = evaluated(operator, start(operator, demand(null), supplyOrganization, managerId, false));

        // stage entry times set to known days: proposed for 1, 3, 5 and 4 days, contacted for 2 days twice
        Instant t0 = Instant.parse("2026-01-05T02:00:00Z");
        at(noAnswer, "created", t0);
        at(noAnswer, "contacted", t0.plus(Duration.ofDays(1)));
        at(noAnswer, "closed", t0.plus(Duration.ofDays(3)));
        at(stillOpen, "created", t0);
        at(stillOpen, "contacted", t0.plus(Duration.ofDays(3)));
        at(terms, "created", t0);
        at(terms, "closed", t0.plus(Duration.ofDays(5)));
        at(won, "created", t0.plus(Duration.ofDays(20)));
        at(won, "contacted", t0.plus(Duration.ofDays(24)));
        at(won, "negotiating", t0.plus(Duration.ofDays(26)));

        HttpResponse<String> own =
                new WebUser(port).withToken(username, PASSWORD).get("/api/v1/engagements/figures");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode figures = WebUser.read(own);
        assertThat(figures.get("open").asLong()).isEqualTo(1);
        assertThat(figures.get("won").asLong()).isEqualTo(1);
        assertThat(figures.get("lost").asLong()).isEqualTo(2);
        Map<String, Long> reasons = new LinkedHashMap<>();
        figures.get("lostByReason")
                .forEach(r ->
                        reasons.put(r.get("reason").asString(), r.get("count").asLong()));
        assertThat(reasons).containsExactly(Map.entry("NO_RESPONSE", 1L), Map.entry("TERMS", 1L));
        JsonNode proposedStage = figures.get("stages").get(0);
        assertThat(proposedStage.get("stage").asString()).isEqualTo("PROPOSED");
        // 1, 3, 5 and 4 days (the evaluated one): median 3.5
        assertThat(proposedStage.get("medianDays").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(proposedStage.get("stays").asInt()).isEqualTo(4);
        JsonNode contactedStage = figures.get("stages").get(1);
        assertThat(contactedStage.get("stage").asString()).isEqualTo("CONTACTED");
        assertThat(contactedStage.get("medianDays").decimalValue()).isEqualByComparingTo("2.0");
        // 2 days each (the closed one and the evaluated one); the open one has not left the stage
        assertThat(contactedStage.get("stays").asInt()).isEqualTo(2);

        assertThat(operator.get("/api/v1/engagements/figures?manager=" + managerId)
                        .body())
                .isEqualTo(own.body());
        assertThat(as("manager")
                        .get("/api/v1/engagements/figures?manager=" + managerId)
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("enterprise").get("/api/v1/engagements/figures").statusCode())
                .isEqualTo(403);
        HttpResponse<String> noManager = operator.get("/api/v1/engagements/figures");
        assertThat(noManager.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(noManager).get("field").asString()).isEqualTo("manager");

        HttpResponse<String> page =
                new WebUser(port).signedIn("operator", PASSWORD).get("/engagements/figures?manager=" + managerId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(page).selectFirst("#figures-won").text()).isEqualTo("1");
        assertThat(WebUser.html(page)
                        .selectFirst("tr[data-stage=PROPOSED] td:nth-child(2)")
                        .text())
                .isEqualTo("3.5");
    }

    /** Moves the audit entry of the action to a known time. */
    private void at(JsonNode engagement, String action, Instant time) {
        int updated = jdbc.sql("""
                        update record_history set changed_at = :at
                        where record_type = 'engagement' and record_id = :id and action = :action""")
                .param("at", Timestamp.from(time))
                .param("id", engagement.get("id").asLong())
                .param("action", action)
                .update();
        assertThat(updated).isEqualTo(1);
    }
}
