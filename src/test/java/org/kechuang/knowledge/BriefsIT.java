package org.kechuang.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.kechuang.talent.ExpertDraft;
import org.kechuang.talent.Experts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A brief's figures are those of the records behind it: records of the agriculture chain in Tibet (which no other test
 * of the shared context writes), published, confidential, drafts and older ones, and the brief of the chain and of the
 * province counted against them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefsIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Organizations organizations;

    @Autowired
    Experts experts;

    @Autowired
    JdbcClient jdbc;

    private long rice;
    private long potato;
    private long organization;
    private long expert;

    @BeforeAll
    void records() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        organization = organizations
                .registerForPlatform(
                        new OrganizationDraft(
                                "高原农业简报机构" + marker, "ENTERPRISE", null, null, "540102", null, null, null, null, null),
                        cmes)
                .id();
        expert = experts.upsertFromImport(
                        new ExpertDraft(
                                "简报专家",
                                "西藏农牧科学院",
                                null,
                                List.of(),
                                List.of("作物育种"),
                                List.of(),
                                "540102",
                                List.of(),
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new Provenance(cmes, "brief-test", "brief-" + marker, 1L))
                .id();
        WebUser enterprise = new WebUser(port).withToken("enterprise", PASSWORD);
        rice = demand(enterprise, "耐盐碱水稻品种选育", "水稻耐盐碱性状筛选效率低，品种选育周期长", "AGRI-UP-SEED", false, true, organization);
        potato = demand(enterprise, "马铃薯晚疫病防控", "马铃薯晚疫病监测预警手段缺乏", "AGRI-MID-CROP", false, true, null);
        demand(enterprise, "青稞脱粒损失控制", "青稞脱粒损失率偏高", "AGRI-UP-MACH", true, true, organization);
        demand(enterprise, "牦牛奶保鲜", "牦牛奶保鲜期短", "AGRI-MID-CROP", false, false, organization);
        long older = demand(enterprise, "水稻育秧温室", "高原水稻育秧温度控制", "AGRI-UP-SEED", false, true, null);
        jdbc.sql("update demand set created_at = now() - interval '40 days' where id = ?")
                .param(older)
                .update();
        WebUser author = new WebUser(port).withToken("expert", PASSWORD);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("title", "耐盐碱水稻品种选育技术");
        achievement.put("description", "针对水稻耐盐碱性状筛选效率低的问题，建立了品种选育的分子标记方法，缩短选育周期。");
        achievement.put("chainNodeCode", "AGRI-UP-SEED");
        achievement.put("regionCode", "540102");
        achievement.put("organizationId", organization);
        achievement.put("inventors", List.of(Map.of("name", "简报专家", "expertId", expert)));
        achievement.put("stationId", cmes);
        long answer = created(author.post("/api/v1/achievements", achievement));
        ok(author.post("/api/v1/achievements/" + answer + "/submit", Map.of()));
        WebUser operator = new WebUser(port).withToken("operator", PASSWORD);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WebUser.read(operator.get("/api/v1/search?type=achievement&q=耐盐碱水稻品种选育技术"))
                                .get("total")
                                .asLong()
                        == 1);
    }

    private long demand(
            WebUser author,
            String title,
            String problems,
            String node,
            boolean confidential,
            boolean publish,
            Long organizationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "高原农业企业的需求。");
        body.put("technicalProblems", problems);
        body.put("chainNodeCode", node);
        body.put("regionCode", "540102");
        body.put("deadline", LocalDate.now().plusMonths(6).toString());
        body.put("confidential", confidential);
        body.put("stationId", stations.findByCode("cmes").orElseThrow().id());
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        long id = created(author.post("/api/v1/demands", body));
        if (publish) {
            ok(author.post("/api/v1/demands/" + id + "/submit", Map.of()));
        }
        return id;
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode brief(String path) {
        HttpResponse<String> response = new WebUser(port).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WebUser.read(response);
    }

    private static Map<String, long[]> topics(JsonNode brief) {
        Map<String, long[]> topics = new LinkedHashMap<>();
        brief.get("topics")
                .valueStream()
                .forEach(t -> topics.put(
                        t.get("term").asString(),
                        new long[] {t.get("demands").asLong(), t.get("previous").asLong()}));
        return topics;
    }

    @Test
    void theChainBriefCountsThePublicRecordsOfThePeriod() {
        JsonNode brief = brief("/api/v1/briefs/chain/AGRI?period=30");

        assertThat(brief.get("demands").asLong())
                .as("published, not confidential, of the period")
                .isEqualTo(2);
        assertThat(brief.get("achievements").asLong()).isEqualTo(1);
        assertThat(brief.get("gapsChecked").asInt()).isEqualTo(2);
        assertThat(brief.get("gaps").valueStream().map(g -> g.get("id").asLong()))
                .as("the potato demand has no achievement, the rice demand has one")
                .containsExactly(potato);
        assertThat(brief.get("gaps").get(0).get("link").asString()).isEqualTo("/demands/" + potato);

        Map<String, long[]> topics = topics(brief);
        assertThat(topics.get("水稻")).containsExactly(1, 1);
        assertThat(topics.get("马铃薯")).containsExactly(1, 0);
        assertThat(topics).doesNotContainKeys("青稞", "牦牛", "技术", "需求");
        assertThat(topics.keySet()).allMatch(term -> term.codePointCount(0, term.length()) > 1);

        Map<String, long[]> nodes = new LinkedHashMap<>();
        brief.get("breakdown")
                .valueStream()
                .forEach(s -> nodes.put(s.get("code").asString(), new long[] {
                    s.get("demands").asLong(), s.get("achievements").asLong()
                }));
        assertThat(nodes.get("AGRI-UP-SEED")).containsExactly(1, 1);
        assertThat(nodes.get("AGRI-MID-CROP")).containsExactly(1, 0);
        assertThat(nodes.get("AGRI-UP-MACH")).containsExactly(0, 0);
        assertThat(nodes.values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(2);

        assertThat(brief.get("organizations")
                        .valueStream()
                        .map(a -> a.get("id").asLong() + ":" + a.get("records").asLong()))
                .as("the rice demand and the achievement; not the confidential demand nor the draft")
                .containsExactly(organization + ":2");
        assertThat(brief.get("experts")
                        .valueStream()
                        .map(a -> a.get("id").asLong() + ":" + a.get("records").asLong()))
                .containsExactly(expert + ":1");
    }

    @Test
    void theProvinceBriefCountsTheSameRecordsAndTheLongerPeriodTheOlderOnesToo() {
        JsonNode province = brief("/api/v1/briefs/region/540000?period=30");
        assertThat(province.get("demands").asLong()).isEqualTo(2);
        assertThat(province.get("breakdown")
                        .valueStream()
                        .filter(s -> s.get("code").asString().equals("AGRI"))
                        .map(s -> s.get("demands").asLong() + "/"
                                + s.get("achievements").asLong()))
                .containsExactly("2/1");

        JsonNode year = brief("/api/v1/briefs/chain/AGRI?period=365");
        assertThat(year.get("demands").asLong()).isEqualTo(3);
        assertThat(topics(year).get("水稻")).containsExactly(2, 0);
    }

    @Test
    void thePageShowsTheBriefAndTheCsvHoldsItsTables() {
        Document page = WebUser.html(new WebUser(port).get("/briefs?chain=AGRI&period=30"));
        assertThat(page.select("#brief-summary").text()).isEqualTo("近 30 天发布的公开需求 2 项，科技成果 1 项");
        assertThat(page.select("#brief-gaps li").text()).isEqualTo("马铃薯晚疫病防控");
        assertThat(page.select("#brief-topics-chart").attr("data-brief-url"))
                .isEqualTo("/api/v1/briefs/chain/AGRI?period=30");

        HttpResponse<byte[]> csv =
                new WebUser(port).getBytes(page.select("#brief-csv").attr("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("需求,2,成果,1")
                .contains(potato + ",马铃薯晚疫病防控,/demands/" + potato)
                .doesNotContain(rice + ",耐盐碱水稻品种选育")
                .contains("AGRI-UP-SEED,");
    }

    @Test
    void anUnknownChainOrAPeriodNotOfferedIsRefused() {
        assertThat(new WebUser(port).get("/api/v1/briefs/chain/NOPE").statusCode())
                .isEqualTo(404);
        assertThat(new WebUser(port).get("/api/v1/briefs/region/540100").statusCode())
                .isEqualTo(404);
        assertThat(new WebUser(port).get("/api/v1/briefs/chain/AGRI?period=7").statusCode())
                .isEqualTo(400);
    }
}
