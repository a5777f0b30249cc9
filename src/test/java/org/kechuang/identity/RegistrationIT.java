package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistrationIT {

    private static final String PASSWORD = "Register-Me-2024";

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    Browser browser;
    Mailbox mailbox;
    String suffix;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        mailbox = new Mailbox(mailServer);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registersVerifiesByMailAndSignsIn() {
        String username = "reg" + suffix;
        String email = username + "@example.com";

        HttpResponse<String> registered = register(Map.of(
                "username",
                fullWidth(username.toUpperCase()),
                "email",
                email,
                "displayName",
                "張三豐 Zhang",
                "kind",
                "EXPERT"));
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(Browser.location(registered)).endsWith("/register/done");
        assertThat(Browser.html(browser.get("/register/done"))
                        .select("#registered")
                        .text())
                .contains(email);

        Account stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.username())
                .as("full-width letters and digits made half-width")
                .isEqualTo(username.toUpperCase());
        assertThat(stored.displayName())
                .as("traditional characters kept as typed")
                .isEqualTo("張三豐 Zhang");
        assertThat(stored.roles()).containsExactly(Role.EXPERT);
        assertThat(stored.verified()).isFalse();

        HttpResponse<String> unverified =
                browser.submit("/login", "login-form", Map.of("username", username, "password", PASSWORD));
        assertThat(Browser.location(unverified)).endsWith("/login?error=unverified");
        Document refusal = Browser.html(browser.get(Browser.location(unverified)));
        assertThat(refusal.select("#login-error").text()).contains("尚未验证");
        assertThat(refusal.select("#resend-form")).isNotEmpty();

        MimeMessage mail = mailbox.await(email, 1);
        assertThat(Mailbox.subject(mail)).isEqualTo("【科创】请验证您的电子邮件地址");
        assertThat(Mailbox.body(mail)).contains("張三豐 Zhang，您好");
        String link = Mailbox.link(mail);
        assertThat(link).startsWith("/verify?token=");

        assertThat(Browser.html(browser.get(link)).select("#verify-result").text())
                .contains("已验证");
        assertThat(Browser.html(browser.get(link)).select("#verify-result").text())
                .as("the link works once")
                .contains("无效");

        HttpResponse<String> signedIn =
                browser.submit("/login", "login-form", Map.of("username", username, "password", PASSWORD));
        assertThat(Browser.location(signedIn)).doesNotContain("error");
        assertThat(Browser.html(browser.get("/")).select(".user-name").text()).isEqualTo(username.toUpperCase());
    }

    @Test
    void writesTheMailInTheLanguageOfTheRegistrationPage() {
        String username = "en" + suffix;
        String email = username + "@example.com";
        browser.get("/register?lang=en");
        register(Map.of("username", username, "email", email, "displayName", "Ada", "kind", "ENTERPRISE"));

        MimeMessage mail = mailbox.await(email, 1);
        assertThat(Mailbox.subject(mail)).isEqualTo("[Kechuang] Please verify your e-mail address");
        assertThat(Mailbox.body(mail)).contains("Hello Ada,", "48 hours");
    }

    @Test
    void resendsTheVerificationMailAndTheOldLinkStopsWorking() {
        String username = "rs" + suffix;
        String email = username + "@example.com";
        register(Map.of("username", username, "email", email, "displayName", "重发", "kind", "ENTERPRISE"));
        String first = Mailbox.link(mailbox.await(email, 1));
        // the resend interval keeps a mailbox from being flooded: pretend the first link is two minutes old
        jdbc.sql("UPDATE mail_link SET created_at = now() - INTERVAL '2 minutes' WHERE account_id = "
                        + "(SELECT id FROM account WHERE username_key = :key)")
                .param("key", username)
                .update();

        HttpResponse<String> resent = browser.submit("/register/done", "resend-form", Map.of());
        assertThat(Browser.html(resent).select("#message").text()).contains("新的验证链接");
        String second = Mailbox.link(mailbox.await(email, 2));

        assertThat(Browser.html(browser.get(first)).select("#verify-result").text())
                .contains("无效");
        assertThat(Browser.html(browser.get(second)).select("#verify-result").text())
                .contains("已验证");
    }

    @Test
    void refusesAnExpiredVerificationLink() {
        String username = "ex" + suffix;
        String email = username + "@example.com";
        register(Map.of("username", username, "email", email, "displayName", "过期", "kind", "ENTERPRISE"));
        String link = Mailbox.link(mailbox.await(email, 1));
        jdbc.sql("UPDATE mail_link SET expires_at = now() - INTERVAL '1 second' WHERE account_id = "
                        + "(SELECT id FROM account WHERE username_key = :key)")
                .param("key", username)
                .update();

        assertThat(Browser.html(browser.get(link)).select("#verify-result").text())
                .contains("无效");
        assertThat(accounts.findByUsername(username).orElseThrow().verified()).isFalse();
    }

    static Stream<Arguments> badInputs() {
        // 10 MB as posted (the server takes forms up to 12 MB); a Chinese character takes 9 bytes URL-encoded
        String tenMegabytes = "a".repeat(10 * 1024 * 1024);
        String tenMegabytesOfChinese = "长".repeat(10 * 1024 * 1024 / 9);
        return Stream.of(
                Arguments.of("username", "", "必填。", "Required."),
                Arguments.of("username", "ab", "用户名须为 3–32 个字符", "A username has 3–32 characters"),
                Arguments.of("username", "bad name!", "用户名须为 3–32 个字符", "A username has 3–32 characters"),
                Arguments.of("username", "<script>alert(1)</script>", "不能包含 HTML 标记或脚本", "Must not contain HTML"),
                Arguments.of("username", tenMegabytesOfChinese, "内容太长：最多 32 个字符", "Too long: at most 32 characters"),
                Arguments.of("username", "x".repeat(33), "内容太长：最多 32 个字符", "Too long: at most 32 characters"),
                Arguments.of("email", "not-an-address", "电子邮件地址格式不正确", "Not a valid e-mail address"),
                Arguments.of("email", "a@b", "电子邮件地址格式不正确", "Not a valid e-mail address"),
                Arguments.of(
                        "email", "x@example.com<img src=x onerror=alert(1)>", "不能包含 HTML", "Must not contain HTML"),
                Arguments.of("displayName", "<b>粗体</b>", "不能包含 HTML 标记或脚本", "Must not contain HTML"),
                Arguments.of("displayName", "<script>alert('x')</script>", "不能包含 HTML", "Must not contain HTML"),
                Arguments.of("displayName", tenMegabytes, "内容太长：最多 64 个字符", "Too long: at most 64 characters"),
                Arguments.of("password", "Ab1!", "密码太短：至少 8 个字符", "Password too short: at least 8 characters"),
                Arguments.of("password", "abcdefghij", "密码太弱", "Password too weak"),
                Arguments.of("password", "12345678901", "密码太弱", "Password too weak"),
                Arguments.of("password", "password123", "密码太弱", "Password too weak"),
                Arguments.of("password", "密".repeat(30), "密码太长", "Password too long"),
                Arguments.of("passwordConfirmation", "Something-else-1", "两次输入的密码不一致", "The two passwords differ"),
                Arguments.of("kind", "OPERATOR", "请选择账号类型", "Choose the kind of account"),
                Arguments.of("kind", "", "请选择账号类型", "Choose the kind of account"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInputs")
    void refusesBadInputNextToTheFieldAndStoresNothing(String field, String value, String chinese, String english) {
        String username = "bad" + suffix;
        Map<String, String> fields = new HashMap<>(Map.of(
                "username", username, "email", username + "@example.com", "displayName", "测试", "kind", "ENTERPRISE"));
        fields.put(field, value);
        if (field.equals("password")) {
            fields.put("passwordConfirmation", value);
        }
        long before = accountCount();

        HttpResponse<String> refused = register(fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Browser.html(refused).select("#" + field + "-error").text()).contains(chinese);
        assertThat(refused.body()).doesNotContain("<script>alert");

        Browser english_ = new Browser(port);
        HttpResponse<String> refusedInEnglish =
                english_.submit("/register?lang=en", "register-form", withPassword(fields));
        assertThat(Browser.html(refusedInEnglish).select("#" + field + "-error").text())
                .contains(english);

        assertThat(accountCount()).isEqualTo(before);
        assertThat(mailbox.of(username + "@example.com")).isEmpty();
    }

    @Test
    void refusesATakenUsernameOrAddressWhateverTheirCaseOrWidth() {
        String username = "dup" + suffix;
        accounts.ensure(username, username + "@example.com", PASSWORD, "已有", Set.of(Role.ENTERPRISE));
        long before = accountCount();

        HttpResponse<String> sameName = register(Map.of(
                "username",
                fullWidth(username.toUpperCase()),
                "email",
                "other" + suffix + "@example.com",
                "displayName",
                "重名",
                "kind",
                "ENTERPRISE"));
        assertThat(Browser.html(sameName).select("#username-error").text()).isEqualTo("该用户名已被注册。");

        HttpResponse<String> sameAddress = register(Map.of(
                "username",
                "other" + suffix,
                "email",
                username.toUpperCase() + "@EXAMPLE.com",
                "displayName",
                "重名",
                "kind",
                "ENTERPRISE"));
        assertThat(Browser.html(sameAddress).select("#email-error").text()).isEqualTo("该电子邮件地址已被注册。");
        assertThat(Browser.html(sameAddress).select("#username-error")).isEmpty();

        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void keepsWhatWasTypedInTheFormAfterARefusalButNeverThePassword() {
        HttpResponse<String> refused = register(Map.of(
                "username", "keep" + suffix,
                "email", "broken-address",
                "displayName", "留下的名字",
                "kind", "EXPERT"));
        Document page = Browser.html(refused);
        assertThat(page.select("#username").val()).isEqualTo("keep" + suffix);
        assertThat(page.select("#displayName").val()).isEqualTo("留下的名字");
        assertThat(page.select("input[name=kind][value=EXPERT]").hasAttr("checked"))
                .isTrue();
        assertThat(page.select("#password").val()).isEmpty();
    }

    private HttpResponse<String> register(Map<String, String> fields) {
        return browser.submit("/register", "register-form", withPassword(fields));
    }

    private static Map<String, String> withPassword(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.putIfAbsent("password", PASSWORD);
        all.putIfAbsent("passwordConfirmation", PASSWORD);
        return all;
    }

    private long accountCount() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }

    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
