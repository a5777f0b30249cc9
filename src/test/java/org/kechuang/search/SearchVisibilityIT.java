package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.kechuang.talent.ExpertDraft;
import org.kechuang.talent.Experts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A search never returns a record its caller may not see: records in every state of visibility, written through the
 * libraries, searched by each role. The station admin of the demo administers cmes, not ccs.
 */
@IntegrationTest
class SearchVisibilityIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    Experts experts;

    @Test
    void eachRoleFindsWhatItsLibrariesShowItAndNothingElse() {
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        long ccs = stations.findByCode("ccs").orElseThrow().id();
        WebUser enterprise = as("enterprise");
        WebUser expert = as("expert");
        WebUser manager = as("manager");
        WebUser operator = as("operator");
        String claimerName = "claimer-" + marker;
        accounts.ensure(claimerName, claimerName + "@example.com", PASSWORD, "认领专家", Set.of(Role.EXPERT));
        WebUser claimer = as(claimerName);

        String published = "demand:" + demand(enterprise, marker + " 公开需求", false, cmes, true);
        String confidential = "demand:" + demand(enterprise, marker + " 保密需求", true, cmes, true);
        String draftDemand = "demand:" + demand(enterprise, marker + " 需求草稿", false, cmes, false);
        String ownStation = "achievement:" + achievement(expert, marker + " 成果草稿本站", cmes);
        String otherStation = "achievement:" + achievement(expert, marker + " 成果草稿他站", ccs);
        String draftCase = "case:" + created(manager.post("/api/v1/cases", caseBody(marker + " 案例草稿")));
        String returnedProfile = "expert:" + returnedClaimedProfile(marker, cmes, claimer, operator);

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("visitor", Set.of(published));
        expected.put("reviewer", Set.of(published));
        expected.put("enterprise", Set.of(published, confidential, draftDemand));
        expected.put("expert", Set.of(published, ownStation, otherStation));
        expected.put("manager", Set.of(published, confidential, draftCase));
        expected.put("station-admin", Set.of(published, confidential, draftDemand, ownStation, returnedProfile));
        expected.put(claimerName, Set.of(published, returnedProfile));
        expected.put(
                "operator",
                Set.of(published, confidential, draftDemand, ownStation, otherStation, draftCase, returnedProfile));
        Map<String, WebUser> users = new LinkedHashMap<>();
        users.put("visitor", new WebUser(port));
        users.put("reviewer", as("reviewer"));
        users.put("enterprise", enterprise);
        users.put("expert", expert);
        users.put("manager", manager);
        users.put("station-admin", as("station-admin"));
        users.put(claimerName, claimer);
        users.put("operator", operator);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> found(operator, marker).keySet().equals(expected.get("operator")));
        for (Map.Entry<String, Set<String>> role : expected.entrySet()) {
            WebUser user = users.get(role.getKey());
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(found(user, marker).keySet())
                            .as(role.getKey())
                            .containsExactlyInAnyOrderElementsOf(role.getValue()));
            JsonNode page = search(user, marker);
            assertThat(page.get("total").asLong())
                    .as(role.getKey())
                    .isEqualTo(role.getValue().size());
            long counted = page.get("facets")
                    .get("type")
                    .valueStream()
                    .mapToLong(f -> f.get("count").asLong())
                    .sum();
            assertThat(counted)
                    .as("facet counts of %s", role.getKey())
                    .isEqualTo(role.getValue().size());
        }
        Map<String, String> statuses = found(operator, marker);
        assertThat(statuses.get(draftDemand)).isEqualTo("DRAFT");
        assertThat(statuses.get(returnedProfile)).isEqualTo("RETURNED");
        assertThat(statuses.get(published)).isEqualTo("PUBLISHED");
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private JsonNode search(WebUser user, String q) {
        HttpResponse<String> response = user.get("/api/v1/search?q=" + q + "&size=50");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    /** The results as {@code type:id} with their status. */
    private Map<String, String> found(WebUser user, String q) {
        return search(user, q)
                .get("results")
                .valueStream()
                .collect(Collectors.toMap(
                        r -> r.get("type").asString() + ":" + r.get("id").asLong(),
                        r -> r.get("status").asString()));
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private static void posted(WebUser user, String path, Object body) {
        HttpResponse<String> response = user.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long demand(WebUser author, String title, boolean confidential, long station, boolean publish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "产线节拍需要提升。");
        body.put("industryCode", "C");
        body.put("regionCode", "330200");
        body.put("deadline", LocalDate.now().plusMonths(6).toString());
        body.put("confidential", confidential);
        body.put("stationId", station);
        long id = created(author.post("/api/v1/demands", body));
        if (publish) {
            posted(author, "/api/v1/demands/" + id + "/submit", Map.of());
        }
        return id;
    }

    private static long achievement(WebUser author, String title, long station) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "面向焊接产线的视觉检测方法。");
        body.put("stationId", station);
        return created(author.post("/api/v1/achievements", body));
    }

    private static Map<String, Object> caseBody(String title) {
        return Map.of("title", title, "problem", "冷却不均导致翘曲。", "solution", "随形冷却水路。");
    }

    /**
     * A profile imported into cmes (no author), published, claimed by the expert whose e-mail it carries, then returned
     * by an operator: only the claiming expert, the station's admins and operators see it now.
     */
    private long returnedClaimedProfile(String marker, long cmes, WebUser claimer, WebUser operator) {
        ExpertDraft draft = new ExpertDraft(
                marker + " 认领专家",
                "浙江大学",
                null,
                List.of(),
                List.of("增材制造"),
                List.of(),
                null,
                List.of(),
                false,
                false,
                null,
                null,
                null,
                "claimer-" + marker + "@example.com",
                null,
                null);
        long id = experts.upsertFromImport(draft, new Provenance(cmes, "cmes-db", "vis-" + marker, 1L))
                .id();
        posted(claimer, "/api/v1/experts/" + id + "/claim", Map.of());
        posted(operator, "/api/v1/experts/" + id + "/return", Map.of("reason", "简介需要补充"));
        return id;
    }
}
