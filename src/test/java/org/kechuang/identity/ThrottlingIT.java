package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ThrottlingIT {

    private static final String PASSWORD = "Throttle-Pass-5";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String username;

    @BeforeEach
    void setUp() {
        username = "thr" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(username, username + "@example.com", PASSWORD, "限流", Set.of(Role.ENTERPRISE));
    }

    @Test
    void locksTheUsernameAfterFiveFailuresEvenForTheRightPassword() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(webSignIn("wrong-" + attempt)).endsWith("error=bad-credentials");
        }
        String locked = webSignIn(PASSWORD);
        assertThat(locked).contains("error=throttled");
        assertThat(WebClient.html(new WebClient(port).get(locked))
                        .select("#login-error")
                        .text())
                .isEqualTo("登录失败次数过多，此账号暂时被锁定，请 15 分钟后再试。");

        HttpResponse<String> api = tokenRequest(PASSWORD, "en");
        assertThat(api.statusCode()).isEqualTo(429);
        JsonNode problem = json.readTree(api.body());
        assertThat(problem.get("key").asString()).isEqualTo("login.throttled");
        assertThat(problem.get("detail").asString()).contains("Try again in 15 minutes");
    }

    @Test
    void countsFailuresOfTheWebFormAndTheTokenEndpointTogether() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(tokenRequest("wrong-" + attempt, "zh-CN").statusCode()).isEqualTo(401);
        }
        assertThat(webSignIn("wrong-4")).endsWith("error=bad-credentials");
        assertThat(webSignIn("wrong-5")).endsWith("error=bad-credentials");
        assertThat(tokenRequest(PASSWORD, "zh-CN").statusCode()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAfresh() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            webSignIn("wrong-" + attempt);
        }
        assertThat(webSignIn(PASSWORD)).doesNotContain("error");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(webSignIn("wrong-again-" + attempt)).endsWith("error=bad-credentials");
        }
        assertThat(webSignIn(PASSWORD)).doesNotContain("error");
    }

    @Test
    void unlocksWhenTheLockRunsOut() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            webSignIn("wrong-" + attempt);
        }
        assertThat(webSignIn(PASSWORD)).contains("error=throttled");
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_lock WHERE username_key = :key AND locked_until > now()")
                        .param("key", username)
                        .query(Long.class)
                        .single())
                .as("the lock is kept in PostgreSQL")
                .isOne();

        jdbc.sql("UPDATE sign_in_lock SET locked_until = now() - INTERVAL '1 second' WHERE username_key = :key")
                .param("key", username)
                .update();
        assertThat(webSignIn(PASSWORD)).doesNotContain("error");
    }

    @Test
    void locksUnknownUsernamesAlikeSoALockRevealsNothing() {
        String nobody = "ghost" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(tokenRequest(nobody, "wrong-" + attempt, "en").statusCode())
                    .isEqualTo(401);
        }
        assertThat(tokenRequest(nobody, "wrong-6", "en").statusCode()).isEqualTo(429);
    }

    private String webSignIn(String password) {
        return WebClient.location(
                new WebClient(port).submit("/login", "login-form", Map.of("username", username, "password", password)));
    }

    private HttpResponse<String> tokenRequest(String password, String language) {
        return tokenRequest(username, password, language);
    }

    private HttpResponse<String> tokenRequest(String user, String password, String language) {
        WebClient client = new WebClient(port);
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("username", user, "password", password))))
                .build());
    }
}
