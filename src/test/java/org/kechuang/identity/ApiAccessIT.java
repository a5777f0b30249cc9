package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ApiAccessIT {

    private static final String PASSWORD = "correct-horse-42";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration stations;

    @Autowired
    JsonMapper json;

    Browser client;
    String username;

    @BeforeEach
    void setUp() {
        client = new Browser(port);
        username = "api-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(username, username + "@example.com", PASSWORD, "接口用户", Set.of(Role.EXPERT));
    }

    @Test
    void issuesATokenThatOpensTheCurrentUser() {
        HttpResponse<String> created = createToken(username, PASSWORD, "en");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json.readTree(created.body()).get("token").asString();
        assertThat(token).hasSizeGreaterThan(40);

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(me.body());
        assertThat(body.get("username").asString()).isEqualTo(username);
        assertThat(body.get("displayName").asString()).isEqualTo("接口用户");
        assertThat(body.get("roles").toString()).isEqualTo("[\"EXPERT\"]");
    }

    @Test
    void refusesAWrongPasswordWithAProblemInTheCallersLanguage() {
        HttpResponse<String> english = createToken(username, "wrong-password-1", "en");
        assertThat(english.statusCode()).isEqualTo(401);
        assertThat(english.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(english.body());
        assertThat(problem.get("key").asString()).isEqualTo("login.bad-credentials");
        assertThat(problem.get("detail").asString()).isEqualTo("Wrong username or password.");

        HttpResponse<String> chinese = createToken(username, "wrong-password-2", "zh-CN");
        assertThat(json.readTree(chinese.body()).get("detail").asString()).isEqualTo("用户名或密码不正确。");
    }

    @Test
    void answersAnUnknownUsernameExactlyLikeAWrongPassword() {
        HttpResponse<String> unknown = createToken("nobody-" + UUID.randomUUID(), PASSWORD, "en");
        HttpResponse<String> wrong = createToken(username, "wrong-password-3", "en");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(unknown.body()).get("detail"))
                .isEqualTo(json.readTree(wrong.body()).get("detail"));
    }

    @Test
    void refusesAVisitorOnTheApiWithAProblemDocument() {
        HttpResponse<String> me = get("/api/v1/me", null);
        assertThat(me.statusCode()).isEqualTo(401);
        JsonNode problem = json.readTree(me.body());
        assertThat(problem.get("key").asString()).isEqualTo("unauthenticated");
    }

    @Test
    void revokedTokenNoLongerOpensTheApi() {
        String token = json.readTree(createToken(username, PASSWORD, "en").body())
                .get("token")
                .asString();
        JsonNode listed = json.readTree(get("/api/v1/auth/tokens", token).body());
        long id = listed.get(0).get("id").asLong();

        HttpResponse<String> revoked = client.send(HttpRequest.newBuilder(client.uri("/api/v1/auth/tokens/" + id))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
        assertThat(revoked.statusCode()).isEqualTo(204);

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(json.readTree(me.body()).get("key").asString()).isEqualTo("token.invalid");
    }

    @Test
    void showsStationAppointmentsOfTheCurrentUser() {
        String token = json.readTree(createToken(username, PASSWORD, "en").body())
                .get("token")
                .asString();
        stations.appoint(9001, username);
        stations.appoint(9002, username.toUpperCase());

        JsonNode me = json.readTree(get("/api/v1/me", token).body());
        assertThat(me.get("roles").toString()).contains("STATION_ADMIN");
        assertThat(me.get("administeredStations").toString()).contains("9001", "9002");
        assertThat(stations.adminsOf(9001))
                .extracting(StationAdministration.StationAdmin::username)
                .contains(username);

        long id = me.get("id").asLong();
        stations.dismiss(9001, id);
        stations.dismiss(9002, id);
        JsonNode after = json.readTree(get("/api/v1/me", token).body());
        assertThat(after.get("roles").toString()).doesNotContain("STATION_ADMIN");
        assertThat(after.get("administeredStations").size()).isZero();
    }

    private HttpResponse<String> createToken(String user, String password, String language) {
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(java.util.Map.of("username", user, "password", password))))
                .build());
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Accept-Language", "en");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.GET().build());
    }
}
