package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import endpoints over real HTTP: operators only, refusals as problem documents with every wrong row. */
@IntegrationTest
class TaxonomyImportApiIT {

    private static final String PASSWORD = "import-pass-42";
    private static final String HEADER = "id,industry_id,name,parent_id,level_type,description\n";
    private static final String INDUSTRIES = "/api/v1/reference/taxonomies/industries/imports";
    private static final String DISCIPLINES = "/api/v1/reference/taxonomies/disciplines/imports";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    WebClient client;
    String operatorToken;

    @BeforeEach
    void setUp() {
        client = new WebClient(port);
        String operator = "ref-op-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(operator, operator + "@example.com", PASSWORD, "参考数据运营", Set.of(Role.OPERATOR));
        operatorToken = client.token(operator, PASSWORD);
    }

    /** Codes GB/T 4754 does not have, inserted by one test and removed after it so that no other test sees them. */
    @AfterEach
    void removeTestCodes() {
        jdbc.sql("DELETE FROM reference_industry WHERE code IN ('98', '981', '982', '9811')")
                .update();
    }

    @Test
    void anOperatorImportsAListAndGetsTheReportWithEveryParentCorrectedByItsCode() {
        byte[] file =
                (HEADER + "1,C,制造业,,0," + csvCell(description("C")) + "\n" + """
                        2,98,测试大类,T,1,
                        3,981,测试中类甲,98,2,
                        4,982,测试中类乙,98,2,
                        5,9811,测试小类,982,3,
                        """).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.postFile(INDUSTRIES, operatorToken, "en", "gb4754.csv", file);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("total").intValue()).isEqualTo(5);
        assertThat(report.get("inserted").intValue()).isEqualTo(4);
        assertThat(report.get("updated").intValue()).isZero();
        assertThat(report.get("unchanged").intValue()).isEqualTo(1);
        assertThat(report.get("warningCount").intValue()).isEqualTo(1);
        JsonNode warning = report.get("warnings").get(0);
        assertThat(warning.get("row").intValue()).isEqualTo(6);
        assertThat(warning.get("field").stringValue()).isEqualTo("parent_id");
        assertThat(warning.get("key").stringValue()).isEqualTo("reference.import.parent-corrected");
        assertThat(warning.get("message").stringValue())
                .isEqualTo("The parent code 982 does not fit the structure of industry code 9811;"
                        + " the code was placed under 981 as its structure says.");
        assertThat(jdbc.sql("SELECT parent_code FROM reference_industry WHERE code = '9811'")
                        .query(String.class)
                        .single())
                .isEqualTo("981");
    }

    @Test
    void aMalformedListIsABadRequestListingEveryRowInTheCallersLanguage() {
        byte[] gbk = (HEADER + "1,98,测试大类,T,1,\n2,9899,测试小类,989,3,\n3,98,测试大类,T,1,\n")
                .getBytes(java.nio.charset.Charset.forName("GBK"));

        HttpResponse<String> response = client.postFile(INDUSTRIES, operatorToken, "zh-CN", "gbk.csv", gbk);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("key").stringValue()).isEqualTo("reference.import.rejected");
        assertThat(problem.get("errorCount").intValue()).isEqualTo(2);
        JsonNode unknownParent = problem.get("errors").get(0);
        assertThat(unknownParent.get("row").intValue()).isEqualTo(3);
        assertThat(unknownParent.get("field").stringValue()).isEqualTo("parent_id");
        assertThat(unknownParent.get("key").stringValue()).isEqualTo("reference.import.parent.unknown");
        assertThat(unknownParent.get("message").stringValue()).isEqualTo("上级代码 989 既不在文件中，也不在已有数据中。");
        assertThat(problem.get("errors").get(1).get("message").stringValue()).isEqualTo("代码 98 重复：第 2 行已经有这个代码。");
        assertThat(jdbc.sql("SELECT count(*) FROM reference_industry WHERE code = '98'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aBrokenDisciplineLineIsRefusedInEnglishOnRequest() {
        byte[] lines = "{\"_id\": \"A98\", \"name\": \"测试\"\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.postFile(DISCIPLINES, operatorToken, "en", "nsfc.jsonl", lines);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("row").intValue()).isEqualTo(1);
        assertThat(error.get("message").stringValue()).isEqualTo("This line is not a valid JSON object.");
    }

    @Test
    void aMissingFileOrAWorkbookIsRefusedWithAKey() {
        HttpResponse<String> missing = client.postFile(INDUSTRIES, operatorToken, "en", null, null);
        HttpResponse<String> workbook =
                client.postFile(INDUSTRIES, operatorToken, "en", "list.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 0});

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("field").stringValue()).isEqualTo("file");
        assertThat(workbook.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(workbook.body()).get("key").stringValue()).isEqualTo("reference.import.workbook");
    }

    @Test
    void onlyOperatorsMayImport() {
        String expert = "ref-ex-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(expert, expert + "@example.com", PASSWORD, "专家", Set.of(Role.EXPERT));
        byte[] file = (HEADER + "1,C,制造业,,0,\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> visitor = client.postFile(INDUSTRIES, null, "en", "a.csv", file);
        HttpResponse<String> notOperator =
                client.postFile(DISCIPLINES, client.token(expert, PASSWORD), "en", "a.csv", file);

        // without a token a visitor's POST fails the CSRF check (403) before authentication is even asked for
        assertThat(visitor.statusCode()).isIn(401, 403);
        assertThat(JSON.readTree(visitor.body()).get("key").stringValue()).isIn("unauthenticated", "forbidden");
        assertThat(notOperator.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(notOperator.body()).get("key").stringValue()).isNotBlank();
    }

    private String description(String code) {
        return jdbc.sql("SELECT description FROM reference_industry WHERE code = ?")
                .param(code)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String csvCell(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
