package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.reference.IndustryChain;
import org.kechuang.reference.IndustryChains;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TriageIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IndustryChains chains;

    @Autowired
    Stations stations;

    @Autowired
    ManagerCoverages coverages;

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private long publishedDemand(String chainNodeCode, String regionCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "分派测试需求 " + UUID.randomUUID().toString().substring(0, 8));
        body.put("background", "生产线需要提升检测效率与一致性。");
        body.put("chainNodeCode", chainNodeCode);
        body.put("regionCode", regionCode);
        body.put("stationId", stations.findByCode("cmes").orElseThrow().id());
        WebUser enterprise = as("enterprise");
        HttpResponse<String> created = enterprise.post("/api/v1/demands", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        assertThat(enterprise
                        .post("/api/v1/demands/" + id + "/submit", Map.of())
                        .body())
                .contains("PUBLISHED");
        return id;
    }

    private long publishedAchievement() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "分派测试成果 " + UUID.randomUUID().toString().substring(0, 8));
        body.put("description", "机器视觉在线检测系统。");
        body.put("stationId", stations.findByCode("cmes").orElseThrow().id());
        WebUser expert = as("expert");
        long id = WebUser.read(expert.post("/api/v1/achievements", body))
                .get("id")
                .asLong();
        expert.post("/api/v1/achievements/" + id + "/submit", Map.of());
        return id;
    }

    private String managerChosenFor(long demand) {
        HttpResponse<String> started = as("enterprise")
                .post(
                        "/api/v1/engagements",
                        Map.of(
                                "demandId",
                                demand,
                                "counterpartType",
                                "achievement",
                                "counterpartId",
                                publishedAchievement()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long managerId = WebUser.read(started).get("manager").get("id").asLong();
        return accounts.findById(managerId).orElseThrow().username();
    }

    @Test
    void anEnterprisesDemandGoesToTheManagerCoveringItsChain() {
        long manager = accounts.findByUsername("manager").orElseThrow().id();
        long south = accounts.findByUsername("manager-south").orElseThrow().id();
        Set<String> southChains = coverages.of(south).chains();
        Set<String> northChains = coverages.of(manager).chains();
        assertThat(southChains).as("the demo splits the chains").isNotEmpty().doesNotContainAnyElementsOf(northChains);
        IndustryChain southern = chains.all().stream()
                .filter(c -> southChains.contains(c.code()))
                .findFirst()
                .orElseThrow();
        IndustryChain northern = chains.all().stream()
                .filter(c -> northChains.contains(c.code()))
                .findFirst()
                .orElseThrow();

        assertThat(managerChosenFor(publishedDemand(southern.nodes().getFirst().code(), "110101")))
                .isEqualTo("manager-south");
        assertThat(managerChosenFor(publishedDemand(northern.nodes().getFirst().code(), "440300")))
                .isEqualTo("manager");
    }

    @Test
    void aManagerSetsWhatTheyCoverAndUnknownCodesAreRefusedWithTheirField() {
        Account fresh = accounts.ensure(
                "coverage-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                PASSWORD,
                "覆盖测试经理人",
                Set.of(Role.MANAGER));
        WebUser manager = as(fresh.username());
        String chain = chains.all().getFirst().code();

        HttpResponse<String> refused = manager.put(
                "/api/v1/managers/me/coverage", Map.of("chains", List.of("nope"), "provinces", List.of("99")));
        assertThat(refused.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        WebUser.read(refused)
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("chains", "provinces");
        assertThat(WebUser.read(manager.get("/api/v1/managers/me/coverage"))
                        .get("chains")
                        .size())
                .isZero();

        HttpResponse<String> saved = manager.put(
                "/api/v1/managers/me/coverage", Map.of("chains", List.of(chain), "provinces", List.of("330000", "44")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode coverage = WebUser.read(manager.get("/api/v1/managers/me/coverage"));
        assertThat(coverage.get("chains").toString()).contains(chain);
        assertThat(coverage.get("provinces").toString()).contains("33", "44");

        assertThat(as("enterprise").get("/api/v1/managers/me/coverage").statusCode())
                .isEqualTo(403);

        WebUser page = new WebUser(port).signedIn(fresh.username(), PASSWORD);
        assertThat(WebUser.html(page.get("/engagements/coverage"))
                        .select("input[name=chains][checked]")
                        .eachAttr("value"))
                .containsExactly(chain);
    }
}
