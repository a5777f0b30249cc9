package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kechuang.shared.CooperationMode;

/** The completeness policy on fixed demands: the score and the suggestions, most valuable first. */
class DemandCompletenessTest {

    private static final String LONG_BACKGROUND = "本公司为汽车零部件压铸企业，现有三条压铸线，铝合金壳体气孔率偏高导致返修率约 6%。"
            + "已尝试调整模温、真空度和浇注速度，气孔率仅下降一成；缺少在线检测手段，只能靠抽检发现问题，"
            + "希望引入外部技术在线识别气孔缺陷并反馈工艺参数。";
    private static final String LONG_PROBLEMS = "压铸件内部气孔无法在线检测；X 射线抽检节拍跟不上产线；工艺参数与缺陷之间缺乏可用的关联模型，调整全凭经验。";

    private static DemandContent bare() {
        return content("气孔", List.of(), null, null, null, null, Set.of(), null, null, null);
    }

    private static DemandContent complete() {
        return content(
                LONG_BACKGROUND,
                List.of(new TargetIndicator("良品率", TargetIndicator.Comparison.GE, new BigDecimal("99.5"), "%", null)),
                LONG_PROBLEMS,
                "汽车零部件压铸车间，连续三班生产",
                "IC-UP-EDA",
                "C",
                Set.of(CooperationMode.JOINT_DEVELOPMENT),
                new BigDecimal("50"),
                new BigDecimal("200"),
                LocalDate.of(2027, 6, 30));
    }

    private static DemandContent content(
            String background,
            List<TargetIndicator> indicators,
            String problems,
            String scenario,
            String node,
            String industry,
            Set<CooperationMode> modes,
            BigDecimal budgetMin,
            BigDecimal budgetMax,
            LocalDate deadline) {
        return new DemandContent(
                "压铸件气孔在线检测",
                background,
                problems,
                indicators,
                industry,
                node,
                scenario,
                industry == null ? null : "330100",
                modes,
                budgetMin,
                budgetMax,
                deadline,
                false,
                DemandContent.Contact.NONE,
                null);
    }

    private static List<String> keys(Completeness completeness) {
        return completeness.suggestions().stream()
                .map(Completeness.Suggestion::key)
                .toList();
    }

    @Test
    void aFullyDescribedDemandScoresOneHundredWithNothingToSuggest() {
        Completeness completeness = DemandCompleteness.of(complete());

        assertThat(completeness.score()).isEqualTo(100);
        assertThat(completeness.suggestions()).isEmpty();
    }

    @Test
    void aDemandWithOnlyTitleAndAShortBackgroundScoresZeroAndIsToldEverythingMostValuableFirst() {
        Completeness completeness = DemandCompleteness.of(bare());

        assertThat(completeness.score()).isZero();
        assertThat(completeness.suggestions())
                .extracting(Completeness.Suggestion::field)
                .containsExactly(
                        "targetIndicators",
                        "background",
                        "budgetMax",
                        "technicalProblems",
                        "applicationScenario",
                        "chainNodeCode",
                        "deadline",
                        "industryCode",
                        "regionCode",
                        "cooperationModes");
        assertThat(keys(completeness))
                .startsWith(
                        "demand.completeness.indicators.missing",
                        "demand.completeness.background.short",
                        "demand.completeness.budget.missing");
    }

    @Test
    void anIndicatorWithoutANumberEarnsLittleAndIsAskedToBeQuantified() {
        DemandContent words = content(
                LONG_BACKGROUND,
                List.of(new TargetIndicator(null, null, null, null, "通过第三方检测")),
                LONG_PROBLEMS,
                "汽车零部件压铸车间，连续三班生产",
                "IC-UP-EDA",
                "C",
                Set.of(CooperationMode.JOINT_DEVELOPMENT),
                new BigDecimal("50"),
                new BigDecimal("200"),
                LocalDate.of(2027, 6, 30));

        Completeness completeness = DemandCompleteness.of(words);

        assertThat(completeness.score()).isEqualTo(100 - DemandCompleteness.INDICATORS + 6);
        assertThat(completeness.suggestions())
                .containsExactly(
                        new Completeness.Suggestion("targetIndicators", "demand.completeness.indicators.quantify"));
    }

    @Test
    void aNumberWithoutAUnitIsAskedForItsUnit() {
        DemandContent noUnit = content(
                LONG_BACKGROUND,
                List.of(new TargetIndicator("响应时间", TargetIndicator.Comparison.LE, new BigDecimal("50"), null, null)),
                LONG_PROBLEMS,
                "汽车零部件压铸车间，连续三班生产",
                "IC-UP-EDA",
                "C",
                Set.of(CooperationMode.JOINT_DEVELOPMENT),
                new BigDecimal("50"),
                new BigDecimal("200"),
                LocalDate.of(2027, 6, 30));

        Completeness completeness = DemandCompleteness.of(noUnit);

        assertThat(completeness.score()).isEqualTo(94);
        assertThat(keys(completeness)).containsExactly("demand.completeness.indicators.unit");
    }

    @Test
    void oneBudgetBoundEarnsHalfAndAsksForTheOtherEnd() {
        DemandContent onlyMin = content(
                LONG_BACKGROUND,
                List.of(new TargetIndicator("良品率", TargetIndicator.Comparison.GE, new BigDecimal("99.5"), "%", null)),
                LONG_PROBLEMS,
                "汽车零部件压铸车间，连续三班生产",
                "IC-UP-EDA",
                "C",
                Set.of(CooperationMode.JOINT_DEVELOPMENT),
                new BigDecimal("50"),
                null,
                LocalDate.of(2027, 6, 30));

        Completeness completeness = DemandCompleteness.of(onlyMin);

        assertThat(completeness.score()).isEqualTo(100 - DemandCompleteness.BUDGET / 2);
        assertThat(completeness.suggestions())
                .containsExactly(new Completeness.Suggestion("budgetMax", "demand.completeness.budget.range"));
    }

    @Test
    void shortTextsEarnHalfTheirWeightAndAreAskedToBeMoreConcrete() {
        DemandContent terse = content(
                "气孔偏多，返修率高，已调过模温和真空度，效果有限，需要在线检测与工艺优化的办法。",
                List.of(new TargetIndicator("良品率", TargetIndicator.Comparison.GE, new BigDecimal("99.5"), "%", null)),
                "气孔无法在线检测",
                "压铸车间",
                "IC-UP-EDA",
                "C",
                Set.of(CooperationMode.JOINT_DEVELOPMENT),
                new BigDecimal("50"),
                new BigDecimal("200"),
                LocalDate.of(2027, 6, 30));

        Completeness completeness = DemandCompleteness.of(terse);

        assertThat(completeness.score()).isEqualTo(100 - 6 - 5 - 5);
        assertThat(keys(completeness))
                .containsExactly(
                        "demand.completeness.background.short",
                        "demand.completeness.problems.short",
                        "demand.completeness.scenario.short");
    }

    @Test
    void theWeightsAddUpToOneHundred() {
        assertThat(DemandCompleteness.INDICATORS
                        + DemandCompleteness.BUDGET
                        + DemandCompleteness.BACKGROUND
                        + DemandCompleteness.SCENARIO
                        + DemandCompleteness.PROBLEMS
                        + DemandCompleteness.CHAIN_NODE
                        + DemandCompleteness.DEADLINE
                        + DemandCompleteness.INDUSTRY
                        + DemandCompleteness.REGION
                        + DemandCompleteness.MODES)
                .isEqualTo(100);
    }
}
