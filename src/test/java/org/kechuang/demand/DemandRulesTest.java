package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.shared.CooperationMode;

class DemandRulesTest {

    private final DemandRules rules = new DemandRules(
            ReferenceFakes.regions(),
            ReferenceFakes.industries(),
            ReferenceFakes.chains(),
            ReferenceFakes.organizations());

    private static DemandDraft draft() {
        return DemandDraft.of("高精度数控机床热误差补偿", "本公司五轴加工中心在连续加工时热变形导致精度下降。");
    }

    private static DemandDraft with(DemandDraft d, String budgetMin, String budgetMax, String deadline) {
        return new DemandDraft(
                d.title(),
                d.background(),
                d.technicalProblems(),
                d.targetIndicators(),
                d.industryCode(),
                d.chainNodeCode(),
                d.applicationScenario(),
                d.regionCode(),
                d.cooperationModes(),
                budgetMin,
                budgetMax,
                deadline,
                d.confidential(),
                d.contactPerson(),
                d.contactPhone(),
                d.contactEmail(),
                d.organizationId(),
                d.stationId(),
                d.version());
    }

    private static List<String> fieldsOf(Throwable refusal) {
        return ((DemandRejected) refusal)
                .violations().stream().map(Violation::field).toList();
    }

    @Test
    void acceptsADemandWithJustTitleAndBackground() {
        DemandContent content = rules.validate(draft());

        assertThat(content.title()).isEqualTo("高精度数控机床热误差补偿");
        assertThat(content.cooperationModes()).isEmpty();
        assertThat(content.confidential()).isFalse();
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        assertThatThrownBy(() -> rules.validate(DemandDraft.of("  ", null)))
                .isInstanceOf(DemandRejected.class)
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("title", "background"));
    }

    @Test
    void refusesScriptTagsAndTenMegabyteFields() {
        DemandDraft hostile = DemandDraft.of("<script>alert('x')</script>需求", "背".repeat(10 * 1024 * 1024));

        assertThatThrownBy(() -> rules.validate(hostile)).satisfies(refusal -> {
            List<Violation> violations = ((DemandRejected) refusal).violations();
            assertThat(violations).extracting(Violation::key).containsExactly("text.markup", "text.too-long");
            assertThat(violations.get(1).args()).containsExactly(DemandRules.TEXT_MAX);
        });
    }

    @Test
    void keepsTraditionalCharactersAsTypedAndMatchesThemSimplified() {
        DemandContent content = rules.validate(DemandDraft.of("數控機床熱誤差補償", "精度下降（熱變形）。"));

        assertThat(content.title()).isEqualTo("數控機床熱誤差補償");
        assertThat(content.background()).isEqualTo("精度下降（熱變形）。");
        assertThat(content.titleKey()).isEqualTo("数控机床热误差补偿");
    }

    @Test
    void normalizesFullWidthDigitsInBudgetsAndCodes() {
        DemandDraft d = with(draft(), "５０", "２００.５", "２０２７年３月１日");
        d = new DemandDraft(
                d.title(),
                d.background(),
                null,
                null,
                "ｃ",
                "ic-up-eda",
                null,
                "３３０１００",
                List.of("技术转让", "joint-development"),
                d.budgetMin(),
                d.budgetMax(),
                d.deadline(),
                true,
                "王工",
                "０５７４－８８８８８８８８",
                "wang@example.com",
                7L,
                null,
                null);

        DemandContent content = rules.validate(d);

        assertThat(content.budgetMin()).isEqualByComparingTo("50");
        assertThat(content.budgetMax()).isEqualTo(new BigDecimal("200.50"));
        assertThat(content.deadline()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(content.industryCode()).isEqualTo("C");
        assertThat(content.chainNodeCode()).isEqualTo("IC-UP-EDA");
        assertThat(content.regionCode()).isEqualTo("330100");
        assertThat(content.cooperationModes())
                .containsExactlyInAnyOrder(CooperationMode.TRANSFER, CooperationMode.JOINT_DEVELOPMENT);
        assertThat(content.contact().phone()).isEqualTo("0574-88888888");
        assertThat(content.organizationId()).isEqualTo(7L);
    }

    @Test
    void refusesABudgetWhoseLowerEndIsAboveItsUpperEnd() {
        assertThatThrownBy(() -> rules.validate(with(draft(), "300", "100", null)))
                .satisfies(refusal -> assertThat(((DemandRejected) refusal).violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("budgetMax");
                            assertThat(v.key()).isEqualTo("demand.budget.order");
                        }));
    }

    @Test
    void refusesNegativeMalformedAndOverpreciseBudgetsAndImpossibleDates() {
        assertThatThrownBy(() -> rules.validate(with(draft(), "-5", "1.234", "2027-02-30")))
                .satisfies(refusal -> assertThat(((DemandRejected) refusal).violations())
                        .extracting(Violation::key)
                        .containsExactly("demand.budget.negative", "demand.budget.invalid", "demand.deadline.invalid"));
    }

    @Test
    void refusesUnknownCodesModesAndOrganizationsByField() {
        DemandDraft d = draft();
        DemandDraft unknown = new DemandDraft(
                d.title(),
                d.background(),
                null,
                null,
                "ZZ",
                "NO-SUCH-NODE",
                null,
                "999999",
                List.of("赠送"),
                null,
                null,
                null,
                null,
                null,
                "电话：无",
                "not-an-address",
                99L,
                null,
                null);

        assertThatThrownBy(() -> rules.validate(unknown))
                .satisfies(refusal -> assertThat(((DemandRejected) refusal).violations())
                        .extracting(Violation::field, Violation::key)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("industryCode", "demand.industry.unknown"),
                                org.assertj.core.groups.Tuple.tuple("chainNodeCode", "demand.chain-node.unknown"),
                                org.assertj.core.groups.Tuple.tuple("regionCode", "demand.region.unknown"),
                                org.assertj.core.groups.Tuple.tuple("cooperationModes", "demand.mode.unknown"),
                                org.assertj.core.groups.Tuple.tuple("contactPhone", "demand.contact.phone-invalid"),
                                org.assertj.core.groups.Tuple.tuple("contactEmail", "demand.contact.email-invalid"),
                                org.assertj.core.groups.Tuple.tuple("organizationId", "demand.organization.unknown")));
    }

    @Test
    void readsQuantifiedIndicatorsAndKeepsTheRestAsFreeText() {
        List<TargetIndicator.Draft> lines = DemandRules.parseLines("""
                定位精度 <= 5 μm
                效率≥９５％

                通过第三方检测机构认证
                """);
        DemandDraft d = draft();
        DemandContent content = rules.validate(new DemandDraft(
                d.title(),
                d.background(),
                null,
                lines,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));

        assertThat(content.targetIndicators()).hasSize(3);
        TargetIndicator precision = content.targetIndicators().get(0);
        assertThat(precision.name()).isEqualTo("定位精度");
        assertThat(precision.comparator()).isEqualTo(TargetIndicator.Comparison.LE);
        assertThat(precision.value()).isEqualByComparingTo("5");
        assertThat(precision.unit()).isEqualTo("μm");
        assertThat(content.targetIndicators().get(1).display()).isEqualTo("效率 ≥ 95 %");
        assertThat(content.targetIndicators().get(2).quantified()).isFalse();
        assertThat(content.targetIndicators().get(2).text()).isEqualTo("通过第三方检测机构认证");
    }

    @Test
    void namesTheIndicatorWhoseValueIsNoNumber() {
        DemandDraft d = draft();
        DemandDraft bad = new DemandDraft(
                d.title(),
                d.background(),
                null,
                List.of(new TargetIndicator.Draft("寿命", ">=", "很长", "小时", null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> rules.validate(bad))
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("targetIndicators[0].value"));
    }

    @Test
    void refusesToSubmitADemandWhoseDeadlineHasPassed() {
        DemandContent content = rules.validate(with(draft(), null, null, "2026-01-31"));

        assertThatThrownBy(() -> DemandRules.requireOpenDeadline(content, LocalDate.of(2026, 2, 1)))
                .isInstanceOf(DemandRejected.class)
                .satisfies(refusal -> assertThat(fieldsOf(refusal)).containsExactly("deadline"));
        DemandRules.requireOpenDeadline(content, LocalDate.of(2026, 1, 31));
    }
}
