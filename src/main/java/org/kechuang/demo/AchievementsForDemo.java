package org.kechuang.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.kechuang.achievement.AchievementDraft;
import org.kechuang.achievement.AchievementSeeds;
import org.kechuang.achievement.Inventor;
import org.kechuang.shared.CooperationMode;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The generated achievements as drafts of the achievement library, seeded through its bulk path. */
@Component
@Profile("demo")
class AchievementsForDemo implements DemoLibrary {

    private final AchievementSeeds achievements;

    AchievementsForDemo(AchievementSeeds achievements) {
        this.achievements = achievements;
    }

    @Override
    public String kind() {
        return ACHIEVEMENT;
    }

    @Override
    public int seed(DemoGenerator generator, DemoProperties counts, Map<String, Long> stationIds, Instant now) {
        return DemoLibrary.storeInParallel(
                DemoLibrary.chunksByStation(
                        generator.achievements(counts.achievements()), GeneratedAchievement::stationCode, stationIds),
                (stationId, chunk) -> achievements.seed(
                        stationId,
                        SOURCE_SYSTEM,
                        chunk.stream()
                                .map(achievement -> new AchievementSeeds.Seed(
                                        achievement.sourceId(),
                                        draft(achievement, stationId),
                                        achievement.status(),
                                        achievement.returnReason(),
                                        DemoLibrary.createdAt(now, achievement.ageHours())))
                                .toList()));
    }

    static AchievementDraft draft(GeneratedAchievement achievement, Long stationId) {
        return new AchievementDraft(
                achievement.title(),
                achievement.description(),
                achievement.keywords(),
                achievement.technologyField(),
                achievement.disciplineCode(),
                achievement.industryCode(),
                achievement.chainNodeCode(),
                Integer.toString(achievement.trl()),
                achievement.patents(),
                achievement.transferModes().stream().map(CooperationMode::name).toList(),
                plain(achievement.priceMin()),
                plain(achievement.priceMax()),
                null,
                achievement.inventors().stream()
                        .map(name -> new Inventor(name, null))
                        .toList(),
                achievement.regionCode(),
                stationId,
                null);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
