package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Deal outcomes of engagements reach matching: an evaluated pair is proposed on its demand as won; a confidential
 * engagement tells matching nothing.
 */
@IntegrationTest
class OutcomesToMatchingIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private long published(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        assertThat(author.post(path + "/" + id + "/submit", Map.of()).body()).contains("PUBLISHED");
        return id;
    }

    /** A demand of the enterprise and an achievement of the expert sharing an invented word: [demand, achievement]. */
    private long[] pair() {
        String topic =
                "钛锂" + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 4);
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", topic + "涂层耐磨需求");
        demand.put("background", "刀具的" + topic + "涂层磨损过快，需要提升" + topic + "涂层的耐磨寿命与结合力。");
        demand.put("stationId", cmes);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("title", topic + "耐磨涂层技术");
        achievement.put("description", topic + "涂层的沉积工艺，耐磨寿命与结合力显著提升，适用于刀具。");
        achievement.put("trl", 7);
        achievement.put("stationId", cmes);
        return new long[] {
            published(as("enterprise"), "/api/v1/demands", demand),
            published(as("expert"), "/api/v1/achievements", achievement)
        };
    }

    private JsonNode post(WebUser user, String path, Map<String, Object> body) {
        HttpResponse<String> response = user.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return WebUser.read(response);
    }

    /** Runs the pair's engagement from proposal to evaluation. */
    private long evaluated(long[] pair, boolean confidential) {
        WebUser manager = as("manager");
        JsonNode e = post(
                manager,
                "/api/v1/engagements",
                Map.of(
                        "demandId",
                        pair[0],
                        "counterpartType",
                        "achievement",
                        "counterpartId",
                        pair[1],
                        "confidential",
                        confidential));
        String moves = "/api/v1/engagements/" + e.get("id").asLong() + "/transitions";
        String ratings = "/api/v1/engagements/" + e.get("id").asLong() + "/ratings";
        e = post(
                manager,
                moves,
                Map.of("to", "CONTACTED", "version", e.get("version").asInt()));
        e = post(
                manager,
                moves,
                Map.of("to", "NEGOTIATING", "version", e.get("version").asInt()));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        e = post(
                manager,
                moves,
                Map.of(
                        "to", "CONTRACTED",
                        "version", e.get("version").asInt(),
                        "contract", Map.of("type", "LICENSE", "value", "300000", "signedOn", today)));
        e = post(
                manager,
                moves,
                Map.of("to", "DELIVERING", "version", e.get("version").asInt()));
        e = post(
                as("enterprise"),
                ratings,
                Map.of("side", "demand", "score", 5, "version", e.get("version").asInt()));
        e = post(
                as("expert"),
                ratings,
                Map.of(
                        "side",
                        "counterpart",
                        "score",
                        5,
                        "version",
                        e.get("version").asInt()));
        e = post(
                manager,
                moves,
                Map.of(
                        "to", "EVALUATED",
                        "version", e.get("version").asInt(),
                        "results", List.of(Map.of("indicator", "刀具寿命", "value", "2.1", "unit", "倍"))));
        return e.get("id").asLong();
    }

    private List<String> reasonCodes(long demand, long achievement) {
        HttpResponse<String> found =
                as("enterprise").get("/api/v1/demands/" + demand + "/matches?target=achievement&limit=50");
        if (found.statusCode() != 200) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode result : WebUser.read(found).get("results")) {
            if (result.get("id").asLong() == achievement) {
                result.get("reasons")
                        .forEach(reason -> codes.add(reason.get("code").asString()));
            }
        }
        return codes;
    }

    private long unfinishedOutcomeEvents() {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where event_type like '%EngagementMoved' and completion_date is null""").query(Long.class).single();
    }

    @Test
    void anEvaluatedEngagementIsAWonPairForMatching() {
        long[] pair = pair();
        evaluated(pair, false);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> reasonCodes(pair[0], pair[1]).contains("won"));
    }

    @Test
    void aConfidentialEngagementTellsMatchingNothing() {
        long[] pair = pair();
        evaluated(pair, true);
        await().atMost(Duration.ofMinutes(2)).until(() -> unfinishedOutcomeEvents() == 0);
        assertThat(jdbc.sql("select count(*) from match_outcome where demand_id = :demand")
                        .param("demand", pair[0])
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
