package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kechuang.caselib.CaseDraft;
import org.kechuang.demand.Demands;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.shared.PublicationStatus;

/** The rules behind the outcomes: the prefilled case, the funnel's steps, the medians of the manager's figures. */
class OutcomeRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    private static final Demands.Particulars DEMAND =
            new Demands.Particulars(7, "铸件气孔", PublicationStatus.PUBLISHED, 5L, 20L, 40L, "IC-DESIGN", "330100", false);

    private static final Demands.Statement STATEMENT = new Demands.Statement(7, "铸件气孔", "气孔率高。", "降到 1% 以下。", "C3391");

    /** The text of a message as its key and arguments, so that the test reads what was asked for. */
    private static String text(String key, Object[] args) {
        return key + List.of(args);
    }

    private static Engagement evaluated(boolean confidential, List<MeasuredResult> results) {
        Engagement e =
                Engagement.propose(7, CounterpartType.ACHIEVEMENT, 9, 10, 5L, 20L, 30L, confidential, 10, NOW, null);
        e.advance(Stage.CONTACTED, NOW, null);
        e.advance(Stage.NEGOTIATING, NOW, null);
        e.contract(new Contract(ContractType.LICENSE, BigDecimal.TEN, LocalDate.of(2026, 11, 2), null), NOW, null);
        e.advance(Stage.DELIVERING, NOW, null);
        e.rate(Engagement.Side.DEMAND, new Rating(5, null), NOW);
        e.rate(Engagement.Side.COUNTERPART, new Rating(4, null), NOW);
        e.evaluate(results, "半年统计", NOW);
        return e;
    }

    @Test
    void proposedCaseTakesTheDemandsProblemTheCounterpartsSolutionThePartiesAndTheFigures() {
        Engagement e = evaluated(
                false,
                List.of(
                        new MeasuredResult("良品率", new BigDecimal("99.6"), "%"),
                        new MeasuredResult("返工批次", BigDecimal.ZERO, ""),
                        new MeasuredResult("停机时长", new BigDecimal("2"), "<b>小时</b>"),
                        new MeasuredResult("一个超过五十个字符的指标名称".repeat(5), BigDecimal.ONE, "次")));
        CaseDraft draft = ProposedCase.of(
                e, DEMAND, STATEMENT, new ProposedCase.Supply("模温闭环控制", 41L, null), OutcomeRulesTest::text);

        assertThat(draft.title()).isEqualTo("铸件气孔");
        assertThat(draft.problem()).startsWith("气孔率高。").contains("outcome.case.problems[降到 1% 以下。]");
        assertThat(draft.solution())
                .contains("outcome.case.solution.achievement[模温闭环控制]")
                .contains("outcome.case.contract[engagement.contract-type.license[], 2026, 11]")
                .contains("半年统计")
                .contains("返工批次 0", "停机时长 2")
                .doesNotContain("<b>");
        assertThat(draft.figures()).containsExactly(new CaseDraft.FigureDraft("良品率", "99.6", "%", null));
        assertThat(draft.parties())
                .containsExactly(
                        new CaseDraft.PartyDraft("DEMAND_SIDE", 40L, null),
                        new CaseDraft.PartyDraft("SUPPLY_SIDE", 41L, null));
        assertThat(draft.demandId()).isEqualTo(7L);
        assertThat(draft.achievementId()).isEqualTo(9L);
        assertThat(draft.industryCode()).isEqualTo("C3391");
        assertThat(draft.chainNodeCode()).isEqualTo("IC-DESIGN");
        assertThat(draft.regionCode()).isEqualTo("330100");
    }

    @Test
    void confidentialEngagementsCaseNamesNoPartyAndLinksNoRecord() {
        Engagement e = evaluated(true, List.of(new MeasuredResult("良品率", new BigDecimal("99.6"), "%")));
        CaseDraft draft = ProposedCase.of(
                e, DEMAND, STATEMENT, new ProposedCase.Supply("模温闭环控制", 41L, null), OutcomeRulesTest::text);

        assertThat(draft.parties()).isEmpty();
        assertThat(draft.demandId()).isNull();
        assertThat(draft.achievementId()).isNull();
        assertThat(draft.expertIds()).isEmpty();
        assertThat(draft.solution())
                .contains("outcome.case.solution.confidential")
                .doesNotContain("模温闭环控制");
        assertThat(draft.figures()).hasSize(1);
    }

    @Test
    void anEngagementClosedFromAStageHasReachedThatStageButNoFurther() {
        Engagement closed =
                Engagement.propose(7, CounterpartType.ACHIEVEMENT, 9, 10, 5L, 20L, 30L, false, 10, NOW, null);
        closed.advance(Stage.CONTACTED, NOW, null);
        closed.close(CloseReason.TERMS, null, NOW);

        assertThat(FunnelStep.MATCHED.reachedBy(closed)).isTrue();
        assertThat(FunnelStep.CONTACTED.reachedBy(closed)).isTrue();
        assertThat(FunnelStep.CONTRACTED.reachedBy(closed)).isFalse();
        assertThat(FunnelStep.EVALUATED.reachedBy(
                        evaluated(false, List.of(new MeasuredResult("良品率", BigDecimal.ONE, "%")))))
                .isTrue();
    }

    private static RecordHistory.Entry entry(Instant at, String from, String to) {
        return new RecordHistory.Entry(1L, "moved", at, List.of(new RecordHistory.Change("stage", from, to)));
    }

    @Test
    void stageStaysRunFromOneStageEntryToTheNextAndTheMedianIsInDays() {
        Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
        Map<Stage, List<Duration>> stays = new EnumMap<>(Stage.class);
        ManagerFigures.stays(
                List.of(
                        entry(t0, null, "PROPOSED"),
                        new RecordHistory.Entry(1L, "rated", t0.plusSeconds(60), List.of()),
                        entry(t0.plus(Duration.ofHours(36)), "PROPOSED", "CONTACTED"),
                        entry(t0.plus(Duration.ofDays(4)), "CONTACTED", "CLOSED")),
                stays);
        ManagerFigures.stays(
                List.of(entry(t0, null, "PROPOSED"), entry(t0.plus(Duration.ofDays(3)), "PROPOSED", "CONTACTED")),
                stays);

        assertThat(stays.get(Stage.PROPOSED)).containsExactly(Duration.ofHours(36), Duration.ofDays(3));
        assertThat(stays.get(Stage.CONTACTED)).containsExactly(Duration.ofHours(60));
        assertThat(stays).doesNotContainKey(Stage.CLOSED);
        assertThat(ManagerFigures.medianDays(stays.get(Stage.PROPOSED))).isEqualByComparingTo("2.3");
        assertThat(ManagerFigures.medianDays(stays.get(Stage.CONTACTED))).isEqualByComparingTo("2.5");
        assertThat(ManagerFigures.medianDays(List.of())).isNull();
    }
}
