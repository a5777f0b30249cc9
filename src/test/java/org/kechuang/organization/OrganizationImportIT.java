package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.identity.StationAdministration;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OrganizationImportIT {

    static final String IMPORTS = "/api/v1/organizations/imports";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    WebUser operator;

    @BeforeEach
    void setUp() {
        operator = new WebUser(port).withToken(Fixtures.person(accounts, Role.OPERATOR), Fixtures.PASSWORD);
    }

    long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    static byte[] utf8WithBom(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importsAFileAndImportingItAgainChangesNothing() {
        String a = Fixtures.name("科技有限公司");
        String b = Fixtures.name("研究院");
        String code = Fixtures.creditCode();
        String csv = "name,type,credit_code,region,sme,website,description,source_id\r\n"
                + a + ",enterprise," + code + ",440305,yes,www.a.cn,\"做传感器, 也做芯片\",A-1\r\n"
                + b + ",科研院所,,110108,,,,B-2\r\n";
        String source = "erp-" + Fixtures.unique();

        HttpResponse<String> first = operator.upload(IMPORTS, "orgs.csv", utf8WithBom(csv), Map.of("source", source));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(counts(first)).containsExactly(2, 2, 0, 0);
        JsonNode imported = organizationNamed(a);
        assertThat(imported.get("creditCode").asString()).isEqualTo(code);
        assertThat(imported.get("sme").asBoolean()).isTrue();
        assertThat(imported.get("description").asString()).isEqualTo("做传感器, 也做芯片");
        assertThat(imported.get("source").get("system").asString()).isEqualTo(source);
        assertThat(imported.get("source").get("id").asString()).isEqualTo("A-1");
        long before = count();

        HttpResponse<String> again = operator.upload(IMPORTS, "orgs.csv", utf8WithBom(csv), Map.of("source", source));

        assertThat(counts(again)).containsExactly(2, 0, 0, 2);
        assertThat(count()).isEqualTo(before);
        assertThat(organizationNamed(a).get("updated").asString())
                .isEqualTo(imported.get("updated").asString());

        String changed = csv.replace("做传感器, 也做芯片", "只做芯片");
        HttpResponse<String> third =
                operator.upload(IMPORTS, "orgs.csv", utf8WithBom(changed), Map.of("source", source));
        assertThat(counts(third)).containsExactly(2, 0, 1, 1);
        assertThat(organizationNamed(a).get("description").asString()).isEqualTo("只做芯片");
    }

    @Test
    void readsAGbkFileWithChineseHeadersFromExcel() {
        String name = Fixtures.name("有限公司");
        String csv =
                "名称,类型,统一社会信用代码,地区代码,中小企业,简介\r\n" + name + ",企业," + Fixtures.creditCode() + ",440300,是,深圳的一家企业\r\n";

        HttpResponse<String> response =
                operator.upload(IMPORTS, "机构.csv", csv.getBytes(Charset.forName("GBK")), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(counts(response)).containsExactly(1, 1, 0, 0);
        JsonNode imported = organizationNamed(name);
        assertThat(imported.get("description").asString()).isEqualTo("深圳的一家企业");
        assertThat(imported.get("regionName").asString()).isEqualTo("深圳市");
        assertThat(imported.get("source").get("system").asString()).isEqualTo("机构");
    }

    @Test
    void rejectsTheWholeFileWhenOneRowIsBadNamingRowColumnAndReason() {
        String good = Fixtures.name("公司");
        String csv = "名称,类型,统一社会信用代码\n"
                + good + ",企业," + Fixtures.creditCode() + "\n"
                + Fixtures.name("公司") + ",企业," + Fixtures.corrupted(Fixtures.creditCode()) + "\n"
                + Fixtures.name("公司") + ",银行,\n";
        long before = count();

        HttpResponse<String> refused =
                operator.upload(IMPORTS, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = read(refused);
        assertThat(problem.get("key").asString()).isEqualTo("organization.import.rejected");
        assertThat(problem.get("detail").asString()).isEqualTo("文件有 2 处错误，未导入任何记录。请修改后重新上传。");
        List<String> errors = problem.get("errors")
                .valueStream()
                .map(e -> e.get("row").asInt() + "|" + e.get("field").asString() + "|"
                        + e.get("key").asString() + "|" + e.get("message").asString())
                .toList();
        assertThat(errors)
                .containsExactly(
                        "3|统一社会信用代码|organization.credit-code.checksum|统一社会信用代码校验位不符，请逐位核对。",
                        "4|类型|organization.type.unknown|未知的机构类型：银行。可用：企业、高校、科研院所、全国学会、地方科协、园区、金融机构、服务机构、智库、评估机构、团体标准组织、国际组织。");
        assertThat(count()).isEqualTo(before);
        assertThat(organizationsNamed(good)).isEmpty();
    }

    @Test
    void reportsRowErrorsInTheRequestLanguage() {
        String csv = "name,type\n" + Fixtures.name("公司") + ",enterprise\n<b>x</b>,enterprise\n";
        HttpResponse<String> refused =
                operator.inEnglish().upload(IMPORTS, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        JsonNode error = read(refused).get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).isEqualTo("Must not contain HTML markup or scripts.");
    }

    @Test
    void refusesRowsRepeatingAnEarlierOneAndUnknownColumns() {
        String name = Fixtures.name("公司");
        HttpResponse<String> repeated = operator.upload(
                IMPORTS,
                "r.csv",
                ("name,type\n" + name + ",enterprise\n" + Fixtures.fullWidth(name) + ",enterprise\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(read(repeated).get("errors").get(0).get("message").asString())
                .isEqualTo("与第 2 行重复。");

        HttpResponse<String> unknown =
                operator.upload(IMPORTS, "u.csv", "名称,类型,邮编\nx,企业,100000\n".getBytes(StandardCharsets.UTF_8), Map.of());
        JsonNode error = read(unknown).get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(1);
        assertThat(error.get("message").asString()).isEqualTo("无法识别的列：“邮编”。");
        assertThat(organizationsNamed(name)).isEmpty();
    }

    @Test
    void aStationAdminImportsIntoTheirOwnStationOnly() {
        var own = stations.openForPlatform(
                organizations
                        .registerForPlatform(OrganizationApiIT.society(), null)
                        .id(),
                "i-" + Fixtures.unique(),
                null);
        var other = stations.openForPlatform(
                organizations
                        .registerForPlatform(OrganizationApiIT.society(), null)
                        .id(),
                "j-" + Fixtures.unique(),
                null);
        String adminName = Fixtures.person(accounts);
        administration.appoint(own.id(), adminName);
        WebUser admin = new WebUser(port).withToken(adminName, Fixtures.PASSWORD);
        String name = Fixtures.name("公司");
        byte[] csv = ("name,type\n" + name + ",enterprise\n").getBytes(StandardCharsets.UTF_8);
        long before = count();

        HttpResponse<String> elsewhere = admin.upload(IMPORTS, "o.csv", csv, Map.of("station", "" + other.id()));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> imported = admin.upload(IMPORTS, "o.csv", csv, Map.of("station", "" + own.id()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(organizationNamed(name).get("stationId").asLong()).isEqualTo(own.id());

        // a record of another station is not the admin's to change, even when a file names it
        String theirs = Fixtures.name("公司");
        operator.upload(
                IMPORTS,
                "t.csv",
                ("name,type\n" + theirs + ",enterprise\n").getBytes(StandardCharsets.UTF_8),
                Map.of("station", "" + other.id()));
        HttpResponse<String> outside = admin.upload(
                IMPORTS,
                "t.csv",
                ("name,type,description\n" + theirs + ",enterprise,改\n").getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(read(outside).get("errors").get(0).get("key").asString())
                .isEqualTo("organization.import.outside-station");

        WebUser visitor = new WebUser(port);
        Fixtures.assertVisitorRefused(visitor.upload(IMPORTS, "o.csv", csv, Map.of()));
        WebUser expert = new WebUser(port).withToken(Fixtures.person(accounts, Role.EXPERT), Fixtures.PASSWORD);
        assertThat(expert.upload(IMPORTS, "o.csv", csv, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void takesTheTypeOfAFileWithoutATypeColumnFromTheRequest() {
        String name = Fixtures.name("智库");
        byte[] csv = ("名称,来源编号\n" + name + ",T-1\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> missing = operator.upload(IMPORTS, "tanks.csv", csv, Map.of());
        assertThat(read(missing).get("errors").get(0).get("key").asString())
                .isEqualTo("organization.import.column.type-missing");

        HttpResponse<String> imported = operator.upload(
                IMPORTS, "tanks.csv", csv, Map.of("type", "THINK_TANK", "source", "tanks-" + Fixtures.unique()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(organizationNamed(name).get("type").asString()).isEqualTo("THINK_TANK");
    }

    private static List<Integer> counts(HttpResponse<String> response) {
        JsonNode result = read(response);
        return List.of(
                result.get("total").asInt(),
                result.get("inserted").asInt(),
                result.get("updated").asInt(),
                result.get("unchanged").asInt());
    }

    private JsonNode organizationNamed(String name) {
        List<JsonNode> found = organizationsNamed(name);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private List<JsonNode> organizationsNamed(String name) {
        String q = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);
        return read(operator.get("/api/v1/organizations?q=" + q))
                .get("results")
                .valueStream()
                .filter(o -> o.get("name").asString().equals(name))
                .toList();
    }
}
