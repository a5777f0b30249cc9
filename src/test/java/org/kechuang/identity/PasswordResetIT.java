package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PasswordResetIT {

    private static final String OLD_PASSWORD = "Old-Password-11";
    private static final String NEW_PASSWORD = "New-Password-22";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    WebClient browser;
    Mailbox mailbox;
    String username;
    String email;

    @BeforeEach
    void setUp() {
        browser = new WebClient(port);
        mailbox = new Mailbox(mailServer);
        username = "reset" + UUID.randomUUID().toString().substring(0, 8);
        email = username + "@example.com";
        accounts.ensure(username, email, OLD_PASSWORD, "重设者", Set.of(Role.ENTERPRISE));
    }

    @Test
    void resetsThePasswordThroughASingleUseLinkAndRevokesTokens() {
        String token = createToken(OLD_PASSWORD);

        HttpResponse<String> asked =
                browser.submit("/password-reset", "reset-form", Map.of("email", email.toUpperCase()));
        assertThat(asked.statusCode()).isEqualTo(200);
        String answer = WebClient.html(asked).select("#message").text();

        var mail = mailbox.await(email, 1);
        assertThat(Mailbox.subject(mail)).isEqualTo("【科创】重设密码");
        assertThat(Mailbox.body(mail)).contains(username, "60 分钟");
        String link = Mailbox.link(mail);
        assertThat(link).startsWith("/password-reset/new?token=");

        HttpResponse<String> weak =
                browser.submit(link, "new-password-form", Map.of("password", "short", "passwordConfirmation", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(WebClient.html(weak).select("#password-error").text()).contains("密码太短");

        HttpResponse<String> done = browser.submit(
                link, "new-password-form", Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));
        assertThat(WebClient.html(done).select("#message").text()).contains("新密码已保存");

        HttpResponse<String> again = browser.get(link);
        assertThat(again.statusCode()).as("the link works once").isEqualTo(400);
        assertThat(WebClient.html(again).select("#message").text()).contains("无效");

        assertThat(signIn(OLD_PASSWORD)).contains("error=bad-credentials");
        assertThat(signIn(NEW_PASSWORD)).doesNotContain("error");
        assertThat(me(token).statusCode())
                .as("tokens made with the old password are revoked")
                .isEqualTo(401);

        WebClient stranger = new WebClient(port);
        HttpResponse<String> unknown = stranger.submit(
                "/password-reset", "reset-form", Map.of("email", "nobody-" + username + "@example.com"));
        assertThat(WebClient.html(unknown).select("#message").text())
                .as("the same answer whether or not the address is known")
                .isEqualTo(answer);
    }

    @Test
    void refusesAnExpiredResetLink() {
        browser.submit("/password-reset", "reset-form", Map.of("email", email));
        String link = Mailbox.link(mailbox.await(email, 1));
        jdbc.sql("UPDATE mail_link SET expires_at = now() - INTERVAL '1 second' WHERE purpose = 'RESET_PASSWORD' "
                        + "AND account_id = (SELECT id FROM account WHERE username_key = :key)")
                .param("key", username)
                .update();

        assertThat(browser.get(link).statusCode()).isEqualTo(400);
        HttpResponse<String> refused = browser.post(
                "/password-reset/new",
                Map.of(
                        "_csrf",
                        csrfFrom("/password-reset"),
                        "token",
                        link.substring(link.indexOf('=') + 1),
                        "password",
                        NEW_PASSWORD,
                        "passwordConfirmation",
                        NEW_PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(signIn(OLD_PASSWORD)).doesNotContain("error");
    }

    private String csrfFrom(String page) {
        return WebClient.html(browser.get(page)).select("input[name=_csrf]").val();
    }

    private String signIn(String password) {
        return WebClient.location(
                new WebClient(port).submit("/login", "login-form", Map.of("username", username, "password", password)));
    }

    private String createToken(String password) {
        HttpResponse<String> created = browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("username", username, "password", password))))
                .build());
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("token").asString();
    }

    private HttpResponse<String> me(String token) {
        return browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }
}
