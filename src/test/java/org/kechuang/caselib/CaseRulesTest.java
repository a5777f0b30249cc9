package org.kechuang.caselib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRulesTest {

    @Test
    void readsTheFiguresOfOneCellWithTheirUnitsAndKinds() {
        List<CaseDraft.FigureDraft> figures =
                CaseRules.figureItems("年节约成本=320万元;良品率提升=4.5个百分点；技术:设备停机=1,200 小时\n经济：节约=１２万美元");

        assertThat(figures)
                .extracting(
                        CaseDraft.FigureDraft::name,
                        CaseDraft.FigureDraft::value,
                        CaseDraft.FigureDraft::unit,
                        CaseDraft.FigureDraft::kind)
                .containsExactly(
                        tuple("年节约成本", "320", "万元", null),
                        tuple("良品率提升", "4.5", "个百分点", null),
                        tuple("设备停机", "1,200", "小时", "技术"),
                        tuple("节约", "１２", "万美元", "经济"));
    }

    @Test
    void keepsAnItemWithoutANumberWholeSoThatTheRowErrorNamesIt() {
        assertThat(CaseRules.figureItems("年节约成本320万元;良品率=很高"))
                .extracting(CaseDraft.FigureDraft::name, CaseDraft.FigureDraft::value)
                .containsExactly(tuple("年节约成本320万元", null), tuple("良品率=很高", null));
    }

    @Test
    void moneyIsEconomicAndEverythingElseTechnical() {
        assertThat(FigureKind.ofUnit("万元")).isEqualTo(FigureKind.ECONOMIC);
        assertThat(FigureKind.ofUnit("亿元")).isEqualTo(FigureKind.ECONOMIC);
        assertThat(FigureKind.ofUnit("个百分点")).isEqualTo(FigureKind.TECHNICAL);
        assertThat(FigureKind.parse("经济指标")).contains(FigureKind.ECONOMIC);
        assertThat(FigureKind.parse("technical")).contains(FigureKind.TECHNICAL);
    }

    @Test
    void readsPartiesAsNamesOrOrganizationNumbers() {
        assertThat(CaseRules.partyItems(PartyRole.SUPPLY_SIDE, List.of("浙江大学 #12", "＃15", "宁波某机械有限公司")))
                .extracting(
                        CaseDraft.PartyDraft::role, CaseDraft.PartyDraft::organizationId, CaseDraft.PartyDraft::name)
                .containsExactly(
                        tuple("SUPPLY_SIDE", 12L, "浙江大学"),
                        tuple("SUPPLY_SIDE", 15L, null),
                        tuple("SUPPLY_SIDE", null, "宁波某机械有限公司"));
        assertThat(PartyRole.parse("服务方")).contains(PartyRole.BROKER);
    }

    @Test
    void aFigureShowsItsNumberWithoutTrailingZeros() {
        assertThat(new Figure("年节约成本", new BigDecimal("320.00"), "万元", FigureKind.ECONOMIC).shown())
                .isEqualTo("年节约成本 320 万元");
    }

    @Test
    void numbersThatAreNotNumbersAreRefusedByField() {
        List<Violation> violations = new java.util.ArrayList<>();

        List<Long> ids = CaseRules.numbers(violations, "expertIds", List.of("12", "#13", "张三"), "case.expert.unknown");

        assertThat(ids).containsExactly(12L, 13L);
        assertThat(violations)
                .extracting(Violation::field, Violation::key)
                .containsExactly(tuple("expertIds", "case.expert.unknown"));
        assertThat(CaseRules.single(violations, "demandId", List.of(1L, 2L))).isNull();
        assertThat(violations).extracting(Violation::key).contains("case.link.one");
    }
}
