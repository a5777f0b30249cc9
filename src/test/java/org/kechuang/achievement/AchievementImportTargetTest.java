package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;

class AchievementImportTargetTest {

    private final AchievementImportTarget target = new AchievementImportTarget(
            new AchievementRules(
                    ReferenceFakes.regions(),
                    ReferenceFakes.industries(),
                    ReferenceFakes.chains(),
                    ReferenceFakes.organizations()),
            null);

    @Test
    void aJsonLinesRowOfTitleDescriptionAndKeywordsIsValid() {
        ImportRow row = new ImportRow(
                1,
                "csl-0001",
                Map.of("title", "基于图神经网络的交通流预测", "description", "提出一种时空图卷积模型。", "keywords", List.of("交通流", "图神经网络")));

        assertThat(target.validate(row)).isEmpty();
        assertThat(AchievementImportTarget.draft(row).keywords()).containsExactly("交通流", "图神经网络");
    }

    @Test
    void linksInventorsWrittenWithTheirExpertNumber() {
        ImportRow row = new ImportRow(
                2, "a-2", Map.of("title", "成果", "description", "摘要", "inventors", List.of("李明#15", "张华")));

        assertThat(AchievementImportTarget.draft(row).inventors())
                .containsExactly(new Inventor("李明", 15L), new Inventor("张华", null));
    }

    @Test
    void reportsEveryBadCellOfARowByField() {
        ImportRow row = new ImportRow(
                3,
                "a-3",
                Map.of(
                        "title", "成果",
                        "description", "摘要",
                        "patents", List.of("CN202310123456.7"),
                        "regionCode", "999999",
                        "trl", "12"));

        assertThat(target.validate(row))
                .extracting(ImportFieldError::field, ImportFieldError::key)
                .containsExactly(
                        tuple("trl", "achievement.trl.invalid"),
                        tuple("patents", "achievement.patent.check-digit"),
                        tuple("regionCode", "achievement.region.unknown"));
    }
}
