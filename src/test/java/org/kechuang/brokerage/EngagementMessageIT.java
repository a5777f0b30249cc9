package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Messages and attachments of an engagement: written and read by its parties and operators only, files checked by
 * their content and kept under random names, refusals per field with nothing stored, notices to the other parties
 * alone, and an audit entry per message that leaves the engagement's version alone.
 */
@IntegrationTest
class EngagementMessageIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CollaborationProperties properties;

    private Path attachments;

    private EngagementFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new EngagementFixtures(
                port, accounts, stations.findByCode("cmes").orElseThrow().id());
        attachments = properties.attachments().toAbsolutePath();
    }

    private WebUser as(String username) {
        return fixtures.as(username);
    }

    private static String messages(long engagement) {
        return "/api/v1/engagements/" + engagement + "/messages";
    }

    private static HttpResponse<String> write(WebUser user, long engagement, String text) {
        return user.post(messages(engagement), Map.of("text", text));
    }

    private Account outsider() {
        return fixtures.account("outsider", Role.ENTERPRISE);
    }

    @Test
    void thePartiesAndOperatorsWriteAndReadTheThreadOldestFirstAndNobodyElseDoes() {
        EngagementFixtures.Case e = fixtures.engagement(false);
        WebUser enterprise = as(e.enterprise().username());
        WebUser expert = as(e.expert().username());

        HttpResponse<String> first = write(enterprise, e.id(), "您好，请问样件何时可以提供？");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(WebUser.read(first).get("author").get("name").asString())
                .isEqualTo(e.enterprise().displayName());
        assertThat(write(expert, e.id(), "下周一寄出。").statusCode()).isEqualTo(201);
        assertThat(write(as("manager"), e.id(), "收到样件后请反馈测试结果。").statusCode()).isEqualTo(201);
        assertThat(write(as("operator"), e.id(), "运营已关注此对接。").statusCode()).isEqualTo(201);

        for (WebUser reader : List.of(enterprise, expert, as("manager"), as("operator"))) {
            HttpResponse<String> thread = reader.get(messages(e.id()));
            assertThat(thread.statusCode()).isEqualTo(200);
            List<String> texts = new ArrayList<>();
            WebUser.read(thread).forEach(m -> texts.add(m.get("text").asString()));
            assertThat(texts).containsExactly("您好，请问样件何时可以提供？", "下周一寄出。", "收到样件后请反馈测试结果。", "运营已关注此对接。");
        }

        // the station admin follows the engagement but does not read or write its messages
        WebUser stationAdmin = as("station-admin");
        assertThat(stationAdmin.get("/api/v1/engagements/" + e.id()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> adminReads = stationAdmin.get(messages(e.id()));
        assertThat(adminReads.statusCode()).isEqualTo(403);
        assertThat(WebUser.read(adminReads).get("key").asString()).isEqualTo("engagement-message.forbidden");
        assertThat(adminReads.body()).doesNotContain("样件");
        assertThat(write(stationAdmin, e.id(), "站点管理员留言").statusCode()).isEqualTo(403);

        // anyone else learns nothing, not even that the engagement exists
        WebUser other = as(outsider().username());
        assertThat(other.get(messages(e.id())).statusCode()).isEqualTo(404);
        assertThat(write(other, e.id(), "局外人留言").statusCode()).isEqualTo(404);
        assertThat(as("reviewer").get(messages(e.id())).statusCode()).isEqualTo(404);
        assertThat(new WebUser(port).get(messages(e.id())).statusCode()).isEqualTo(401);
        assertThat(as("manager").get(messages(987654321)).statusCode()).isEqualTo(404);
        assertThat(count("engagement_message", e.id())).isEqualTo(4);
    }

    @Test
    void aFileIsKeptUnderARandomNameWithItsChecksumAndDownloadedOnlyByThePartiesAsAnAttachment() throws Exception {
        EngagementFixtures.Case e = fixtures.engagement(false);
        WebUser expert = as(e.expert().username());
        byte[] pdf = EngagementFixtures.pdf();

        HttpResponse<String> posted = expert.upload(messages(e.id()), "模温控制方案.pdf", pdf, Map.of("text", "方案见附件。"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode attachment = WebUser.read(posted).get("attachments").get(0);
        assertThat(attachment.get("name").asString()).isEqualTo("模温控制方案.pdf");
        assertThat(attachment.get("type").asString()).isEqualTo("pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.get("sha256").asString()).isEqualTo(sha256(pdf));
        String link = attachment.get("link").asString();

        HttpResponse<byte[]> download = as(e.enterprise().username()).getBytes(link);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("UTF-8''%E6%A8%A1%E6%B8%A9");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(as("manager").getBytes(link).statusCode()).isEqualTo(200);
        assertThat(as("operator").getBytes(link).statusCode()).isEqualTo(200);

        // the file on disk: a random name under the configured directory, the same bytes, nothing of the original name
        String key = jdbc.sql("select storage_key from engagement_attachment where id = :id")
                .param("id", attachment.get("id").asLong())
                .query(String.class)
                .single();
        Path stored = attachments.resolve(key);
        assertThat(Files.readAllBytes(stored)).isEqualTo(pdf);
        assertThat(stored.getFileName().toString()).matches("[0-9a-f]{32}");

        // nobody else gets it, and an attachment is only found under its own engagement
        assertThat(as("station-admin").getBytes(link).statusCode()).isEqualTo(404);
        assertThat(as(outsider().username()).getBytes(link).statusCode()).isEqualTo(404);
        assertThat(new WebUser(port).getBytes(link).statusCode()).isEqualTo(401);
        EngagementFixtures.Case other =
                fixtures.engagement(e.enterprise(), fixtures.account("exp", Role.EXPERT), false);
        assertThat(as(e.enterprise().username())
                        .getBytes(link.replace("/engagements/" + e.id() + "/", "/engagements/" + other.id() + "/"))
                        .statusCode())
                .isEqualTo(404);

        // an Office document is told from a plain ZIP by its parts
        HttpResponse<String> docx = expert.upload(messages(e.id()), "合同草案.docx", EngagementFixtures.docx(), Map.of());
        assertThat(docx.statusCode()).as(docx.body()).isEqualTo(201);
        assertThat(WebUser.read(docx).get("attachments").get(0).get("type").asString())
                .isEqualTo("docx");
        assertThat(WebUser.read(docx).get("text").asString()).isEmpty();
    }

    @Test
    void wrongFilesAndTextsAreRefusedPerFieldAndNothingIsStored() throws IOException {
        EngagementFixtures.Case e = fixtures.engagement(false);
        WebUser enterprise = as(e.enterprise().username());
        long filesBefore = filesUnder(attachments);

        byte[] oversized = Arrays.copyOf(EngagementFixtures.pdf(), 10 * 1024 * 1024 + 1);
        HttpResponse<String> tooLarge = enterprise.upload(messages(e.id()), "大文件.pdf", oversized, Map.of());
        assertRefused(tooLarge, "file", "attachment.too-large");
        assertThat(WebUser.read(tooLarge).get("detail").asString()).contains("10 MB");

        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(
                enterprise.upload(messages(e.id()), "报价单.pdf", html, Map.of("text", "见附件")),
                "file",
                "attachment.type.mismatch");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertRefused(enterprise.upload(messages(e.id()), "照片.pdf", png, Map.of()), "file", "attachment.type.mismatch");
        assertRefused(
                enterprise.upload(messages(e.id()), "样件.docx", EngagementFixtures.zip(Map.of("a.txt", "a")), Map.of()),
                "file",
                "attachment.type.mismatch");
        assertRefused(
                enterprise.upload(messages(e.id()), "setup.exe", new byte[] {'M', 'Z', 0, 1}, Map.of()),
                "file",
                "attachment.type.unsupported");
        assertRefused(enterprise.upload(messages(e.id()), "空白.txt", new byte[0], Map.of()), "file", "attachment.empty");

        assertRefused(
                write(enterprise, e.id(), "请看 <script>alert(1)</script>"), "text", "engagement-message.text.markup");
        assertRefused(write(enterprise, e.id(), "长".repeat(5001)), "text", "engagement-message.text.long");
        assertRefused(write(enterprise, e.id(), "   "), "text", "engagement-message.text.required");
        HttpResponse<String> both =
                enterprise.upload(messages(e.id()), "报价单.pdf", html, Map.of("text", "长".repeat(5001)));
        assertThat(EngagementFixtures.errorFields(both)).containsExactly("text", "file");

        HttpResponse<String> english = new WebUser(port)
                .inEnglish()
                .withToken(e.enterprise().username(), EngagementFixtures.PASSWORD)
                .upload(messages(e.id()), "quote.pdf", html, Map.of());
        assertThat(WebUser.read(english).get("detail").asString()).contains("is not PDF");

        assertThat(count("engagement_message", e.id())).isZero();
        assertThat(count("engagement_attachment", e.id())).isZero();
        assertThat(filesUnder(attachments)).as("no file left behind").isEqualTo(filesBefore);
        assertThat(WebUser.read(as("manager").get("/api/v1/engagements/" + e.id() + "/audit"))
                        .toString())
                .doesNotContain("\"message\"");

        // a file name with markup is kept as a harmless name
        HttpResponse<String> scripted = enterprise.upload(
                messages(e.id()), "<script>alert(1)</script>报价.pdf", EngagementFixtures.pdf(), Map.of());
        assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(201);
        String name =
                WebUser.read(scripted).get("attachments").get(0).get("name").asString();
        assertThat(name).doesNotContain("<", ">", "/").endsWith(".pdf");
        HttpResponse<byte[]> download = enterprise.getBytes(
                WebUser.read(scripted).get("attachments").get(0).get("link").asString());
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .doesNotContain("<", ">");
    }

    @Test
    void aMessageInAConfidentialEngagementIsToldOnlyToTheOtherParties() {
        EngagementFixtures.Case e = fixtures.engagement(true);
        Account outsider = outsider();

        HttpResponse<String> posted = as(e.enterprise().username())
                .upload(
                        messages(e.id()),
                        "需求说明.txt",
                        "缩痕深度 ≤ 0.05 mm".getBytes(StandardCharsets.UTF_8),
                        Map.of("text", "保密资料"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        String expertInbox =
                as(e.expert().username()).get("/api/v1/inbox?size=100").body();
        assertThat(expertInbox)
                .contains("对接有新消息：" + e.title())
                .contains(e.enterprise().displayName() + " 留言了")
                .contains("/engagements/" + e.id() + "/messages")
                .doesNotContain("保密资料", "需求说明.txt");
        assertThat(as("manager").get("/api/v1/inbox?size=100").body()).contains("对接有新消息：" + e.title());
        assertThat(as(e.enterprise().username()).get("/api/v1/inbox?size=100").body())
                .as("the author is not told of their own message")
                .doesNotContain("对接有新消息");
        assertThat(as("station-admin").get("/api/v1/inbox?size=100").body()).doesNotContain(e.title());
        assertThat(inboxTotal(as(outsider.username()))).isZero();

        // the engagement itself shows the station admin neither the parties nor the thread
        assertThat(as("station-admin").get("/api/v1/engagements/" + e.id()).body())
                .doesNotContain(e.title(), "保密资料", "需求说明");
        assertThat(as("station-admin").get(messages(e.id())).statusCode()).isEqualTo(403);
    }

    @Test
    void aMessageIsAuditedButLeavesTheEngagementsVersionSoStaleAnswersStillCountStageChanges() {
        EngagementFixtures.Case e = fixtures.engagement(false);
        WebUser enterprise = as(e.enterprise().username());
        assertThat(write(enterprise, e.id(), "期待合作。").statusCode()).isEqualTo(201);

        JsonNode now = WebUser.read(as("manager").get("/api/v1/engagements/" + e.id()));
        assertThat(now.get("version").asInt()).isEqualTo(e.version());
        int read = fixtures.move(e, e.version(), "CONTACTED");

        // the operator moves on; a message comes in; the manager still holds the older version
        HttpResponse<String> byOperator = as("operator")
                .post("/api/v1/engagements/" + e.id() + "/transitions", Map.of("to", "NEGOTIATING", "version", read));
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(200);
        assertThat(write(as(e.expert().username()), e.id(), "好的，已安排。").statusCode())
                .isEqualTo(201);
        HttpResponse<String> stale = as("manager")
                .post(
                        "/api/v1/engagements/" + e.id() + "/transitions",
                        Map.of("to", "CLOSED", "reason", "NO_RESPONSE", "version", read));
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode problem = WebUser.read(stale);
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(read + 1);
        assertThat(problem.get("changes").size()).isEqualTo(1);
        assertThat(problem.get("changes").get(0).get("action").asString()).isEqualTo("negotiating");

        List<String> actions = new ArrayList<>();
        WebUser.read(enterprise.get("/api/v1/engagements/" + e.id() + "/audit"))
                .forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("created", "message", "contacted", "negotiating", "message");
        assertThat(as("station-admin")
                        .get("/api/v1/engagements/" + e.id() + "/audit")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void thePanelShowsTheThreadTakesAMessageWithAFileAndShowsRefusalsNextToTheirField() {
        EngagementFixtures.Case e = fixtures.engagement(false);
        WebUser browser = new WebUser(port).signedIn(e.enterprise().username(), EngagementFixtures.PASSWORD);
        String page = "/engagements/" + e.id() + "/messages";

        Document empty = WebUser.html(browser.get(page));
        assertThat(empty.getElementById("engagement-messages-none")).isNotNull();
        assertThat(empty.getElementById("message-form").attr("hx-post")).isEqualTo(page);

        HttpResponse<String> sent =
                browser.submit(page, "message-form", Map.of("text", "附上检测报告。"), "检测报告.pdf", EngagementFixtures.pdf());
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(WebUser.location(sent)).endsWith(page);
        Document thread = WebUser.html(browser.get(page));
        assertThat(thread.select("#message-thread .message-text").text()).isEqualTo("附上检测报告。");
        assertThat(thread.select("#message-thread .message-author").text())
                .isEqualTo(e.enterprise().displayName());
        assertThat(thread.select("a.message-attachment").text()).isEqualTo("检测报告.pdf");
        assertThat(thread.select("a.message-attachment").attr("href"))
                .startsWith("/api/v1/engagements/" + e.id() + "/attachments/");

        HttpResponse<String> refused = browser.submit(page, "message-form", Map.of("text", "<b>加粗</b>"));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document form = WebUser.html(refused);
        assertThat(form.getElementById("message-text-error").text()).contains("纯文本");
        assertThat(form.getElementById("message-text").text()).isEqualTo("<b>加粗</b>");
        assertThat(form.getElementById("message-text").attr("aria-invalid")).isEqualTo("true");

        WebUser admin = new WebUser(port).signedIn("station-admin", EngagementFixtures.PASSWORD);
        assertThat(admin.get(page).statusCode()).isEqualTo(404);
        assertThat(admin.get(page).body()).doesNotContain("附上检测报告");
    }

    private static void assertRefused(HttpResponse<String> response, String field, String key) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = WebUser.read(response);
        assertThat(problem.get("key").asString()).isEqualTo(key);
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
    }

    private long count(String table, long engagement) {
        return jdbc.sql("select count(*) from " + table + " where engagement_id = :id")
                .param("id", engagement)
                .query(Long.class)
                .single();
    }

    private static long inboxTotal(WebUser user) {
        return WebUser.read(user.get("/api/v1/inbox")).get("total").asLong();
    }

    private static long filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
