package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Experts, cases and organizations written through their libraries' APIs reach the index after commit, without a
 * rebuild, and leave it when they are withdrawn; contact details never reach it. Every search also asks for a marker
 * term unique to the test, since other tests share the index.
 */
@IntegrationTest
class SearchLibrariesIT {

    private static final String PASSWORD = "kechuang-demo";
    private static final Duration SYNC = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private WebUser operator;
    private WebUser visitor;
    private String marker;

    @BeforeEach
    void signIn() {
        operator = new WebUser(port).withToken("operator", PASSWORD);
        visitor = new WebUser(port);
        marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aPublishedExpertIsFoundByFieldAndNameButNeverByTheirContact() {
        String phone = "139" + digits(8);
        String email = marker + "@zju.example.com";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "王振华" + marker);
        body.put("affiliation", "浙江大学机械工程学院");
        body.put("title", "教授");
        body.put("researchFields", List.of("数控机床热误差补偿"));
        body.put("keywords", List.of("精密加工"));
        body.put("regionCode", "330106");
        body.put("introduction", "长期从事精密加工装备研究。");
        body.put("phone", phone);
        body.put("email", email);
        long id = created(operator.post("/api/v1/experts", body));
        assertThat(search("热误差补偿 " + marker).get("total").asLong()).isZero();

        submitted("experts", id);

        String key = "expert:" + id;
        await().atMost(SYNC).until(() -> ids(search("热误差补偿 " + marker)).equals(List.of(key)));
        assertThat(ids(search("王振华 " + marker))).containsExactly(key);
        assertThat(ids(search("精密加工 " + marker, "&type=expert&region=330000"))).containsExactly(key);
        JsonNode found = search("浙江大学 " + marker).get("results").get(0);
        assertThat(found.get("title").asString()).isEqualTo("王振华" + marker);
        assertThat(found.get("snippet").asString()).contains("<em>浙江大学</em>").doesNotContain(phone);
        assertThat(search(phone).get("total").asLong()).isZero();
        assertThat(search(email).get("total").asLong()).isZero();

        archived("experts", id);
        await().atMost(SYNC).until(() -> ids(search("热误差补偿 " + marker)).isEmpty());
    }

    @Test
    void aPublishedCaseIsFoundByItsProblemSolutionPartiesAndFigures() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "注塑模具随形冷却改造 " + marker);
        body.put("problem", "注塑件冷却不均导致翘曲变形，成型周期长。");
        body.put("solution", "采用金属增材制造随形冷却水路。");
        body.put("parties", List.of(Map.of("role", "DEMAND_SIDE", "name", "台州某模塑有限公司")));
        body.put("figures", List.of(Map.of("name", "成型周期缩短", "value", "35", "unit", "%")));
        body.put("keywords", List.of("随形冷却"));
        body.put("industryCode", "C");
        body.put("chainNodeCode", "IC-UP-EQP");
        body.put("regionCode", "331000");
        long id = created(operator.post("/api/v1/cases", body));
        String key = "case:" + id;

        submitted("cases", id);

        await().atMost(SYNC).until(() -> ids(search("翹曲變形 " + marker)).equals(List.of(key)));
        assertThat(ids(search("增材制造 " + marker))).containsExactly(key);
        assertThat(ids(search("模塑 " + marker))).containsExactly(key);
        assertThat(ids(search("成型周期缩短 " + marker))).containsExactly(key);
        assertThat(ids(search("随形冷却 " + marker, "&type=case&chain=IC&industry=C&region=330000")))
                .containsExactly(key);
        assertThat(ids(search("随形冷却 " + marker, "&type=demand"))).isEmpty();
    }

    @Test
    void anOrganizationIsFoundByNameTypeAndDescriptionAndFollowsItsEdits() {
        String phone = "0571-" + digits(8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "杭州智谱传感科技有限公司" + marker);
        body.put("type", "ENTERPRISE");
        body.put("regionCode", "330106");
        body.put("description", "专注于 MEMS 压力传感器的设计与封装测试。");
        body.put("contactEmail", marker + "@example.cn");
        body.put("contactPhone", phone);
        long id = created(operator.post("/api/v1/organizations", body));
        String key = "organization:" + id;

        await().atMost(SYNC).until(() -> ids(search("压力传感器 " + marker)).equals(List.of(key)));
        assertThat(ids(search("企业 " + marker, "&type=organization"))).containsExactly(key);
        assertThat(ids(search("智谱传感 " + marker, "&region=330100"))).containsExactly(key);
        assertThat(search(phone).get("total").asLong()).isZero();
        assertThat(search(marker + "@example.cn").get("total").asLong()).isZero();

        body.put("description", "专注于红外热成像芯片。");
        HttpResponse<String> edited = operator.put("/api/v1/organizations/" + id, body);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        await().atMost(SYNC).until(() -> ids(search("红外热成像 " + marker)).equals(List.of(key)));
        assertThat(ids(search("压力传感器 " + marker))).isEmpty();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private void submitted(String library, long id) {
        HttpResponse<String> response = operator.post("/api/v1/" + library + "/" + id + "/submit", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(WebUser.read(response).get("status").asString()).isEqualTo("PUBLISHED");
    }

    private void archived(String library, long id) {
        HttpResponse<String> response = operator.post("/api/v1/" + library + "/" + id + "/archive", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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

    private static List<String> ids(JsonNode page) {
        return page.get("results")
                .valueStream()
                .map(r -> r.get("type").asString() + ":" + r.get("id").asLong())
                .toList();
    }
}
