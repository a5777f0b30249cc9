package org.kechuang.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.imports.ImportTarget.Outcome;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.Patents;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two stations supply the same achievement or demand; the operator finds the pair, merges it, and the record kept
 * carries both provenances while a re-import of the merged one changes nothing.
 */
@IntegrationTest
class DuplicatesIT {

    @LocalServerPort
    int port;

    @Autowired
    List<ImportTarget> targets;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    WebUser operator;
    long zju;
    long cmes;
    long owner;
    String run;

    @BeforeEach
    void setUp() {
        operator = new WebUser(port).withToken("operator", "kechuang-demo");
        zju = stations.findByCode("zju").orElseThrow().id();
        cmes = stations.findByCode("cmes").orElseThrow().id();
        owner = stations.findByCode("zju").orElseThrow().organizationId();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private ImportTarget target(String type) {
        return targets.stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
    }

    private static String freshPatent() {
        return Patents.freshApplication(2021);
    }

    private long achievement(long station, String sourceId, Map<String, Object> values) {
        Outcome outcome = target("achievement").apply(station, new ImportRow(2, sourceId, values), 1L);
        assertThat(outcome).isEqualTo(Outcome.INSERTED);
        return id("achievement", station, sourceId);
    }

    private long id(String table, long station, String sourceId) {
        return jdbc.sql("select id from " + table + " where station_id = ? and source_id = ?")
                .param(station)
                .param(sourceId)
                .query(Long.class)
                .single();
    }

    private JsonNode groupWith(String library, long id) {
        JsonNode page = WebUser.read(operator.get("/api/v1/duplicates?library=" + library + "&size=100"));
        for (int p = 0; p * 100L < page.get("total").asLong(); p++) {
            JsonNode results = p == 0
                    ? page.get("results")
                    : WebUser.read(operator.get("/api/v1/duplicates?library=" + library + "&size=100&page=" + p))
                            .get("results");
            for (JsonNode group : results) {
                for (JsonNode record : group.get("records")) {
                    if (record.get("id").asLong() == id) {
                        return group;
                    }
                }
            }
        }
        return null;
    }

    private static List<Long> ids(JsonNode group) {
        return StreamSupport.stream(group.get("records").spliterator(), false)
                .map(record -> record.get("id").asLong())
                .toList();
    }

    @Test
    void theSamePatentFromTwoStationsIsListedMergedAndKeepsBothProvenances() {
        String patent = freshPatent();
        long fromZju = achievement(
                zju,
                "zju-" + run,
                Map.of("title", "高精度伺服电机控制算法 " + run, "description", "伺服控制", "patents", "ZL " + patent));
        long fromCmes = achievement(
                cmes,
                "cmes-" + run,
                Map.of("title", "伺服電機控制方法 " + run, "description", "另一份描述", "patents", "CN" + patent));

        JsonNode group = groupWith("achievement", fromZju);

        assertThat(group).as("group of #%d", fromZju).isNotNull();
        assertThat(group.get("reason").asString()).isEqualTo("patent");
        assertThat(ids(group)).containsExactly(fromZju, fromCmes);
        assertThat(group.get("records").get(1).get("stationName").asString()).isNotBlank();

        var merged = operator.post(
                "/api/v1/duplicates/merge",
                Map.of("library", "achievement", "keptId", fromZju, "mergedIds", List.of(fromCmes)));

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode provenances = WebUser.read(merged).get("provenances");
        assertThat(provenances).hasSize(2);
        assertThat(provenances.get(0).get("sourceId").asString()).isEqualTo("zju-" + run);
        assertThat(provenances.get(1).get("sourceId").asString()).isEqualTo("cmes-" + run);
        assertThat(provenances.get(1).get("stationId").asLong()).isEqualTo(cmes);
        assertThat(provenances.get(1).get("mergedRecordId").asLong()).isEqualTo(fromCmes);
        assertThat(groupWith("achievement", fromZju)).isNull();
        assertThat(jdbc.sql("select status || ' ' || merged_into_id from achievement where id = ?")
                        .param(fromCmes)
                        .query(String.class)
                        .single())
                .isEqualTo("ARCHIVED " + fromZju);
        assertThat(WebUser.read(operator.get("/api/v1/duplicates/provenance?library=achievement&id=" + fromZju))
                        .get("provenances"))
                .hasSize(2);

        Outcome again = target("achievement")
                .apply(
                        cmes,
                        new ImportRow(
                                2,
                                "cmes-" + run,
                                Map.of("title", "伺服電機控制方法 " + run, "description", "再次导入", "patents", "CN" + patent)),
                        2L);
        assertThat(again).isEqualTo(Outcome.UNCHANGED);
        assertThat(jdbc.sql("select count(*) from achievement where station_id = ? and source_id = ?")
                        .param(cmes)
                        .param("cmes-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aMergedRecordHandsItsProvenancesOnWhenItsKeeperIsMergedInTurn() {
        String patent = freshPatent();
        long a = achievement(zju, "a-" + run, Map.of("title", "甲 " + run, "description", "x", "patents", patent));
        long b = achievement(cmes, "b-" + run, Map.of("title", "乙 " + run, "description", "x", "patents", patent));
        long sip = stations.findByCode("sip").orElseThrow().id();
        long c = achievement(sip, "c-" + run, Map.of("title", "丙 " + run, "description", "x", "patents", patent));

        assertThat(operator.post(
                                "/api/v1/duplicates/merge",
                                Map.of("library", "achievement", "keptId", b, "mergedIds", List.of(c)))
                        .statusCode())
                .isEqualTo(200);
        var response = operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "achievement", "keptId", a, "mergedIds", List.of(b)));

        assertThat(StreamSupport.stream(
                                WebUser.read(response).get("provenances").spliterator(), false)
                        .map(p -> p.get("sourceId").asString())
                        .toList())
                .containsExactlyInAnyOrder("a-" + run, "b-" + run, "c-" + run);
    }

    @Test
    void aNearIdenticalTitleOfTheSameOwnerIsACandidateAndCanBeDismissed() {
        long first = achievement(
                zju,
                "t1-" + run,
                Map.of(
                        "title",
                        "基于机器视觉的焊缝缺陷检测系统（" + run + "）",
                        "description",
                        "焊缝检测",
                        "organizationId",
                        Long.toString(owner)));
        long second = achievement(
                cmes,
                "t2-" + run,
                Map.of(
                        "title",
                        "基於機器視覺的焊縫缺陷檢測系統 " + run.toUpperCase(),
                        "description",
                        "焊缝检测，另一站点",
                        "organizationId",
                        Long.toString(owner)));
        achievement(cmes, "t3-" + run, Map.of("title", "基于机器视觉的焊缝缺陷检测系统 " + run, "description", "无单位"));

        JsonNode group = groupWith("achievement", first);

        assertThat(group.get("reason").asString()).isEqualTo("title-owner");
        assertThat(ids(group)).containsExactly(first, second);

        var dismissed = operator.post(
                "/api/v1/duplicates/dismiss",
                Map.of("library", "achievement", "reason", "title-owner", "recordIds", List.of(second, first)));

        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(204);
        assertThat(groupWith("achievement", first)).isNull();
    }

    @Test
    void demandsOfTheSameOwnerWithTheSameTitleAreCandidates() {
        ImportTarget demands = target("demand");
        Map<String, Object> values = Map.of(
                "title",
                "锂电池极片涂布厚度在线检测 " + run,
                "background",
                "涂布厚度波动影响一致性",
                "technicalProblems",
                "在线测量精度不足",
                "organizationId",
                Long.toString(owner));
        assertThat(demands.apply(zju, new ImportRow(2, "d1-" + run, values), 1L))
                .isEqualTo(Outcome.INSERTED);
        Map<String, Object> copy = new java.util.HashMap<>(values);
        copy.put("title", "锂电池极片涂布厚度在线检测：" + run);
        assertThat(demands.apply(cmes, new ImportRow(2, "d2-" + run, copy), 1L)).isEqualTo(Outcome.INSERTED);
        long d1 = id("demand", zju, "d1-" + run);
        long d2 = id("demand", cmes, "d2-" + run);

        JsonNode group = groupWith("demand", d1);

        assertThat(ids(group)).containsExactly(d1, d2);
        var merged = operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "demand", "keptId", d2, "mergedIds", List.of(d1)));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(WebUser.read(merged).get("provenances")).hasSize(2);
    }

    @Test
    void theSameExpertFromTwoStationsInEitherScriptIsOneCandidate() {
        ImportTarget experts = target("expert");
        String name = "测试" + run.substring(0, 4);
        assertThat(experts.apply(
                        zju,
                        new ImportRow(2, "e1-" + run, Map.of("name", "张伟" + name, "affiliation", "浙江大学 机械工程学院")),
                        1L))
                .isEqualTo(Outcome.INSERTED);
        assertThat(experts.apply(
                        cmes,
                        new ImportRow(2, "e2-" + run, Map.of("name", "張偉" + name, "affiliation", "浙江大學機械工程學院")),
                        1L))
                .isEqualTo(Outcome.INSERTED);
        assertThat(experts.apply(
                        cmes, new ImportRow(2, "e3-" + run, Map.of("name", "张伟" + name, "affiliation", "清华大学")), 1L))
                .isEqualTo(Outcome.INSERTED);
        long e1 = id("expert", zju, "e1-" + run);
        long e2 = id("expert", cmes, "e2-" + run);

        JsonNode group = groupWith("expert", e1);

        assertThat(group.get("reason").asString()).isEqualTo("name-affiliation");
        assertThat(ids(group)).containsExactly(e1, e2);
        var merged = operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "expert", "keptId", e1, "mergedIds", List.of(e2)));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(WebUser.read(merged).get("provenances")).hasSize(2);
    }

    @Test
    void refusedMergesSayWhyAndChangeNothing() {
        String patent = freshPatent();
        long a = achievement(zju, "r1-" + run, Map.of("title", "甲 " + run, "description", "x", "patents", patent));
        long b = achievement(cmes, "r2-" + run, Map.of("title", "乙 " + run, "description", "x", "patents", patent));

        var unknown = operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "patent", "keptId", a, "mergedIds", List.of(b)));
        var itself = operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "achievement", "keptId", a, "mergedIds", List.of(a)));
        var missing = operator.post(
                "/api/v1/duplicates/merge",
                Map.of("library", "achievement", "keptId", a, "mergedIds", List.of(Long.MAX_VALUE)));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(unknown).get("field").asString()).isEqualTo("library");
        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(itself).get("key").asString()).isEqualTo("dedup.merge.kept-in-merged");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ids(groupWith("achievement", a))).containsExactly(a, b);

        operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "achievement", "keptId", a, "mergedIds", List.of(b)));
        var twice = operator.post(
                "/api/v1/duplicates/merge", Map.of("library", "achievement", "keptId", a, "mergedIds", List.of(b)));

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(twice).get("key").asString()).isEqualTo("dedup.merge.archived");
    }

    @Test
    void theOperatorMergesFromThePage() {
        String patent = freshPatent();
        long a = achievement(zju, "p1-" + run, Map.of("title", "页面甲 " + run, "description", "x", "patents", patent));
        long b = achievement(cmes, "p2-" + run, Map.of("title", "页面乙 " + run, "description", "x", "patents", patent));
        WebUser signedIn = new WebUser(port).signedIn("operator", "kechuang-demo");
        JsonNode group = groupWith("achievement", a);
        int index = 0;
        JsonNode all = WebUser.read(operator.get("/api/v1/duplicates?library=achievement&size=100"));
        for (JsonNode candidate : all.get("results")) {
            if (candidate.get("key").asString().equals(group.get("key").asString())) {
                break;
            }
            index++;
        }
        int page = index / 20 + 1;

        var list = signedIn.get("/operator/duplicates?library=achievement&page=" + page);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(list)
                        .select("section.duplicate-group[data-key='"
                                + group.get("key").asString() + "'] tr[data-record-id]"))
                .hasSize(2);

        var merged = signedIn.submit(
                "/operator/duplicates?library=achievement&page=" + page,
                "section.duplicate-group[data-key='" + group.get("key").asString() + "'] form.merge",
                Map.of("keptId", Long.toString(b), "recordIds", Long.toString(a)));

        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select merged_into_id from achievement where id = ?")
                        .param(a)
                        .query(Long.class)
                        .single())
                .isEqualTo(b);
        java.net.URI redirect = java.net.URI.create(WebUser.location(merged));
        var after = signedIn.get(redirect.getRawPath() + "?" + redirect.getRawQuery());
        assertThat(WebUser.html(after).selectFirst("#notice").text()).contains("#" + b);
    }
}
