package org.kechuang.caselib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashMap;
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
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CaseImportIT {

    @Autowired
    List<ImportTarget> targets;

    @Autowired
    Cases cases;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    private ImportTarget target() {
        return targets.stream().filter(t -> t.type().equals("case")).findFirst().orElseThrow();
    }

    @Test
    void theTemplateNamesItsColumnsInChinese() {
        assertThat(target().columns())
                .extracting(ImportColumn::header)
                .containsSubsequence("案例名称", "问题", "解决方案", "需求方", "供给方", "服务方", "成效数据");
        assertThat(target().columns())
                .filteredOn(ImportColumn::required)
                .extracting(ImportColumn::field)
                .containsExactly("title", "problem", "solution");
    }

    @Test
    void aRowWithFiguresInOneCellIsInsertedUpdatedAndLeftUnchanged() {
        long station = stations.findByCode("ningbo").orElseThrow().id();
        String source = "case-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> values = new HashMap<>(Map.of(
                "title", "注塑工艺优化 " + source,
                "problem", "缩痕导致良品率低。",
                "solution", "模流分析优化浇口。",
                "demandSide", List.of("宁波某模具有限公司"),
                "broker", List.of("宁波市技术转移中心"),
                "figures", "年节约成本=320万元;良品率提升=4.5个百分点",
                "regionCode", "330200"));
        ImportRow row = new ImportRow(2, source, values);
        long before = cases.count();

        assertThat(target().validate(row)).isEmpty();
        assertThat(target().apply(station, row, 601L)).isEqualTo(Outcome.INSERTED);
        assertThat(target().apply(station, row, 602L)).isEqualTo(Outcome.UNCHANGED);
        values.put("figures", "年节约成本=350万元;良品率提升=4.5个百分点");
        assertThat(target().apply(station, new ImportRow(2, source, values), 603L))
                .isEqualTo(Outcome.UPDATED);

        assertThat(cases.count()).isEqualTo(before + 1);
        String stored = jdbc.sql("select status || ' ' || figures::text || ' ' || array_to_string(figure_kinds, ',')"
                        + " from application_case where station_id = ? and source_id = ?")
                .param(station)
                .param(source)
                .query(String.class)
                .single();
        assertThat(stored)
                .startsWith("PUBLISHED ")
                .contains("\"value\": \"350\"", "\"unit\": \"个百分点\"")
                .endsWith("ECONOMIC,TECHNICAL");
    }

    @Test
    void aRowWithFiguresThatCannotBeReadIsRefusedNamingTheItem() {
        List<ImportFieldError> errors = target().validate(new ImportRow(
                7,
                "bad-case",
                Map.of(
                        "title", "案例",
                        "problem", "问题",
                        "solution", "方案",
                        "figures", "年节约成本320万元;良品率=很高;停机时间=12",
                        "demandId", List.of("需求甲"),
                        "expertIds", List.of("987654321"))));

        assertThat(errors)
                .extracting(ImportFieldError::field, ImportFieldError::key)
                .containsExactly(tuple("demandId", "case.demand.unknown"));
        List<ImportFieldError> figureErrors = target().validate(new ImportRow(
                8,
                "bad-figures",
                Map.of(
                        "title", "案例",
                        "problem", "问题",
                        "solution", "方案",
                        "figures", "年节约成本320万元;停机时间=12",
                        "expertIds", List.of("987654321"))));
        assertThat(figureErrors)
                .extracting(ImportFieldError::key)
                .containsExactly("case.figure.value-required", "case.figure.unit-required", "case.expert.unknown");
        assertThat(figureErrors.getFirst().args()).containsExactly("年节约成本320万元");
    }
}
