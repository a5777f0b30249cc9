package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.shared.PublicationStatus;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AchievementSeedsIT {

    @Autowired
    AchievementSeeds seeds;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    long zju;
    String prefix;

    @BeforeEach
    void setUp() {
        zju = stations.findByCode("zju").orElseThrow().id();
        prefix = "seed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void storesEachSeedInItsLifecycleStatusOnceWithItsPatents() {
        List<AchievementSeeds.Seed> batch = List.of(
                seed("draft", "柔性压力传感器", PublicationStatus.DRAFT, null),
                seed("published", "高精度光栅尺", PublicationStatus.PUBLISHED, null),
                seed("returned", "低功耗边缘推理芯片", PublicationStatus.RETURNED, "请补充成熟度依据"),
                seed("archived", "秸秆基复合板材", PublicationStatus.ARCHIVED, null));

        assertThat(seeds.seed(zju, "demo", batch)).isEqualTo(4);
        assertThat(seeds.seed(zju, "demo", batch)).isZero();

        assertThat(jdbc.sql("select status from achievement where source_id like ? order by source_id")
                        .param(prefix + "%")
                        .query(String.class)
                        .list())
                .containsExactly("ARCHIVED", "DRAFT", "PUBLISHED", "RETURNED");
        assertThat(jdbc.sql("select patents[1] from achievement where source_id = ?")
                        .param(prefix + "published")
                        .query(String.class)
                        .single())
                .isEqualTo("ZL201910123456.X");
        assertThat(jdbc.sql("""
                        select count(*) from record_history h join achievement a on a.id = h.record_id
                        where h.record_type = 'achievement' and h.action = 'seeded' and a.source_id like ?""").param(prefix + "%").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void refusesAWrongCheckDigitAndASubmittedStatus() {
        AchievementDraft wrongPatent = new AchievementDraft(
                "错误校验位",
                "摘要",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of("ZL201910123456.1"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> seeds.seed(
                        zju,
                        "demo",
                        List.of(new AchievementSeeds.Seed(
                                prefix + "patent", wrongPatent, PublicationStatus.PUBLISHED, null, Instant.now()))))
                .isInstanceOf(AchievementRejected.class);
        assertThatThrownBy(() ->
                        seeds.seed(zju, "demo", List.of(seed("waiting", "待审成果", PublicationStatus.SUBMITTED, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private AchievementSeeds.Seed seed(String name, String title, PublicationStatus status, String reason) {
        AchievementDraft draft = new AchievementDraft(
                title,
                title + "的研制与应用，关键指标经第三方检测。",
                List.of(title),
                null,
                "E05",
                null,
                null,
                "6",
                List.of("ZL 2019 1 0123456.X"),
                List.of("LICENSE"),
                null,
                null,
                null,
                List.of(new Inventor("王伟", null)),
                "330100",
                null,
                null);
        return new AchievementSeeds.Seed(
                prefix + name, draft, status, reason, Instant.now().minus(3, ChronoUnit.DAYS));
    }
}
