package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.organization.Stations;
import org.kechuang.reference.IndustryChain;
import org.kechuang.reference.IndustryChains;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DiagnosisIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stations stations;

    @Autowired
    IndustryChains chains;

    @Autowired
    ManagerCoverages coverages;

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    /**
     * A thin demand in a chain and province only the demo manager covers, so that triage gives it to them whatever
     * managers other tests created (those cover nothing, or the first chain).
     */
    private long thinDemand(WebUser author) {
        long manager = accounts.findByUsername("manager").orElseThrow().id();
        String firstChain = chains.all().getFirst().code();
        IndustryChain chain = chains.all().stream()
                .filter(c -> coverages.of(manager).chains().contains(c.code())
                        && !c.code().equals(firstChain))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> created = author.post(
                "/api/v1/demands",
                Map.of(
                        "title",
                        "诊断测试需求 " + UUID.randomUUID().toString().substring(0, 8),
                        "background",
                        "设备经常停机。",
                        "chainNodeCode",
                        chain.nodes().getFirst().code(),
                        "regionCode",
                        "110101",
                        "stationId",
                        stations.findByCode("cmes").orElseThrow().id()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        assertThat(author.post("/api/v1/demands/" + id + "/submit", Map.of()).body())
                .contains("PUBLISHED");
        return id;
    }

    /** The demand's diagnosis as an operator sees it, once the triage listener has run. */
    private JsonNode diagnosisOf(long demand) {
        WebUser operator = as("operator");
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : WebUser.read(operator.get("/api/v1/diagnoses"))) {
                if (d.get("demandId").asLong() == demand) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void aThinDemandGoesToAManagerWhoAsksTheAuthorAndIsToldWhenItIsAnswered() {
        WebUser enterprise = as("enterprise");
        long demand = thinDemand(enterprise);

        JsonNode diagnosis = diagnosisOf(demand);
        assertThat(diagnosis.get("status").asString()).isEqualTo("OPEN");
        assertThat(diagnosis.get("reason").asString()).isEqualTo("INCOMPLETE");
        assertThat(diagnosis.get("completeness").asInt()).isLessThan(60);
        assertThat(diagnosis.get("suggestions").size()).isPositive();
        String managerName = accounts.findById(diagnosis.get("managerId").asLong())
                .orElseThrow()
                .username();
        WebUser manager = as(managerName);
        assertThat(manager.get("/api/v1/inbox?size=100").body()).contains("需求待诊断");
        assertThat(enterprise.get("/api/v1/inbox?size=100").body()).contains("技术经理人将协助完善需求");

        WebUser otherManager = as(managerName.equals("manager") ? "manager-south" : "manager");
        assertThat(otherManager
                        .post("/api/v1/diagnoses/" + demand + "/questions", Map.of("questions", "停机频率多少？"))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> asked =
                manager.post("/api/v1/diagnoses/" + demand + "/questions", Map.of("questions", "停机频率多少？每次多久？"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(WebUser.read(asked).get("status").asString()).isEqualTo("QUESTIONED");
        JsonNode returned = WebUser.read(enterprise.get("/api/v1/demands/" + demand));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asString()).contains("停机频率多少");

        assertThat(enterprise
                        .post("/api/v1/demands/" + demand + "/submit", Map.of())
                        .body())
                .contains("PUBLISHED");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> diagnosisOf(demand).get("status").asString().equals("OPEN"));
        assertThat(manager.get("/api/v1/inbox?size=100").body()).contains("发布者已修改需求并重新发布");

        HttpResponse<String> done = manager.post("/api/v1/diagnoses/" + demand + "/done", Map.of());
        assertThat(WebUser.read(done).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aManagersFunnelOfAStationLeavesOutTheirDiagnosedDemandsWithoutAStation() {
        WebUser enterprise = as("enterprise");
        HttpResponse<String> created = enterprise.post(
                "/api/v1/demands",
                Map.of("title", "无站点诊断需求 " + UUID.randomUUID().toString().substring(0, 8), "background", "设备经常停机。"));
        long demand = WebUser.read(created).get("id").asLong();
        assertThat(enterprise
                        .post("/api/v1/demands/" + demand + "/submit", Map.of())
                        .body())
                .contains("PUBLISHED");
        long manager = diagnosisOf(demand).get("managerId").asLong();
        WebUser operator = as("operator");

        HttpResponse<String> funnel = operator.get("/api/v1/engagements/funnel?station="
                + stations.findByCode("cmes").orElseThrow().id() + "&manager=" + manager);
        assertThat(funnel.statusCode()).as(funnel.body()).isEqualTo(200);
    }

    @Test
    void theAuthorMayAskForHelpOnceAndOthersMayNot() {
        WebUser enterprise = as("enterprise");
        long demand = thinDemand(enterprise);
        diagnosisOf(demand);
        HttpResponse<String> again = enterprise.post("/api/v1/diagnoses", Map.of("demandId", demand));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebUser.read(again).get("key").asString()).isEqualTo("diagnosis.exists");
        assertThat(as("expert")
                        .post("/api/v1/diagnoses", Map.of("demandId", demand))
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("expert").get("/api/v1/diagnoses").statusCode()).isEqualTo(403);
    }

    @Test
    void theManagerDiagnosesOnTheirPageAndAnEmptyQuestionIsRefusedInPlace() {
        WebUser enterprise = as("enterprise");
        long demand = thinDemand(enterprise);
        String managerName = accounts.findById(
                        diagnosisOf(demand).get("managerId").asLong())
                .orElseThrow()
                .username();
        WebUser page = new WebUser(port).signedIn(managerName, PASSWORD);
        var list = WebUser.html(page.get("/engagements/diagnoses"));
        assertThat(list.select("li[data-demand=" + demand + "]").attr("data-status"))
                .isEqualTo("OPEN");

        HttpResponse<String> blank = page.submit(
                "/engagements/diagnoses", "li[data-demand=" + demand + "] form.stacked", Map.of("questions", " "));
        assertThat(WebUser.location(blank)).endsWith("/engagements/diagnoses");
        var refused = WebUser.html(page.get("/engagements/diagnoses"));
        assertThat(refused.select("li[data-demand=" + demand + "] .field-error").text())
                .contains("问题");

        page.submit(
                "/engagements/diagnoses",
                "li[data-demand=" + demand + "] form.stacked",
                Map.of("questions", "预算范围是多少？"));
        assertThat(WebUser.html(page.get("/engagements/diagnoses"))
                        .select("li[data-demand=" + demand + "]")
                        .attr("data-status"))
                .isEqualTo("QUESTIONED");
    }
}
