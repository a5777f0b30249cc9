package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input of every kind, each file generated here: refused as a whole with its specific key (400 problem+json), or
 * accepted with the specific row, field and key of its bad row. No answer is a 5xx, and the records the station had
 * before (the bad rows aim at them) are unchanged after every file.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String ACHIEVEMENT_HEADER = "来源编号,成果名称,成果摘要,关键词,技术成熟度,行业代码,专利号,价格下限（万元）,价格上限（万元）,地区代码\n";
    private static final String GOOD_ROW = "base-1,基线成果一,基线摘要一,交通流,5,,,,,330100\n";
    private static final String BAD_XLSX_TEXT = "=cmd|' /C calc'!A0";

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    private WebUser operator;
    private String station;
    private long stationId;

    /** What a file must come to. */
    record Expected(Integer refusedWith, String key, int row, String field) {
        static Expected refused(String key) {
            return new Expected(400, key, 0, null);
        }

        static Expected row(int row, String field, String key) {
            return new Expected(null, key, row, field);
        }
    }

    record Case(String name, String type, String fileName, byte[] content, Expected expected) {}

    @BeforeAll
    void stationWithRecords() {
        operator = new WebUser(port).withToken("operator", ImportApiIT.PASSWORD);
        String unique = ImportApiIT.unique();
        long organization = organizations
                .registerForPlatform(
                        new OrganizationDraft(
                                "语料站点机构-" + unique, "INSTITUTE", null, null, "330100", null, null, null, null, null),
                        null)
                .id();
        station = "corpus-" + unique;
        stationId = stations.openForPlatform(organization, station, "语料站点").id();
        importAndWait(
                "achievement",
                "base.csv",
                (ACHIEVEMENT_HEADER + GOOD_ROW + "base-2,基线成果二,基线摘要二,,,,,,,\n" + "base-3,基线成果三,基线摘要三,,,,,1.5,3,\n")
                        .getBytes(StandardCharsets.UTF_8),
                3);
        importAndWait("demand", "base.csv", "来源编号,需求名称,需求背景\nbase-d1,基线需求,基线背景\n".getBytes(StandardCharsets.UTF_8), 1);
        importAndWait(
                "organization",
                "base.csv",
                ("来源编号,机构名称,机构类型,地区代码\nbase-o1,语料企业-" + unique + ",企业,330100\n").getBytes(StandardCharsets.UTF_8),
                1);
    }

    private void importAndWait(String type, String fileName, byte[] content, int accepted) {
        HttpResponse<String> response = upload(type, fileName, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode batch =
                ImportApiIT.awaitFinished(operator, read(response).get("id").asLong());
        assertThat(batch.get("accepted").asInt()).as(batch.toString()).isEqualTo(accepted);
    }

    private HttpResponse<String> upload(String type, String fileName, byte[] content) {
        return operator.upload("/api/v1/imports?type=" + type + "&station=" + station, fileName, content, Map.of());
    }

    /** Everything the station holds, with versions and times: any change shows. */
    private String fingerprint() {
        return jdbc.sql("""
                        select coalesce((select string_agg(concat_ws('|', source_id, title, description, keywords::text, trl,
                          region_code, price_min, price_max, version, updated_at), '#' order by source_id)
                          from achievement where station_id = :s), '')
                        || coalesce((select string_agg(concat_ws('|', source_id, title, background, version, updated_at),
                          '#' order by source_id) from demand where station_id = :s), '')
                        || coalesce((select string_agg(concat_ws('|', source_id, name, type, credit_code, region_code,
                          version, updated), '#' order by source_id) from organization where station_id = :s), '')""").param("s", stationId).query(String.class).single();
    }

    @TestFactory
    Stream<DynamicTest> everyBadFileGetsItsSpecificErrorAndChangesNothing() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) {
        String before = fingerprint();
        assertThat(before).contains("base-1", "base-d1", "base-o1");
        HttpResponse<String> response = upload(c.type(), c.fileName(), c.content());

        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (c.expected().refusedWith() != null) {
            assertThat(response.statusCode())
                    .as(response.body())
                    .isEqualTo(c.expected().refusedWith());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(read(response).get("key").asString())
                    .isEqualTo(c.expected().key());
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode batch =
                    ImportApiIT.awaitFinished(operator, read(response).get("id").asLong());
            assertThat(batch.get("status").asString()).isEqualTo("completed");
            assertThat(ImportApiIT.errors(batch))
                    .as(batch.toString())
                    .contains(c.expected().row() + " " + c.expected().field() + " "
                            + c.expected().key());
            assertThat(batch.get("inserted").asInt() + batch.get("updated").asInt())
                    .as(batch.toString())
                    .isZero();
            assertThat(batch.get("errors").get(0).get("message").asString())
                    .isNotBlank()
                    .isNotEqualTo(c.expected().key());
        }
        assertThat(fingerprint()).as("stored records after " + c.name()).isEqualTo(before);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Case achievementRow(String name, String row, int number, String field, String key) {
        return new Case(
                name,
                "achievement",
                "bad.csv",
                utf8(ACHIEVEMENT_HEADER + row + "\n"),
                Expected.row(number, field, key));
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        byte[] workbook = ReadRows.xlsx(List.of(List.of("来源编号", "成果名称", "成果摘要"), List.of("base-1", "工作簿里的新名称", "新摘要")));
        // files refused as a whole
        cases.add(new Case(
                "an empty file", "achievement", "empty.csv", new byte[0], Expected.refused("imports.file.empty")));
        cases.add(new Case(
                "a header without rows",
                "achievement",
                "header.csv",
                utf8(ACHIEVEMENT_HEADER),
                Expected.refused("imports.file.no-rows")));
        cases.add(new Case(
                "a truncated xlsx",
                "achievement",
                "cut.xlsx",
                Arrays.copyOf(workbook, workbook.length * 2 / 3),
                Expected.refused("imports.xlsx.unreadable")));
        cases.add(new Case(
                "an xlsx cut after its first bytes",
                "achievement",
                "cut.xlsx",
                Arrays.copyOf(workbook, 40),
                Expected.refused("imports.xlsx.unreadable")));
        cases.add(new Case(
                "a ZIP that is no workbook",
                "achievement",
                "other.xlsx",
                zipOf("readme.txt", "not a workbook"),
                Expected.refused("imports.xlsx.unreadable")));
        cases.add(new Case(
                "text named .xlsx",
                "achievement",
                "text.xlsx",
                utf8(ACHIEVEMENT_HEADER + GOOD_ROW),
                Expected.refused("imports.xlsx.unreadable")));
        cases.add(new Case(
                "an old binary Excel file",
                "achievement",
                "old.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                Expected.refused("imports.file.xls")));
        cases.add(new Case(
                "an unknown column",
                "achievement",
                "bad.csv",
                utf8("来源编号,成果名称,成果摘要,颜色\nbase-1,新名称,新摘要,红\n"),
                Expected.refused("imports.header.invalid")));
        cases.add(new Case(
                "a required column missing",
                "achievement",
                "bad.csv",
                utf8("来源编号,成果名称\nbase-1,新名称\n"),
                Expected.refused("imports.header.invalid")));
        cases.add(new Case(
                "a column twice",
                "achievement",
                "bad.csv",
                utf8("来源编号,成果名称,Title,成果摘要\nbase-1,新名称,New,新摘要\n"),
                Expected.refused("imports.header.invalid")));
        cases.add(new Case(
                "bytes neither UTF-8 nor GBK",
                "achievement",
                "bad.csv",
                concat(utf8("来源编号,成果名称,成果摘要\nbase-1,"), new byte[] {(byte) 0x81, 0x20, (byte) 0xFF}, utf8(",d\n")),
                Expected.refused("imports.file.encoding")));
        cases.add(new Case(
                "GBK bytes after a UTF-8 BOM",
                "achievement",
                "bad.csv",
                ReadRows.bom(("来源编号,成果名称,成果摘要\nbase-1,新名称,新摘要\n").getBytes(GBK)),
                Expected.refused("imports.file.encoding")));
        cases.add(new Case(
                "JSON Lines in GBK",
                "achievement",
                "bad.jsonl",
                "{\"sourceId\":\"base-1\",\"title\":\"新名称\",\"description\":\"新摘要\"}\n".getBytes(GBK),
                Expected.refused("imports.json.encoding")));
        cases.add(new Case(
                "a broken quote in the header",
                "achievement",
                "bad.csv",
                utf8("来源编号,\"成果名称,成果摘要\nbase-1,新名称,新摘要\n"),
                Expected.refused("imports.csv.header-unreadable")));
        cases.add(new Case(
                "only blank lines",
                "achievement",
                "blank.csv",
                utf8("\n\n  \n"),
                Expected.refused("imports.file.empty")));
        // rows refused one by one
        cases.add(new Case(
                "GBK with an empty required cell",
                "achievement",
                "gbk.csv",
                (ACHIEVEMENT_HEADER + "base-1,,新摘要,,,,,,,\n").getBytes(GBK),
                Expected.row(2, "title", "imports.cell.required")));
        cases.add(new Case(
                "UTF-8 with BOM and an empty required cell",
                "achievement",
                "bom.csv",
                ReadRows.bom(utf8(ACHIEVEMENT_HEADER + "base-1,新名称,   ,,,,,,,\n")),
                Expected.row(2, "description", "imports.cell.required")));
        cases.add(achievementRow(
                "UTF-8 without BOM and too few columns", "base-1,新名称,新摘要", 2, "null", "imports.row.column-count"));
        cases.add(
                achievementRow("too many columns", "base-1,新名称,新摘要,,,,,,,,多余", 2, "null", "imports.row.column-count"));
        cases.add(new Case(
                "a broken quote in a data row",
                "achievement",
                "bad.csv",
                utf8(ACHIEVEMENT_HEADER + GOOD_ROW + "base-2,\"未闭合的引号,新摘要,,,,,,,\nbase-3,新名称,新摘要,,,,,,,\n"),
                Expected.row(3, "null", "imports.csv.broken-quotes")));
        cases.add(achievementRow(
                "an unknown region code",
                "base-1,新名称,新摘要,,,,,,,999999",
                2,
                "regionCode",
                "achievement.region.unknown"));
        cases.add(achievementRow(
                "an unknown industry code",
                "base-1,新名称,新摘要,,,Z99,,,,",
                2,
                "industryCode",
                "achievement.industry.unknown"));
        cases.add(achievementRow(
                "a patent number with a wrong check digit",
                "base-1,新名称,新摘要,,,,CN202310123456.7,,,",
                2,
                "patents",
                "achievement.patent.check-digit"));
        cases.add(achievementRow(
                "a malformed patent number",
                "base-1,新名称,新摘要,,,,ZL-abc,,,",
                2,
                "patents",
                "achievement.patent.invalid"));
        cases.add(achievementRow(
                "a maturity level out of range", "base-1,新名称,新摘要,,12,,,,,", 2, "trl", "achievement.trl.invalid"));
        cases.add(achievementRow(
                "a price range upside down", "base-3,新名称,新摘要,,,,,9,3,", 2, "priceMax", "achievement.price.order"));
        cases.add(achievementRow(
                "a price that is no number", "base-3,新名称,新摘要,,,,,一百,,", 2, "priceMin", "achievement.price.invalid"));
        cases.add(new Case(
                "a 10 MB cell",
                "achievement",
                "huge.csv",
                utf8(ACHIEVEMENT_HEADER + "base-1,新名称," + "长".repeat(10 * 1024 * 1024 / 3) + ",,,,,,,\n"),
                Expected.row(2, "description", "imports.cell.too-long")));
        cases.add(achievementRow(
                "a script tag", "base-1,<script>alert(1)</script>,新摘要,,,,,,,", 2, "title", "imports.cell.markup"));
        cases.add(achievementRow(
                "a javascript: address",
                "base-1,新名称,见 javascript:alert(1),,,,,,,",
                2,
                "description",
                "imports.cell.markup"));
        cases.add(achievementRow(
                "formula injection =cmd|",
                "base-1,\"=cmd|' /C calc'!A0\",新摘要,,,,,,,",
                2,
                "title",
                "imports.cell.formula"));
        cases.add(achievementRow(
                "formula injection in a list cell",
                "base-1,新名称,新摘要,\"+cmd|' /C notepad'!A0\",,,,,,",
                2,
                "keywords",
                "imports.cell.formula"));
        cases.add(achievementRow(
                "formula injection @SUM(",
                "base-1,新名称,@SUM(1+1)*cmd|'/C calc'!A0,,,,,,,",
                2,
                "description",
                "imports.cell.formula"));
        cases.add(achievementRow(
                "formula injection =HYPERLINK(",
                "base-1,新名称,\"=HYPERLINK(\"\"http://x\"\")\",,,,,,,",
                2,
                "description",
                "imports.cell.formula"));
        cases.add(achievementRow(
                "a control character", "base-1,新\u0007名称,新摘要,,,,,,,", 2, "title", "imports.cell.control"));
        cases.add(new Case(
                "a source id twice in one file",
                "achievement",
                "dup.csv",
                utf8(ACHIEVEMENT_HEADER + GOOD_ROW + "base-1,又一个名称,又一个摘要,,,,,,,\n"),
                Expected.row(3, "sourceId", "imports.source-id.repeated")));
        cases.add(achievementRow(
                "a source id too long",
                "x".repeat(201) + ",新名称,新摘要,,,,,,,",
                2,
                "sourceId",
                "imports.source-id.too-long"));
        cases.add(achievementRow("no source id", ",新名称,新摘要,,,,,,,", 2, "sourceId", "imports.cell.required"));
        cases.add(new Case(
                "a workbook cell with a formula as text",
                "achievement",
                "formula.xlsx",
                ReadRows.xlsx(List.of(List.of("来源编号", "成果名称", "成果摘要"), List.of("base-1", BAD_XLSX_TEXT, "新摘要"))),
                Expected.row(2, "title", "imports.cell.formula")));
        cases.add(new Case(
                "a workbook row without its description",
                "achievement",
                "missing.xlsx",
                ReadRows.xlsx(
                        List.of(List.of("来源编号", "成果名称", "成果摘要"), List.of("base-1", "新名称"), List.of("base-2", "新名称二"))),
                Expected.row(3, "description", "imports.cell.required")));
        cases.add(new Case(
                "a JSON Lines line that is not JSON",
                "achievement",
                "bad.jsonl",
                utf8("{\"sourceId\":\"base-1\",\"title\":\"新名称\"\n"),
                Expected.row(1, "null", "imports.json.malformed")));
        cases.add(new Case(
                "a JSON Lines line that is an array",
                "achievement",
                "bad.jsonl",
                utf8("[\"base-1\",\"新名称\"]\n"),
                Expected.row(1, "null", "imports.json.not-object")));
        cases.add(new Case(
                "a JSON Lines property nobody knows",
                "achievement",
                "bad.jsonl",
                utf8("{\"sourceId\":\"base-1\",\"title\":\"新名称\",\"description\":\"新摘要\",\"colour\":\"red\"}\n"),
                Expected.row(1, "colour", "imports.json.unknown-property")));
        cases.add(new Case(
                "a JSON Lines object where text belongs",
                "achievement",
                "bad.jsonl",
                utf8("{\"sourceId\":\"base-1\",\"title\":{\"zh\":\"新名称\"},\"description\":\"新摘要\"}\n"),
                Expected.row(1, "title", "imports.json.nested")));
        cases.add(new Case(
                "a tab-separated GBK file with an unknown region",
                "achievement",
                "bad.txt",
                "来源编号\t成果名称\t成果摘要\t地区代码\nbase-1\t新名称\t新摘要\t123456\n".getBytes(GBK),
                Expected.row(2, "regionCode", "achievement.region.unknown")));
        // demands
        cases.add(new Case(
                "a demand whose deadline has passed",
                "demand",
                "demands.csv",
                utf8("来源编号,需求名称,需求背景,截止日期\nbase-d1,新需求,新背景,2001-01-01\n"),
                Expected.row(2, "deadline", "demand.deadline.past")));
        cases.add(new Case(
                "a demand with an unknown industry code",
                "demand",
                "demands.csv",
                ("来源编号,需求名称,需求背景,行业代码\nbase-d1,新需求,新背景,QQ\n").getBytes(GBK),
                Expected.row(2, "industryCode", "demand.industry.unknown")));
        cases.add(new Case(
                "a demand neither confidential nor not",
                "demand",
                "demands.csv",
                utf8("来源编号,需求名称,需求背景,是否保密\nbase-d1,新需求,新背景,也许\n"),
                Expected.row(2, "confidential", "demand.confidential.invalid")));
        // organizations
        cases.add(new Case(
                "an organization with a wrong credit code check digit",
                "organization",
                "orgs.csv",
                utf8("来源编号,机构名称,机构类型,统一社会信用代码\nbase-o1,新名称机构,企业,91110000802100433A\n"),
                Expected.row(2, "creditCode", "organization.credit-code.checksum")));
        cases.add(new Case(
                "an organization with a credit code of the wrong length",
                "organization",
                "orgs.csv",
                utf8("来源编号,机构名称,机构类型,统一社会信用代码\nbase-o1,新名称机构,企业,9111000080210\n"),
                Expected.row(2, "creditCode", "organization.credit-code.length")));
        cases.add(new Case(
                "an organization of an unknown type",
                "organization",
                "orgs.csv",
                utf8("来源编号,机构名称,机构类型\nbase-o1,新名称机构,外星机构\n"),
                Expected.row(2, "type", "organization.type.unknown")));
        cases.add(new Case(
                "an organization in an unknown region",
                "organization",
                "orgs.csv",
                utf8("来源编号,机构名称,机构类型,地区代码\nbase-o1,新名称机构,企业,990000\n"),
                Expected.row(2, "regionCode", "organization.region.unknown")));
        cases.add(new Case(
                "an organization that is neither SME nor not",
                "organization",
                "orgs.csv",
                utf8("来源编号,机构名称,机构类型,是否中小企业\nbase-o1,新名称机构,企业,大概\n"),
                Expected.row(2, "sme", "organization.import.sme.unknown")));
        return cases;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, String content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(utf8(content));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
