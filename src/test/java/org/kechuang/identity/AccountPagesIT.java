package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The profile page and the operator pages, as each role sees them. */
@IntegrationTest
class AccountPagesIT {

    private static final String PASSWORD = "Pages-Pass-99";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    GreenMail mailServer;

    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsATokenShownOnceThatWorksUntilRevoked() {
        Browser browser = signedIn("prof" + suffix, Set.of(Role.ENTERPRISE));

        HttpResponse<String> created = browser.submit("/profile", "token-form", Map.of("name", "导入脚本"));
        assertThat(Browser.location(created)).contains("/profile");
        Document withToken = Browser.html(browser.get("/profile"));
        String token = withToken.select("#new-token-value").text();
        assertThat(token).startsWith("kc_");
        assertThat(withToken.select(".token-name").eachText()).containsExactly("导入脚本");
        assertThat(Browser.html(browser.get("/profile")).select("#new-token-value"))
                .as("shown only once")
                .isEmpty();

        assertThat(api(browser, token).statusCode()).isEqualTo(200);
        assertThat(Browser.html(browser.get("/profile"))
                        .select(".token-last-used")
                        .text())
                .doesNotContain("从未使用");

        HttpResponse<String> revoked = browser.submit("/profile", "form.revoke-token", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(api(browser, token).statusCode()).isEqualTo(401);
        assertThat(Browser.html(browser.get("/profile")).select(".token")).isEmpty();
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOne() {
        String username = "pw" + suffix;
        Browser browser = signedIn(username, Set.of(Role.EXPERT));

        HttpResponse<String> wrongCurrent = browser.submit(
                "/profile",
                "password-form",
                Map.of(
                        "currentPassword", "not-it-at-all",
                        "password", "Brand-New-Pass-1",
                        "passwordConfirmation", "Brand-New-Pass-1"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(Browser.html(wrongCurrent).select("#currentPassword-error").text())
                .isEqualTo("当前密码不正确。");

        HttpResponse<String> weak = browser.submit(
                "/profile",
                "password-form",
                Map.of("currentPassword", PASSWORD, "password", "abcdefgh", "passwordConfirmation", "abcdefgh"));
        assertThat(Browser.html(weak).select("#password-error").text()).contains("密码太弱");

        HttpResponse<String> changed = browser.submit(
                "/profile",
                "password-form",
                Map.of(
                        "currentPassword", PASSWORD,
                        "password", "Brand-New-Pass-1",
                        "passwordConfirmation", "Brand-New-Pass-1"));
        assertThat(Browser.location(changed)).endsWith("/profile");

        Browser fresh = new Browser(port);
        assertThat(Browser.location(
                        fresh.submit("/login", "login-form", Map.of("username", username, "password", PASSWORD))))
                .contains("error=bad-credentials");
        assertThat(Browser.location(fresh.submit(
                        "/login", "login-form", Map.of("username", username, "password", "Brand-New-Pass-1"))))
                .doesNotContain("error");
    }

    @Test
    void operatorPagesAreForbiddenToOtherRolesAndSendVisitorsToSignIn() {
        Browser visitor = new Browser(port);
        for (String page : new String[] {"/operator/accounts", "/operator/mail"}) {
            HttpResponse<String> asVisitor = visitor.get(page);
            assertThat(asVisitor.statusCode()).isEqualTo(302);
            assertThat(Browser.location(asVisitor)).endsWith("/login");
        }
        Browser member = signedIn("mem" + suffix, Set.of(Role.ENTERPRISE, Role.EXPERT, Role.MANAGER, Role.REVIEWER));
        for (String page : new String[] {"/operator/accounts", "/operator/mail"}) {
            HttpResponse<String> asMember = member.get(page);
            assertThat(asMember.statusCode()).isEqualTo(403);
            assertThat(Browser.html(asMember).select("h1").text()).isEqualTo("没有权限访问此页面");
        }
        assertThat(Browser.html(member.get("/")).select(".main-nav a").eachAttr("href"))
                .doesNotContain("/operator/accounts", "/operator/mail");
    }

    @Test
    void operatorFindsAnAccountAndGrantsAndRevokesARole() {
        Browser operator = signedIn("op" + suffix, Set.of(Role.OPERATOR));
        String member = "target" + suffix;
        accounts.ensure(member, member + "@example.com", PASSWORD, "目标用户", Set.of(Role.ENTERPRISE));
        assertThat(Browser.html(operator.get("/")).select(".main-nav a").eachAttr("href"))
                .contains("/operator/accounts", "/operator/mail");

        String search = "/operator/accounts?q=" + member.toUpperCase();
        Document found = Browser.html(operator.get(search));
        assertThat(found.select("tr.account .username").eachText()).containsExactly(member);

        HttpResponse<String> granted = operator.submit(search, "form.grant-role", Map.of("role", "MANAGER"));
        assertThat(Browser.location(granted)).contains("/operator/accounts?q=" + member.toUpperCase());
        assertThat(accounts.findByUsername(member).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.ENTERPRISE, Role.MANAGER);
        Document after = Browser.html(operator.get(Browser.location(granted)));
        assertThat(after.select("#notice").text()).contains("技术经理人", member);

        operator.submit(search, "li[data-role=MANAGER] form.revoke-role", Map.of());
        assertThat(accounts.findByUsername(member).orElseThrow().roles()).containsExactly(Role.ENTERPRISE);
    }

    @Test
    void operatorCannotGrantStationAdminHereNorRevokeTheirOwnOperatorRole() {
        String username = "self" + suffix;
        Browser operator = signedIn(username, Set.of(Role.OPERATOR));
        long id = accounts.findByUsername(username).orElseThrow().id();
        String search = "/operator/accounts?q=" + username;

        HttpResponse<String> stationAdmin = operator.submit(search, "form.grant-role", Map.of("role", "STATION_ADMIN"));
        assertThat(Browser.html(operator.get(Browser.location(stationAdmin)))
                        .select("#refusal")
                        .text())
                .isEqualTo("站点管理员须在站点页面上任命。");

        HttpResponse<String> ownRole = operator.submit(search, "li[data-role=OPERATOR] form.revoke-role", Map.of());
        assertThat(Browser.html(operator.get(Browser.location(ownRole)))
                        .select("#refusal")
                        .text())
                .isEqualTo("不能撤销自己的平台运营角色。");
        assertThat(accounts.findById(id).orElseThrow().roles()).containsExactly(Role.OPERATOR);
    }

    @Test
    void operatorReadsTheMailTheDemoSent() {
        Browser operator = signedIn("mail" + suffix, Set.of(Role.OPERATOR));
        String member = "inbox" + suffix;
        String email = member + "@example.com";
        new Browser(port)
                .submit(
                        "/register",
                        "register-form",
                        Map.of(
                                "username", member,
                                "email", email,
                                "displayName", "收件人",
                                "password", PASSWORD,
                                "passwordConfirmation", PASSWORD,
                                "kind", "ENTERPRISE"));
        new Mailbox(mailServer).await(email, 1);

        Document outbox = Browser.html(operator.get("/operator/mail"));
        assertThat(outbox.select("tr.mail .mail-to").first().text())
                .as("newest first")
                .isEqualTo(email);
        assertThat(outbox.select("tr.mail .mail-subject").first().text()).isEqualTo("【科创】请验证您的电子邮件地址");
        assertThat(outbox.select(".mail-body").first().text()).contains("收件人，您好", "/verify?token=");
    }

    private Browser signedIn(String username, Set<Role> roles) {
        accounts.ensure(username, username + "@example.com", PASSWORD, "用户 " + username, roles);
        Browser browser = new Browser(port);
        HttpResponse<String> signIn =
                browser.submit("/login", "login-form", Map.of("username", username, "password", PASSWORD));
        assertThat(Browser.location(signIn)).doesNotContain("error");
        return browser;
    }

    private static HttpResponse<String> api(Browser browser, String token) {
        return browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }
}
