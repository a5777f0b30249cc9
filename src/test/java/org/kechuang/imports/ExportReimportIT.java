package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

/** A station's export, imported again into the same station, finds every record as it is: all rows unchanged. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportReimportIT {

    private static final int ROWS = 120;

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    private WebUser admin;
    private String station;
    private long stationId;

    @BeforeAll
    void stationWithImportedRecords() {
        admin = new WebUser(port).withToken("operator", ImportApiIT.PASSWORD);
        String unique = ImportApiIT.unique();
        long organization = organizations
                .registerForPlatform(
                        new OrganizationDraft(
                                "导出站点机构-" + unique, "UNIVERSITY", null, null, "330100", null, null, null, null, null),
                        null)
                .id();
        station = "export-" + unique;
        stationId = stations.openForPlatform(organization, station, "导出站点").id();
        StringBuilder achievements =
                new StringBuilder("来源编号,成果名称,成果摘要,关键词,技术领域,行业代码,技术成熟度,专利号,转化方式,价格下限（万元）,价格上限（万元）,完成人,地区代码\n");
        StringBuilder demands =
                new StringBuilder("来源编号,需求名称,需求背景,期望实现的技术指标,合作方式,预算下限（万元）,预算上限（万元）,截止日期,是否保密,联系人,联系电话,地区代码\n");
        String deadline = LocalDate.now().plusYears(1).toString();
        for (int i = 0; i < ROWS; i++) {
            achievements.append(String.format(
                    "ex-a-%d,\"機器學習成果 %d，含“引号”\",\"摘要 %d\n第二行\",交通流；图神经网络,人工智能,C,%d,%s,技术转让、合作开发,%s,%s,张华；李明,330100%n",
                    i,
                    i,
                    i,
                    1 + i % 9,
                    i % 2 == 0 ? "ZL 2019 1 0123456.X" : "",
                    i % 3 == 0 ? "12.5" : "",
                    i % 3 == 0 ? "30" : ""));
            demands.append(String.format(
                    "ex-d-%d,需求 %d,背景 %d,\"定位精度 <= 5 μm\n通过第三方检测\",合作开发,10,%d,%s,%s,王工,0571-88880000,330100%n",
                    i, i, i, 20 + i, deadline, i % 2 == 0 ? "是" : "否"));
        }
        assertThat(importFile("achievement", "a.csv", achievements.toString().getBytes(StandardCharsets.UTF_8))
                        .get("inserted")
                        .asInt())
                .isEqualTo(ROWS);
        assertThat(importFile("demand", "d.csv", demands.toString().getBytes(StandardCharsets.UTF_8))
                        .get("inserted")
                        .asInt())
                .isEqualTo(ROWS);
    }

    private JsonNode importFile(String type, String name, byte[] content) {
        HttpResponse<String> accepted =
                admin.upload("/api/v1/imports?type=" + type + "&station=" + station, name, content, Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode batch =
                ImportApiIT.awaitFinished(admin, read(accepted).get("id").asLong());
        assertThat(batch.get("rejected").asInt())
                .as(batch.get("errors").path(0).toString())
                .isZero();
        return batch;
    }

    private String fingerprint() {
        return jdbc.sql("""
                        select (select string_agg(concat_ws('|', id, version, updated_at), '#' order by id)
                          from achievement where station_id = :s)
                        || (select string_agg(concat_ws('|', id, version, updated_at), '#' order by id)
                          from demand where station_id = :s)""").param("s", stationId).query(String.class).single();
    }

    private void exportsAndImportsUnchanged(String library, String type, String format) {
        String before = fingerprint();
        HttpResponse<byte[]> export =
                admin.getBytes("/api/v1/" + library + "/export?format=" + format + "&station=" + station);
        assertThat(export.statusCode()).isEqualTo(200);

        JsonNode batch = importFile(type, "export." + format, export.body());

        assertThat(batch.get("total").asInt()).isEqualTo(ROWS);
        assertThat(batch.get("unchanged").asInt())
                .as("%s", batch.get("updated"))
                .isEqualTo(ROWS);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void achievementsExportedAsCsvImportUnchanged() {
        exportsAndImportsUnchanged("achievements", "achievement", "csv");
    }

    @Test
    void achievementsExportedAsXlsxImportUnchanged() {
        exportsAndImportsUnchanged("achievements", "achievement", "xlsx");
    }

    @Test
    void demandsExportedAsCsvImportUnchanged() {
        exportsAndImportsUnchanged("demands", "demand", "csv");
    }

    @Test
    void demandsExportedAsXlsxImportUnchanged() {
        exportsAndImportsUnchanged("demands", "demand", "xlsx");
    }
}
