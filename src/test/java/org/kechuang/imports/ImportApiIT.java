package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kechuang.support.WebUser.read;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ImportApiIT {

    static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode awaitFinished(WebUser user, long id) {
        JsonNode[] batch = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> response = user.get("/api/v1/imports/" + id);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    batch[0] = read(response);
                    return List.of("completed", "failed")
                            .contains(batch[0].get("status").asString());
                });
        return batch[0];
    }

    private long countAchievements(String sourcePrefix) {
        return jdbc.sql("select count(*) from achievement where source_id like ?")
                .param(sourcePrefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aStationAdminsCsvIsAcceptedAtOnceAndAppliedWithEveryRefusedRowExplained() {
        WebUser admin = as("station-admin");
        String p = "api-" + unique();
        String csv = "来源编号,成果名称,成果摘要,关键词,技术成熟度,地区代码\n"
                + p + "-1,交通流预测,时空图卷积模型,交通流；图神经网络,5,330100\n"
                + p + "-2,,缺少名称,,,\n"
                + p + "-3,成果三,摘要,,12,999999\n"
                + p + "-4,\"=cmd|' /C calc'!A0\",摘要,,,\n"
                + p + "-1,重复编号,摘要,,,\n";

        HttpResponse<String> accepted = admin.upload(
                "/api/v1/imports?type=achievement", "成果.csv", csv.getBytes(Charset.forName("GBK")), Map.of());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long id = read(accepted).get("id").asLong();
        assertThat(WebUser.location(accepted)).isEqualTo("/api/v1/imports/" + id);
        JsonNode batch = awaitFinished(admin, id);
        assertThat(batch.get("status").asString()).isEqualTo("completed");
        assertThat(batch.get("station").asString()).isEqualTo("cmes");
        assertThat(batch.get("total").asInt()).isEqualTo(5);
        assertThat(batch.get("accepted").asInt()).isEqualTo(1);
        assertThat(batch.get("rejected").asInt()).isEqualTo(4);
        assertThat(batch.get("inserted").asInt()).isEqualTo(1);
        assertThat(errors(batch))
                .containsExactly(
                        "3 title imports.cell.required",
                        "4 trl achievement.trl.invalid",
                        "4 regionCode achievement.region.unknown",
                        "5 title imports.cell.formula",
                        "6 sourceId imports.source-id.repeated");
        assertThat(batch.get("errors").get(0).get("message").asString()).contains("成果名称");
        assertThat(countAchievements(p)).isEqualTo(1);
    }

    static List<String> errors(JsonNode batch) {
        return batch.get("errors")
                .valueStream()
                .map(e -> e.get("row").asInt() + " "
                        + (e.has("field") ? e.get("field").asString() : "null") + " "
                        + e.get("key").asString())
                .toList();
    }

    @Test
    void aJsonLinesAchievementNeedsOnlyTitleDescriptionKeywordsAndSourceIdAndAgainChangesNothing() {
        WebUser operator = as("operator");
        String p = "jsonl-" + unique();
        String jsonl = "{\"sourceId\":\"" + p + "-1\",\"title\":\"基于图神经网络的交通流预测\",\"description\":\"提出一种时空图卷积模型。\","
                + "\"keywords\":[\"交通流\",\"图神经网络\"]}\n"
                + "{\"sourceId\":\"" + p + "-2\",\"title\":\"第二项\",\"description\":\"摘要\"}\n";

        long first = read(operator.upload(
                        "/api/v1/imports?type=achievement&station=zju",
                        "csl.jsonl",
                        jsonl.getBytes(StandardCharsets.UTF_8),
                        Map.of()))
                .get("id")
                .asLong();
        JsonNode done = awaitFinished(operator, first);
        long second = read(operator.upload(
                        "/api/v1/imports?type=achievement&station=zju",
                        "csl.jsonl",
                        jsonl.getBytes(StandardCharsets.UTF_8),
                        Map.of()))
                .get("id")
                .asLong();
        JsonNode again = awaitFinished(operator, second);

        assertThat(done.get("inserted").asInt()).isEqualTo(2);
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(countAchievements(p)).isEqualTo(2);
        assertThat(jdbc.sql("select keywords::text from achievement where source_id = ?")
                        .param(p + "-1")
                        .query(String.class)
                        .single())
                .isEqualTo("{交通流,图神经网络}");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtOnceWithAProblemDocument() {
        WebUser admin = as("station-admin");
        byte[] xlsx = ReadRows.xlsx(List.of(List.of("来源编号", "成果名称", "成果摘要"), List.of("t-1", "t", "d")));

        HttpResponse<String> truncated = admin.upload(
                "/api/v1/imports?type=achievement", "cut.xlsx", Arrays.copyOf(xlsx, xlsx.length - 200), Map.of());
        HttpResponse<String> badHeader = admin.inEnglish()
                .upload(
                        "/api/v1/imports?type=achievement",
                        "a.csv",
                        "来源编号,成果名称,颜色\n1,t,red\n".getBytes(StandardCharsets.UTF_8),
                        Map.of());

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(truncated).get("key").asString()).isEqualTo("imports.xlsx.unreadable");
        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(read(badHeader)
                        .get("errors")
                        .valueStream()
                        .map(e ->
                                e.get("key").asString() + " " + e.get("message").asString()))
                .containsExactly(
                        "imports.header.unknown Unknown column \"颜色\": use the column names of the template.",
                        "imports.header.missing The required column \"成果摘要\" is missing.");
    }

    @Test
    void onlyTheStationsAdminsAndOperatorsImportAndFollowABatch() {
        byte[] csv = ("来源编号,成果名称,成果摘要\nacc-" + unique() + ",t,d\n").getBytes(StandardCharsets.UTF_8);

        assertThat(as("enterprise")
                        .upload("/api/v1/imports?type=achievement&station=cmes", "a.csv", csv, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("station-admin")
                        .upload("/api/v1/imports?type=achievement&station=zju", "a.csv", csv, Map.of())
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> noStation =
                as("operator").upload("/api/v1/imports?type=achievement", "a.csv", csv, Map.of());
        assertThat(noStation.statusCode()).isEqualTo(400);
        assertThat(read(noStation).get("key").asString()).isEqualTo("imports.station.required");
        HttpResponse<String> unknownType =
                as("operator").upload("/api/v1/imports?type=patent&station=zju", "a.csv", csv, Map.of());
        assertThat(read(unknownType).get("key").asString()).isEqualTo("imports.type.unknown");

        long zjuBatch = read(as("operator")
                        .upload("/api/v1/imports?type=achievement&station=zju", "a.csv", csv, Map.of()))
                .get("id")
                .asLong();
        assertThat(as("station-admin").get("/api/v1/imports/" + zjuBatch).statusCode())
                .isEqualTo(403);
        assertThat(as("operator").get("/api/v1/imports/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void templatesCarryChineseHeadersAndInstructionsAndImportAsTheyAre() throws Exception {
        WebUser visitor = new WebUser(port);

        HttpResponse<byte[]> csv = visitor.getBytes("/api/v1/imports/templates/achievement.csv");
        HttpResponse<byte[]> xlsx = visitor.getBytes("/api/v1/imports/templates/demand.xlsx");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("来源编号,成果名称,成果摘要,关键词");
        assertThat(text.lines().skip(1).findFirst())
                .hasValueSatisfying(line -> assertThat(line).startsWith("【填写说明】必填"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("需求名称");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
        }
        HttpResponse<String> filled = as("station-admin")
                .upload(
                        "/api/v1/imports?type=achievement",
                        "template.csv",
                        (text + "tpl-" + unique() + ",模板成果,模板摘要\n").getBytes(StandardCharsets.UTF_8),
                        Map.of());
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(202);
        assertThat(visitor.getBytes("/api/v1/imports/templates/nothing.csv").statusCode())
                .isEqualTo(404);
    }
}
