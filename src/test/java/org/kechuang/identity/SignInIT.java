package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SignInIT {

    private static final String PASSWORD = "Sign-in-Pass-7";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Browser browser;
    String username;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        username = "web-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(username, username + "@example.com", PASSWORD, "网页用户", Set.of(Role.ENTERPRISE));
    }

    @Test
    void signsInWithTheFormAndOut() {
        HttpResponse<String> signedIn =
                browser.submit("/login", "login-form", Map.of("username", username, "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn)).doesNotContain("error");

        HttpResponse<String> home = browser.get("/");
        assertThat(Browser.html(home).select(".user-name").text()).isEqualTo(username);

        HttpResponse<String> signedOut = browser.submit("/", "form[action$=logout]", Map.of());
        assertThat(Browser.location(signedOut)).endsWith("/login?signedOut");
        assertThat(Browser.html(browser.get("/")).select(".user-name")).isEmpty();
    }

    @Test
    void signsInWithFullWidthUsernameAndEmail() {
        String fullWidth = toFullWidth(username.toUpperCase());
        HttpResponse<String> signedIn =
                browser.submit("/login", "login-form", Map.of("username", fullWidth, "password", PASSWORD));
        assertThat(Browser.location(signedIn)).doesNotContain("error");

        Browser other = new Browser(port);
        HttpResponse<String> byEmail = other.submit(
                "/login",
                "login-form",
                Map.of("username", username.toUpperCase() + "@example.com", "password", PASSWORD));
        assertThat(Browser.location(byEmail)).doesNotContain("error");
    }

    @Test
    void refusesAWrongPasswordWithAMessage() {
        HttpResponse<String> refused =
                browser.submit("/login", "login-form", Map.of("username", username, "password", "not-the-password"));
        assertThat(Browser.location(refused)).endsWith("/login?error=bad-credentials");
        assertThat(Browser.html(browser.get(Browser.location(refused)))
                        .select("#login-error")
                        .text())
                .isEqualTo("用户名或密码不正确。");
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() {
        HttpResponse<String> refused = browser.post("/login", Map.of("username", username, "password", PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void sendsVisitorsOfPrivatePagesToSignIn() {
        HttpResponse<String> profile = browser.get("/profile");
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(Browser.location(profile)).endsWith("/login");
    }

    @Test
    void setsSecurityHeadersOnPages() {
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    private static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
