package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.organization.Stations;
import org.kechuang.shared.PublicationStatus;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ExpertSeedsIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    ExpertSeeds seeds;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    long cmes;
    long stationAdmin;
    String prefix;
    Instant weekAgo;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
        stationAdmin = accounts.findByUsername("station-admin").orElseThrow().id();
        prefix = "seed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        weekAgo = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void storesEachSeedInItsLifecycleStatusUnclaimedWithOneHistoryEntry() {
        List<ExpertSeeds.Seed> batch = List.of(
                seed("draft", "张建国", PublicationStatus.DRAFT, null, null),
                seed("published", "李红梅", PublicationStatus.PUBLISHED, null, null),
                seed("returned", "王志强", PublicationStatus.RETURNED, "研究方向描述过于笼统，请补充具体专长。", null),
                seed("archived", "赵丽华", PublicationStatus.ARCHIVED, null, null));

        assertThat(seeds.seed(cmes, "demo", batch)).isEqualTo(4);

        assertThat(jdbc.sql("select status from expert where source_id like ? order by source_id")
                        .param(prefix + "%")
                        .query(String.class)
                        .list())
                .containsExactly("ARCHIVED", "DRAFT", "PUBLISHED", "RETURNED");
        assertThat(jdbc.sql("select return_reason from expert where source_id = ?")
                        .param(prefix + "returned")
                        .query(String.class)
                        .single())
                .isEqualTo("研究方向描述过于笼统，请补充具体专长。");
        assertThat(jdbc.sql("""
                        select count(*) from expert where source_id like ? and account_id is null
                          and created_by is null and consent_scope is null and station_id = ?
                          and source_system = 'demo' and created_at = ? and updated_at = created_at""")
                        .param(prefix + "%")
                        .param(cmes)
                        .param(java.sql.Timestamp.from(weekAgo))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select discipline_codes[1] || '/' || email_key from expert where source_id = ?")
                        .param(prefix + "published")
                        .query(String.class)
                        .single())
                .isEqualTo("E05/" + prefix + "published@example.org");
        assertThat(jdbc.sql("""
                        select count(*) from record_history h join expert e on e.id = h.record_id
                        where h.record_type = 'expert' and h.action = 'seeded' and e.source_id like ?""").param(prefix + "%").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void seedingTheSameSourceIdsAgainChangesNothing() {
        List<ExpertSeeds.Seed> batch = List.of(seed("once", "孙立新", PublicationStatus.PUBLISHED, null, null));

        assertThat(seeds.seed(cmes, "demo", batch)).isEqualTo(1);
        assertThat(seeds.seed(cmes, "demo", batch)).isZero();
        assertThat(jdbc.sql("select count(*) from expert where source_id = ?")
                        .param(prefix + "once")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aWrittenConsentToTheContactLetsTechnologyManagersReachThePublishedExpert() {
        seeds.seed(
                cmes,
                "demo",
                List.of(
                        seed(
                                "contact",
                                "周海涛",
                                PublicationStatus.PUBLISHED,
                                null,
                                new ExpertSeeds.WrittenConsent(true, stationAdmin, weekAgo)),
                        seed(
                                "profile",
                                "吴晓燕",
                                PublicationStatus.PUBLISHED,
                                null,
                                new ExpertSeeds.WrittenConsent(false, stationAdmin, weekAgo))));
        long contact = id("contact");
        long profile = id("profile");

        assertThat(jdbc.sql("select consent_scope || '/' || consent_basis || '/' || consent_recorded_by from expert"
                                + " where id = ?")
                        .param(contact)
                        .query(String.class)
                        .single())
                .isEqualTo("CONTACT/WRITTEN/" + stationAdmin);
        assertThat(jdbc.sql("select changes::text from record_history where record_type = 'expert' and record_id = ?")
                        .param(contact)
                        .query(String.class)
                        .single())
                .contains("CONTACT (WRITTEN #" + stationAdmin + ")");

        WebUser manager = new WebUser(port).withToken("manager", PASSWORD);
        JsonNode reachable = WebUser.read(manager.get("/api/v1/experts/" + contact));
        assertThat(reachable.get("contact").get("email").asString()).isEqualTo(prefix + "contact@example.org");
        assertThat(WebUser.read(manager.get("/api/v1/experts/" + profile)).has("contact"))
                .isFalse();
        JsonNode seenByVisitor = WebUser.read(new WebUser(port).get("/api/v1/experts/" + contact));
        assertThat(seenByVisitor.has("contact")).isFalse();
        assertThat(seenByVisitor.get("contactShared").asBoolean()).isTrue();
    }

    @Test
    void aSeedTheContentScreenHoldsWaitsForAnOperatorWhateverItAskedFor() {
        ExpertDraft draft = draft("郑国栋", "spam");
        ExpertDraft spam = new ExpertDraft(
                draft.name(),
                draft.affiliation(),
                draft.title(),
                draft.disciplineCodes(),
                draft.researchFields(),
                draft.keywords(),
                draft.regionCode(),
                draft.societyIds(),
                draft.youngTalent(),
                draft.overseas(),
                draft.availability(),
                "加微信领取博彩彩金",
                draft.phone(),
                draft.email(),
                null,
                null);

        seeds.seed(
                cmes,
                "demo",
                List.of(new ExpertSeeds.Seed(prefix + "spam", spam, PublicationStatus.PUBLISHED, null, weekAgo, null)));

        assertThat(jdbc.sql("select status || '/' || held from expert where source_id = ?")
                        .param(prefix + "spam")
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED/true");
    }

    @Test
    void refusesBrokenDraftsStatusesOnlyTheScreenDecidesAndConsentsFromOutsideTheStation() {
        ExpertDraft badDiscipline = new ExpertDraft(
                "钱卫东",
                "杭州理工大学",
                "教授",
                List.of("E5"),
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
        long manager = accounts.findByUsername("manager").orElseThrow().id();

        assertThatThrownBy(() -> seeds.seed(
                        cmes,
                        "demo",
                        List.of(new ExpertSeeds.Seed(
                                prefix + "code", badDiscipline, PublicationStatus.PUBLISHED, null, weekAgo, null))))
                .isInstanceOf(ExpertRejected.class);
        assertThatThrownBy(() -> seeds.seed(
                        cmes, "demo", List.of(seed("waiting", "冯建华", PublicationStatus.SUBMITTED, null, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seeds.seed(
                        cmes, "demo", List.of(seed("reasonless", "陈志刚", PublicationStatus.RETURNED, null, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seeds.seed(
                        cmes,
                        "demo",
                        List.of(seed(
                                "broker",
                                "褚晓明",
                                PublicationStatus.PUBLISHED,
                                null,
                                new ExpertSeeds.WrittenConsent(true, manager, weekAgo)))))
                .isInstanceOf(IllegalArgumentException.class);
        long zju = stations.findByCode("zju").orElseThrow().id();
        assertThatThrownBy(() -> seeds.seed(
                        zju,
                        "demo",
                        List.of(seed(
                                "elsewhere",
                                "卫国强",
                                PublicationStatus.PUBLISHED,
                                null,
                                new ExpertSeeds.WrittenConsent(true, stationAdmin, weekAgo)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from expert where source_id like ?")
                        .param(prefix + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ExpertSeeds.Seed seed(
            String name, String person, PublicationStatus status, String reason, ExpertSeeds.WrittenConsent consent) {
        return new ExpertSeeds.Seed(prefix + name, draft(person, name), status, reason, weekAgo, consent);
    }

    private ExpertDraft draft(String person, String name) {
        return new ExpertDraft(
                person,
                "宁波理工大学",
                "教授",
                List.of("E05"),
                List.of("精密加工", "数控机床"),
                List.of("五轴联动", "误差补偿"),
                "330200",
                null,
                false,
                false,
                "AVAILABLE",
                person + "，宁波理工大学教授，主要从事数控机床精度保持性研究。",
                null,
                prefix + name + "@example.org",
                null,
                null);
    }

    private long id(String name) {
        return jdbc.sql("select id from expert where source_id = ?")
                .param(prefix + name)
                .query(Long.class)
                .single();
    }
}
