package org.kechuang.caselib;

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
import org.kechuang.talent.ExpertDraft;
import org.kechuang.talent.ExpertSeeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CaseSeedsIT {

    @Autowired
    CaseSeeds seeds;

    @Autowired
    ExpertSeeds experts;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    long sip;
    String prefix;
    Instant weekAgo;

    @BeforeEach
    void setUp() {
        sip = stations.findByCode("sip").orElseThrow().id();
        prefix = "seed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        weekAgo = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void storesEachSeedInItsLifecycleStatusWithItsFiguresAndOneHistoryEntry() {
        List<CaseSeeds.Seed> batch = List.of(
                seed("draft", draft("晶圆清洗良率提升", List.of()), PublicationStatus.DRAFT, null),
                seed("published", draft("封装翘曲控制", List.of()), PublicationStatus.PUBLISHED, null),
                seed("returned", draft("光刻胶涂布均匀性", List.of()), PublicationStatus.RETURNED, "请补充成效数据的测算依据。"),
                seed("archived", draft("探针卡寿命延长", List.of()), PublicationStatus.ARCHIVED, null));

        assertThat(seeds.seed(sip, "demo", batch)).isEqualTo(4);
        assertThat(seeds.seed(sip, "demo", batch)).isZero();

        assertThat(jdbc.sql("select status from application_case where source_id like ? order by source_id")
                        .param(prefix + "%")
                        .query(String.class)
                        .list())
                .containsExactly("ARCHIVED", "DRAFT", "PUBLISHED", "RETURNED");
        assertThat(jdbc.sql("""
                        select figures->0->>'value' || ' ' || (figures->0->>'unit') || ' ' || array_to_string(figure_kinds, ',')
                        from application_case where source_id = ?""").param(prefix + "published").query(String.class).single())
                .isEqualTo("320 万元 ECONOMIC,TECHNICAL");
        assertThat(jdbc.sql("select industry_section from application_case where source_id = ?")
                        .param(prefix + "published")
                        .query(String.class)
                        .single())
                .isEqualTo("C");
        assertThat(jdbc.sql("""
                        select count(*) from record_history h join application_case c on c.id = h.record_id
                        where h.record_type = 'case' and h.action = 'seeded' and c.source_id like ?""").param(prefix + "%").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void linksTheSeededExpertsItNamesAndRefusesUnknownOnes() {
        experts.seed(
                sip,
                "demo",
                List.of(new ExpertSeeds.Seed(
                        prefix + "expert",
                        ExpertDraft.of("林志远", "苏州微电子研究院"),
                        PublicationStatus.PUBLISHED,
                        null,
                        weekAgo,
                        null)));
        long expert = experts.idsBySource(sip, List.of(prefix + "expert", prefix + "nobody"))
                .get(prefix + "expert");
        assertThat(experts.idsBySource(sip, List.of(prefix + "nobody"))).isEmpty();

        seeds.seed(
                sip,
                "demo",
                List.of(seed("linked", draft("键合线断线分析", List.of(expert)), PublicationStatus.PUBLISHED, null)));

        assertThat(jdbc.sql("select expert_ids[1] from application_case where source_id = ?")
                        .param(prefix + "linked")
                        .query(Long.class)
                        .single())
                .isEqualTo(expert);
        assertThatThrownBy(() -> seeds.seed(
                        sip,
                        "demo",
                        List.of(seed(
                                "unknown",
                                draft("塑封料分层", List.of(Long.MAX_VALUE)),
                                PublicationStatus.PUBLISHED,
                                null))))
                .isInstanceOf(CaseRejected.class);
    }

    @Test
    void aSeedTheContentScreenHoldsWaitsForAnOperatorWhateverItAskedFor() {
        seeds.seed(
                sip, "demo", List.of(seed("spam", draft("加微信领取博彩彩金", List.of()), PublicationStatus.PUBLISHED, null)));

        assertThat(jdbc.sql("select status || '/' || held from application_case where source_id = ?")
                        .param(prefix + "spam")
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED/true");
    }

    @Test
    void refusesStatusesOnlyTheScreenDecidesAndReturnsWithoutAReason() {
        assertThatThrownBy(() -> seeds.seed(
                        sip,
                        "demo",
                        List.of(seed("waiting", draft("待审案例", List.of()), PublicationStatus.SUBMITTED, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seeds.seed(
                        sip,
                        "demo",
                        List.of(seed("reasonless", draft("退回案例", List.of()), PublicationStatus.RETURNED, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seeds.seed(
                        sip,
                        "demo",
                        List.of(seed("untitled", draft("", List.of()), PublicationStatus.PUBLISHED, null))))
                .isInstanceOf(CaseRejected.class);
        assertThat(jdbc.sql("select count(*) from application_case where source_id like ?")
                        .param(prefix + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private CaseSeeds.Seed seed(String name, CaseDraft draft, PublicationStatus status, String reason) {
        return new CaseSeeds.Seed(prefix + name, draft, status, reason, weekAgo);
    }

    private static CaseDraft draft(String title, List<Long> expertIds) {
        return new CaseDraft(
                title,
                "苏州某封装企业在" + title + "环节长期良率偏低，影响交付。",
                "双方联合攻关，优化工艺窗口并建立在线检测。",
                List.of(
                        new CaseDraft.PartyDraft("DEMAND_SIDE", null, "苏州芯联封装有限公司"),
                        new CaseDraft.PartyDraft("SUPPLY_SIDE", null, "苏州理工大学")),
                List.of(
                        new CaseDraft.FigureDraft("年节约成本", "320", "万元", "ECONOMIC"),
                        new CaseDraft.FigureDraft("良品率提升", "4.5", "个百分点", "TECHNICAL")),
                null,
                "39",
                null,
                "320500",
                null,
                null,
                expertIds,
                null,
                null);
    }
}
