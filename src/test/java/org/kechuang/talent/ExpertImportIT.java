package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kechuang.imports.ImportColumn;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.imports.ImportTarget.Outcome;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ExpertImportIT {

    @Autowired
    List<ImportTarget> targets;

    @Autowired
    Experts experts;

    @Autowired
    Stations stations;

    @Autowired
    RecordHistory history;

    @Autowired
    JdbcClient jdbc;

    private ImportTarget target() {
        return targets.stream()
                .filter(t -> t.type().equals("expert"))
                .findFirst()
                .orElseThrow();
    }

    private static ImportRow row(String sourceId, Map<String, Object> values) {
        return new ImportRow(2, sourceId, values);
    }

    @Test
    void theTemplateHasTheChineseHeadersStationsUse() {
        assertThat(target().columns())
                .extracting(ImportColumn::header)
                .containsSubsequence("姓名", "工作单位", "职称", "学科", "研究方向", "关键词", "地区", "学会", "青年人才", "海外", "联系电话", "电子邮箱");
        assertThat(target().columns())
                .filteredOn(ImportColumn::required)
                .extracting(ImportColumn::field)
                .containsExactly("name", "affiliation");
    }

    @Test
    void aRowIsInsertedUpdatedAndLeftUnchangedByStationAndSourceId() {
        long station = stations.findByCode("ccs").orElseThrow().id();
        long society = stations.findByCode("ccs").orElseThrow().organizationId();
        String source = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> values = Map.of(
                "name", "陈静" + source,
                "affiliation", "中国科学院化学研究所",
                "title", "研究员",
                "disciplineCodes", List.of("B01", "b02"),
                "researchFields", List.of("高分子合成"),
                "societyIds", List.of(Long.toString(society)),
                "youngTalent", "否",
                "overseas", "是",
                "phone", "010-62345678",
                "email", "chen.jing@iccas.example.cn");
        long before = experts.count();

        assertThat(target().validate(row(source, values))).isEmpty();
        assertThat(target().apply(station, row(source, values), 501L)).isEqualTo(Outcome.INSERTED);
        assertThat(target().apply(station, row(source, values), 502L)).isEqualTo(Outcome.UNCHANGED);
        Map<String, Object> changed = new java.util.HashMap<>(values);
        changed.put("title", "研究员（二级）");
        assertThat(target().apply(station, row(source, changed), 503L)).isEqualTo(Outcome.UPDATED);

        assertThat(experts.count()).isEqualTo(before + 1);
        var stored = jdbc.sql("select id, status, overseas, account_id, consent_scope, import_batch_id from expert"
                        + " where station_id = ? and source_id = ?")
                .param(station)
                .param(source)
                .query((rs, n) -> List.of(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getBoolean("overseas"),
                        String.valueOf(rs.getObject("account_id")),
                        String.valueOf(rs.getObject("consent_scope")),
                        rs.getLong("import_batch_id")))
                .single();
        assertThat(stored.subList(1, 6)).containsExactly("PUBLISHED", true, "null", "null", 503L);
        assertThat(history.of("expert", (Long) stored.get(0)))
                .extracting(RecordHistory.Entry::action)
                .containsExactly("imported", "submitted", "published", "imported");
    }

    @Test
    void badRowsAreRefusedWithEveryFieldAtFault() {
        List<ImportFieldError> errors = target().validate(row(
                "bad-1",
                Map.of(
                        "name", "刘洋",
                        "affiliation", "浙江大学",
                        "youngTalent", "也许",
                        "societyIds", List.of("学会甲"))));

        assertThat(errors)
                .extracting(ImportFieldError::field, ImportFieldError::key)
                .containsExactly(
                        tuple("societyIds", "expert.society.unknown"), tuple("youngTalent", "expert.flag.invalid"));

        List<ImportFieldError> more = target().validate(row(
                "bad-2",
                Map.of(
                        "name", "刘洋",
                        "affiliation", "浙江大学",
                        "regionCode", "999999",
                        "phone", "12",
                        "availability", "随时",
                        "disciplineCodes", List.of("X1"))));

        assertThat(more)
                .extracting(ImportFieldError::field)
                .containsExactly("disciplineCodes", "regionCode", "availability", "phone");
    }
}
