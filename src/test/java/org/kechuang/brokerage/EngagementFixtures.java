package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.WebUser;
import tools.jackson.databind.JsonNode;

/**
 * Engagements between fresh accounts for the tests of messages, reminders and notice mails: an enterprise of its own
 * posts the demand, an expert of its own the achievement (so their inboxes and mailboxes hold only what the test
 * causes), the demo manager runs it. Everything is posted in the demo station {@code cmes}.
 */
final class EngagementFixtures {

    static final String PASSWORD = "kechuang-demo";

    private final int port;
    private final Accounts accounts;
    private final long station;

    EngagementFixtures(int port, Accounts accounts, long station) {
        this.port = port;
        this.accounts = accounts;
        this.station = station;
    }

    /** An engagement, its parties and its demand's title. */
    record Case(long id, int version, String title, Account enterprise, Account expert) {}

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    Account account(String prefix, Role role) {
        String name = prefix + "-" + unique();
        return accounts.ensure(name, name + "@example.com", PASSWORD, "用户" + name, Set.of(role));
    }

    Case engagement(boolean confidential) {
        return engagement(account("ent", Role.ENTERPRISE), account("exp", Role.EXPERT), confidential);
    }

    Case engagement(Account enterprise, Account expert, boolean confidential) {
        String title = "对接协作需求 " + unique();
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", title);
        demand.put("background", "注塑件表面缩痕导致返工率高，需要工艺参数优化与模具温控改进。");
        demand.put("technicalProblems", "降低缩痕缺陷率，提升良品率。");
        demand.put("stationId", station);
        long demandId = published(as(enterprise.username()), "/api/v1/demands", demand);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("title", "对接协作成果 " + unique());
        achievement.put("description", "基于模温闭环控制的注塑缩痕抑制技术，良品率显著提升。");
        achievement.put("trl", 6);
        achievement.put("stationId", station);
        long achievementId = published(as(expert.username()), "/api/v1/achievements", achievement);
        HttpResponse<String> started = as("manager")
                .post(
                        "/api/v1/engagements",
                        Map.of(
                                "demandId", demandId,
                                "counterpartType", "achievement",
                                "counterpartId", achievementId,
                                "confidential", confidential));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode e = WebUser.read(started);
        return new Case(e.get("id").asLong(), e.get("version").asInt(), title, enterprise, expert);
    }

    /** Moves the engagement on as the manager; @return the new version */
    int move(Case engagement, int version, String to) {
        HttpResponse<String> moved = as("manager")
                .post("/api/v1/engagements/" + engagement.id() + "/transitions", Map.of("to", to, "version", version));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        return WebUser.read(moved).get("version").asInt();
    }

    private static long published(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        HttpResponse<String> submitted = author.post(path + "/" + id + "/submit", Map.of());
        assertThat(WebUser.read(submitted).get("status").asString())
                .as(submitted.body())
                .isEqualTo("PUBLISHED");
        return id;
    }

    /** A small but real PDF. */
    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** An Office Open XML package with the parts of a Word document. */
    static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>",
                "word/document.xml", "<?xml version=\"1.0\"?><document/>"));
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<String> errorFields(HttpResponse<String> response) {
        List<String> fields = new java.util.ArrayList<>();
        WebUser.read(response)
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
