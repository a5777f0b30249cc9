package org.kechuang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every client of the platform relies on: the API description, problem documents, health, metrics, 404s. */
@IntegrationTest
class PlatformWebIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void describesTheApiInOpenApiGeneratedFromTheCode() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", "application/json", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"openapi\":\"3.")
                .contains("\"/api/v1/organizations\"")
                .contains("\"/api/v1/auth/tokens\"")
                .contains("\"/api/v1/reference/chains/{code}\"");
        assertThat(get("/swagger-ui/index.html", "text/html", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersRefusalsAsProblemDocumentsInTheRequestLanguage() throws Exception {
        HttpResponse<String> chinese = get("/api/v1/reference/regions/999999", "application/json", "zh-CN");
        HttpResponse<String> english = get("/api/v1/reference/regions/999999", "application/json", "en-US,en;q=0.9");

        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(chinese.body()).contains("\"key\":\"reference.region.not-found\"");
        assertThat(english.body()).contains("\"key\":\"reference.region.not-found\"");
        assertThat(detail(chinese)).isNotEqualTo(detail(english)).matches(".*\\p{IsHan}.*");
        assertThat(detail(english)).matches("[\\x20-\\x7E]+");
    }

    @Test
    void refusesUnreadableJsonWithAMalformedRequestProblem() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\": "))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"key\":\"malformed-request\"");
    }

    @Test
    void answersUnknownPagesWithTheFriendlyPageAndUnknownApiPathsWithAProblem() throws Exception {
        HttpResponse<String> page = get("/organizations/987654321", "text/html", null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在").contains("返回首页");
        assertThat(get("/organizations/987654321?lang=en", "text/html", null).body())
                .contains("Page not found");

        HttpResponse<String> closed = get("/no-such-page", "text/html", null);
        assertThat(closed.statusCode())
                .as("closed by default, even where nothing is")
                .isEqualTo(302);
        assertThat(closed.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(uri("/api/v1/no-such-thing"))
                        .header("Authorization", "Bearer " + operatorToken())
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(api.body()).contains("\"key\":\"not-found\"");
    }

    private String operatorToken() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"operator\",\"password\":\"kechuang-demo\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var token = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }

    @Test
    void reportsHealthProbesAndPrometheusMetrics() throws Exception {
        assertThat(get("/actuator/health/liveness", "application/json", null).body())
                .contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", "application/json", null).body())
                .contains("\"UP\"");
        HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    private HttpResponse<String> get(String path, String accept, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> problem) {
        var matcher = java.util.regex.Pattern.compile("\"detail\":\"([^\"]*)\"").matcher(problem.body());
        assertThat(matcher.find()).as(problem.body()).isTrue();
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
