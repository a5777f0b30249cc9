package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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
class DemandSeedsIT {

    @Autowired
    DemandSeeds seeds;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    long ningbo;
    String prefix;
    Instant weekAgo;

    @BeforeEach
    void setUp() {
        ningbo = stations.findByCode("ningbo").orElseThrow().id();
        prefix = "seed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        weekAgo = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void storesEachSeedInItsLifecycleStatusWithOneHistoryEntry() {
        int inserted = seeds.seed(
                ningbo,
                "demo",
                List.of(
                        seed("draft", open("注塑件翘曲控制"), PublicationStatus.DRAFT, null),
                        seed("published", open("模具热处理变形控制"), PublicationStatus.PUBLISHED, null),
                        seed("returned", open("伺服压机控制优化"), PublicationStatus.RETURNED, "请补充技术指标"),
                        seed("archived", expired("冲压线节拍提升"), PublicationStatus.ARCHIVED, null)));

        assertThat(inserted).isEqualTo(4);
        assertThat(status("draft")).isEqualTo("DRAFT");
        assertThat(status("published")).isEqualTo("PUBLISHED");
        assertThat(status("returned")).isEqualTo("RETURNED");
        assertThat(jdbc.sql("select return_reason from demand where source_id = ?")
                        .param(prefix + "returned")
                        .query(String.class)
                        .single())
                .isEqualTo("请补充技术指标");
        assertThat(status("archived")).isEqualTo("ARCHIVED");
        assertThat(jdbc.sql("select created_at = updated_at and created_at = ? from demand where source_id = ?")
                        .param(java.sql.Timestamp.from(weekAgo))
                        .param(prefix + "published")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from record_history h join demand d on d.id = h.record_id
                        where h.record_type = 'demand' and h.action = 'seeded' and d.source_id like ?""").param(prefix + "%").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void seedingTheSameSourceIdsAgainChangesNothing() {
        List<DemandSeeds.Seed> batch = List.of(seed("once", open("铸件气孔检测"), PublicationStatus.PUBLISHED, null));

        assertThat(seeds.seed(ningbo, "demo", batch)).isEqualTo(1);
        assertThat(seeds.seed(ningbo, "demo", batch)).isZero();
        assertThat(jdbc.sql("select count(*) from demand where source_id = ?")
                        .param(prefix + "once")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSeedTheContentScreenHoldsWaitsForAnOperatorWhateverItAskedFor() {
        seeds.seed(ningbo, "demo", List.of(seed("spam", open("加微信领取博彩彩金"), PublicationStatus.PUBLISHED, null)));

        assertThat(status("spam")).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select held from demand where source_id = ?")
                        .param(prefix + "spam")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void refusesBrokenDraftsPastDeadlinesOfOpenDemandsAndStatusesOnlyTheScreenDecides() {
        assertThatThrownBy(() -> seeds.seed(
                        ningbo, "demo", List.of(seed("untitled", open(""), PublicationStatus.PUBLISHED, null))))
                .isInstanceOf(DemandRejected.class);
        assertThatThrownBy(() -> seeds.seed(
                        ningbo, "demo", List.of(seed("late", expired("过期需求"), PublicationStatus.PUBLISHED, null))))
                .isInstanceOf(DemandRejected.class);
        assertThatThrownBy(() -> seeds.seed(
                        ningbo, "demo", List.of(seed("waiting", open("待审需求"), PublicationStatus.SUBMITTED, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seeds.seed(
                        ningbo, "demo", List.of(seed("reasonless", open("退回需求"), PublicationStatus.RETURNED, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from demand where source_id like ?")
                        .param(prefix + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private DemandSeeds.Seed seed(String name, DemandDraft draft, PublicationStatus status, String reason) {
        return new DemandSeeds.Seed(prefix + name, draft, status, reason, weekAgo);
    }

    private static DemandDraft open(String title) {
        return withDeadline(title, LocalDate.now().plusMonths(6));
    }

    private static DemandDraft expired(String title) {
        return withDeadline(title, LocalDate.now().minusMonths(2));
    }

    private static DemandDraft withDeadline(String title, LocalDate deadline) {
        DemandDraft draft = DemandDraft.of(title, "现有工艺难以满足客户要求，希望合作攻关。");
        return new DemandDraft(
                draft.title(),
                draft.background(),
                null,
                null,
                null,
                null,
                null,
                "330200",
                List.of("JOINT_DEVELOPMENT"),
                null,
                null,
                deadline.toString(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private String status(String name) {
        return jdbc.sql("select status from demand where source_id = ?")
                .param(prefix + name)
                .query(String.class)
                .single();
    }
}
