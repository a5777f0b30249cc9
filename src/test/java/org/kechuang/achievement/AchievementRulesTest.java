package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.shared.CooperationMode;

class AchievementRulesTest {

    private final AchievementRules rules = new AchievementRules(
            ReferenceFakes.regions(),
            ReferenceFakes.industries(),
            ReferenceFakes.chains(),
            ReferenceFakes.organizations());

    private static AchievementDraft full(List<String> patents, List<String> modes, String trl) {
        return new AchievementDraft(
                "基于深度学习的轴承故障诊断方法",
                "提出一种融合振动信号时频特征的轴承故障诊断方法，诊断准确率达 98%。",
                List.of("故障诊断", "深度学习"),
                "智能制造",
                "e05",
                "39",
                "IC-UP-EDA",
                trl,
                patents,
                modes,
                "１００",
                "500",
                7L,
                List.of(new Inventor("李明", 15L), new Inventor(" 張華 ", null)),
                "330100",
                null,
                null);
    }

    private static List<Violation> violations(Throwable refusal) {
        return ((AchievementRejected) refusal).violations();
    }

    @Test
    void acceptsAnImportedRecordWithOnlyTitleDescriptionAndKeywords() {
        AchievementContent content =
                rules.validate(AchievementDraft.of("一种新型锂电池隔膜", "隔膜孔隙率提高 20%。", List.of("锂电池", "隔膜", "锂电池")));

        assertThat(content.keywords()).containsExactly("锂电池", "隔膜");
        assertThat(content.trl()).isNull();
        assertThat(content.patents()).isEmpty();
    }

    @Test
    void requiresTitleAndDescription() {
        assertThatThrownBy(() -> rules.validate(AchievementDraft.of(null, " ", null)))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field)
                        .containsExactly("title", "description"));
    }

    @Test
    void normalizesPatentsCodesAndPricesAndKeepsNamesAsTyped() {
        AchievementContent content =
                rules.validate(full(List.of("ZL 2019 1 0123456.X", "ＣＮ１１４１２３４５６Ａ"), List.of("许可", "TRANSFER"), "TRL6"));

        assertThat(content.patents())
                .extracting(PatentNumber::canonical)
                .containsExactly("ZL201910123456.X", "CN114123456A");
        assertThat(content.transferModes())
                .containsExactlyInAnyOrder(CooperationMode.LICENSE, CooperationMode.TRANSFER);
        assertThat(content.trl()).isEqualTo(MaturityLevel.TRL_6);
        assertThat(content.disciplineCode()).isEqualTo("E05");
        assertThat(content.priceMin()).isEqualByComparingTo("100");
        assertThat(content.inventors()).containsExactly(new Inventor("李明", 15L), new Inventor("張華", null));
    }

    @Test
    void refusesAPatentNumberWithAWrongCheckDigitNamingTheRightOne() {
        assertThatThrownBy(() -> rules.validate(full(List.of("CN202310123456.7"), List.of(), null)))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("patents");
                            assertThat(v.key()).isEqualTo("achievement.patent.check-digit");
                            assertThat(v.args()).containsExactly("CN202310123456.7", "6");
                        }));
    }

    @Test
    void refusesModesThatOnlyDemandsHaveAndLevelsOutsideOneToNine() {
        assertThatThrownBy(() -> rules.validate(full(List.of("US123"), List.of("揭榜挂帅", "赠送"), "10")))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field, Violation::key)
                        .containsExactly(
                                tuple("trl", "achievement.trl.invalid"),
                                tuple("patents", "achievement.patent.invalid"),
                                tuple("transferModes", "achievement.mode.not-offered"),
                                tuple("transferModes", "achievement.mode.unknown")));
    }

    @Test
    void refusesMarkupInKeywordsAndOverlongAbstracts() {
        AchievementDraft hostile =
                AchievementDraft.of("成果", "摘".repeat(10 * 1024 * 1024), List.of("<img src=x onerror=alert(1)>"));

        assertThatThrownBy(() -> rules.validate(hostile))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field, Violation::key)
                        .containsExactly(tuple("description", "text.too-long"), tuple("keywords", "text.markup")));
    }

    @Test
    void splitsKeywordCellsOnEveryCommonSeparator() {
        assertThat(AchievementRules.items("锂电池；隔膜,涂层、 陶瓷\n固态")).containsExactly("锂电池", "隔膜", "涂层", "陶瓷", "固态");
    }
}
