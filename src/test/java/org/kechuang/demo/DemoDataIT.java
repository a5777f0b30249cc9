package org.kechuang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.caselib.CaseDraft;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.identity.StationAdministration;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;
import org.kechuang.support.IntegrationTest;
import org.kechuang.talent.ExpertDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profile as a newcomer starts it: stations, accounts and generated records in the database and on the portal.
 * The counts are lowered to keep the context quick (the default counts are checked by the generator's tests, and
 * every default record against the libraries' rules here).
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "kechuang.demo.demands=180",
            "kechuang.demo.achievements=260",
            "kechuang.demo.experts=40",
            "kechuang.demo.cases=10"
        })
class DemoDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> STATION_CODES =
            List.of("cmes", "ccs", "caass", "gdast", "zjast", "ningbo", "foshan", "zju", "sip");

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    DemoSeeding seeding;

    @Autowired
    Stations stations;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration stationAdministration;

    @Autowired
    List<ImportTarget> importTargets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsStationsOfEveryKindTheProgrammeHasAndOneAccountPerRole() {
        assertThat(STATION_CODES)
                .allSatisfy(code -> assertThat(stations.findByCode(code)).isPresent());
        assertThat(STATION_CODES.stream()
                        .map(code -> organizations
                                .find(stations.findByCode(code).orElseThrow().organizationId())
                                .orElseThrow()
                                .type()
                                .name())
                        .distinct())
                .containsExactlyInAnyOrder("NATIONAL_SOCIETY", "LOCAL_CAST", "UNIVERSITY", "PARK");

        assertThat(accounts.findByUsername("operator").orElseThrow().roles()).contains(Role.OPERATOR);
        assertThat(accounts.findByUsername("manager").orElseThrow().roles()).contains(Role.MANAGER);
        assertThat(accounts.findByUsername("enterprise").orElseThrow().roles()).contains(Role.ENTERPRISE);
        assertThat(accounts.findByUsername("expert").orElseThrow().roles()).contains(Role.EXPERT);
        assertThat(accounts.findByUsername("reviewer").orElseThrow().roles()).contains(Role.REVIEWER);
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        assertThat(stationAdministration.adminsOf(cmes))
                .extracting(StationAdministration.StationAdmin::username)
                .contains("station-admin");
    }

    @Test
    void seedsTheConfiguredCountsOfDemandsAndAchievementsWithTheirLifecycle() {
        assertThat(count("select count(*) from demand where source_system = 'demo'"))
                .isEqualTo(180);
        assertThat(count("select count(*) from achievement where source_system = 'demo'"))
                .isEqualTo(260);
        Map<String, Long> statuses = new HashMap<>();
        jdbc.sql("select status, count(*) as n from demand where source_system = 'demo' group by status")
                .query((row, n) -> statuses.put(row.getString("status"), row.getLong("n")))
                .list();
        assertThat(statuses).containsKeys("PUBLISHED", "DRAFT", "ARCHIVED");
        assertThat(statuses.get("PUBLISHED")).isGreaterThan(180 * 3 / 4);
        assertThat(statuses).doesNotContainKey("SUBMITTED");
        assertThat(count("select count(distinct station_id) from demand where source_system = 'demo'"))
                .isEqualTo(9);
        assertThat(count("select count(distinct station_id) from achievement where source_system = 'demo'"))
                .isEqualTo(9);
        assertThat(count("select count(distinct left(region_code, 2)) from achievement where source_system = 'demo'"))
                .isGreaterThanOrEqualTo(20);
        assertThat(count("select count(*) from record_history where action = 'seeded'"))
                .isEqualTo(180 + 260 + 40 + 10);
        // nothing generated is held by the content screen
        assertThat(count("select count(*) from moderation_item")).isZero();
        assertThat(count("select count(*) from demo_seed")).isEqualTo(4);
    }

    @Test
    void seedsTheConfiguredCountOfUnclaimedExpertsSomeWithAWrittenConsent() {
        assertThat(count("select count(*) from expert where source_system = 'demo'"))
                .isEqualTo(40);
        assertThat(count("select count(*) from expert where source_system = 'demo' and status = 'PUBLISHED'"))
                .isGreaterThan(40 * 3 / 4);
        assertThat(count("select count(*) from expert where source_system = 'demo' and status = 'SUBMITTED'"))
                .isZero();
        assertThat(count("select count(*) from expert where source_system = 'demo'"
                        + " and (account_id is not null or created_by is not null)"))
                .isZero();
        assertThat(count("select count(distinct station_id) from expert where source_system = 'demo'"))
                .isGreaterThanOrEqualTo(7);
        assertThat(count("select count(*) from expert where source_system = 'demo' and cardinality(society_ids) > 0"))
                .isPositive();
        assertThat(count("""
                        select count(*) from record_history h join expert e on e.id = h.record_id
                        where h.record_type = 'expert' and h.action = 'seeded' and e.source_system = 'demo'""")).isEqualTo(40);
        assertThat(count("select count(*) from expert where source_system = 'demo' and consent_scope = 'CONTACT'"))
                .isPositive();
        assertThat(count("select count(*) from expert where source_system = 'demo' and consent_scope = 'PROFILE'"))
                .isPositive();
        assertThat(count("select count(*) from expert where source_system = 'demo' and consent_scope is null"))
                .isPositive();
        long operator = accounts.findByUsername("operator").orElseThrow().id();
        long stationAdmin =
                accounts.findByUsername("station-admin").orElseThrow().id();
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        // a written consent is recorded by the station's admin, by the operator where the demo appoints none
        assertThat(jdbc.sql("""
                        select count(*) from expert where source_system = 'demo' and consent_scope is not null
                          and (consent_basis <> 'WRITTEN'
                            or consent_recorded_by <> case when station_id = :cmes then :admin else :operator end)""")
                        .param("cmes", cmes)
                        .param("admin", stationAdmin)
                        .param("operator", operator)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSecondRunChangesNothingAndGeneratesNothing() throws Exception {
        String before = snapshot();

        demo.run(new DefaultApplicationArguments());
        List<DemoSeeding.Outcome> outcomes = seeding.seed();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(outcomes)
                .extracting(DemoSeeding.Outcome::kind)
                .containsExactly("demand", "achievement", "expert", "case");
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.inserted()).isZero();
            assertThat(o.note()).isEqualTo("seeded before");
        });
    }

    @Test
    void thePortalListsTheSeededRecordsWithTheirFilters() throws Exception {
        // confidential demands are for technology managers only
        long publishedDemands = count("select count(*) from demand where source_system = 'demo'"
                + " and status = 'PUBLISHED' and not confidential");
        Document demands = page("/demands");
        assertThat(demands.getElementById("demand-total").text()).isEqualTo("共 " + publishedDemands + " 项需求");
        assertThat(demands.select("#demands tbody tr")).hasSizeGreaterThanOrEqualTo(10);

        long publishedAchievements =
                count("select count(*) from achievement where source_system = 'demo' and status = 'PUBLISHED'");
        Document achievements = page("/achievements");
        assertThat(achievements.getElementById("achievement-total").text())
                .isEqualTo("共 " + publishedAchievements + " 项成果");

        long agriculture =
                count("select count(*) from achievement where status = 'PUBLISHED' and chain_node_code like 'AGRI-%'");
        assertThat(agriculture).isPositive();
        assertThat(page("/achievements?chain=AGRI")
                        .getElementById("achievement-total")
                        .text())
                .isEqualTo("共 " + agriculture + " 项成果");

        String detail = demands.select("#demands tbody tr a").first().attr("href");
        Document shown = page(detail);
        assertThat(shown.getElementById("demand-title").text()).isNotBlank();
        assertThat(shown.getElementById("demand-background").text()).contains("。");
    }

    @Test
    void seedsTheConfiguredCountOfCasesLinkedToSeededRecordsOfTheirChain() {
        assertThat(count("select count(*) from application_case where source_system = 'demo'"))
                .isEqualTo(10);
        assertThat(count("select count(*) from application_case where source_system = 'demo' and status = 'SUBMITTED'"))
                .isZero();
        assertThat(count("""
                        select count(*) from record_history h join application_case c on c.id = h.record_id
                        where h.record_type = 'case' and h.action = 'seeded' and c.source_system = 'demo'""")).isEqualTo(10);
        assertThat(count("select count(*) from application_case where demand_id is not null"))
                .isPositive();
        assertThat(count("select count(*) from application_case where achievement_id is not null"))
                .isPositive();
        assertThat(count("select count(*) from application_case where cardinality(expert_ids) > 0"))
                .isPositive();
        // each link is a seeded record of the case's chain node (demand, experts) or chain (achievement)
        assertThat(count("""
                        select count(*) from application_case c left join demand d on d.id = c.demand_id
                        where c.demand_id is not null
                          and (d.id is null or d.source_system <> 'demo' or d.chain_node_code <> c.chain_node_code)""")).isZero();
        assertThat(count("""
                        select count(*) from application_case c left join achievement a on a.id = c.achievement_id
                        where c.achievement_id is not null and (a.id is null or a.source_system <> 'demo'
                          or split_part(a.chain_node_code, '-', 1) <> split_part(c.chain_node_code, '-', 1))""")).isZero();
        assertThat(count("""
                        select count(*) from application_case c cross join unnest(c.expert_ids) as linked(id)
                        left join expert e on e.id = linked.id
                        where e.id is null or e.source_system <> 'demo'""")).isZero();
        // a broker that is a demo station is linked to its organization
        assertThat(count("""
                        select count(*) from application_case c cross join jsonb_array_elements(c.parties) p
                        where p->>'role' = 'BROKER' and p->>'organizationId' is not null""")).isPositive();
    }

    @Test
    void thePortalListsTheSeededCasesWithTheirLinks() throws Exception {
        long publishedCases =
                count("select count(*) from application_case where source_system = 'demo' and status = 'PUBLISHED'");
        Document listed = page("/cases");
        assertThat(listed.getElementById("case-total").text()).isEqualTo("共 " + publishedCases + " 个案例");

        long linked = jdbc.sql("""
                        select c.id from application_case c join demand d on d.id = c.demand_id
                        where c.status = 'PUBLISHED' and d.status = 'PUBLISHED' order by c.id limit 1""").query(Long.class).single();
        Document shown = page("/cases/" + linked);
        assertThat(shown.getElementById("case-problem").text()).contains("。");
        assertThat(shown.select("#case-figures tbody tr")).isNotEmpty();
        assertThat(shown.getElementById("case-demand").attr("href")).startsWith("/demands/");
    }

    @Test
    void thePortalListsTheSeededExpertsAndShowsAConsentedContactToTechnologyManagersOnly() throws Exception {
        long publishedExperts =
                count("select count(*) from expert where source_system = 'demo' and status = 'PUBLISHED'");
        Document experts = page("/experts");
        assertThat(experts.getElementById("expert-total").text()).isEqualTo("共 " + publishedExperts + " 位专家");
        assertThat(experts.select("#experts tbody tr")).hasSizeGreaterThanOrEqualTo(10);

        long consented = jdbc.sql("select id from expert where source_system = 'demo' and status = 'PUBLISHED'"
                        + " and consent_scope = 'CONTACT' order by id limit 1")
                .query(Long.class)
                .single();
        long withheld = jdbc.sql("select id from expert where source_system = 'demo' and status = 'PUBLISHED'"
                        + " and consent_scope is distinct from 'CONTACT' order by id limit 1")
                .query(Long.class)
                .single();
        Document seenByVisitor = page("/experts/" + consented);
        assertThat(seenByVisitor.getElementById("expert-name").text()).hasSizeBetween(2, 4);
        assertThat(seenByVisitor.getElementById("expert-introduction").text()).contains("。");
        assertThat(seenByVisitor.getElementById("expert-email")).isNull();
        assertThat(seenByVisitor.getElementById("contact-gated")).isNotNull();

        String manager = token("manager");
        assertThat(api("/api/v1/experts/" + consented, manager)
                        .get("contact")
                        .get("email")
                        .asString())
                .endsWith("@example.org");
        assertThat(api("/api/v1/experts/" + withheld, manager).has("contact")).isFalse();
    }

    /** Every record of the default demo passes the libraries' own row checks, as an import file would. */
    @Test
    void everyDefaultRecordPassesTheLibrariesRules() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, today);
        ImportTarget demandTarget = target("demand");
        ImportTarget achievementTarget = target("achievement");
        List<String> refused = new ArrayList<>();

        int row = 1;
        for (GeneratedDemand demand : generator.demands(2000)) {
            List<ImportFieldError> errors = new ArrayList<>(demandTarget.validate(demandRow(++row, demand)));
            if (demand.status() == PublicationStatus.ARCHIVED) {
                // an expired demand: only an import (which submits) refuses its past deadline
                errors.removeIf(error -> error.key().equals("demand.deadline.past"));
            }
            if (!errors.isEmpty()) {
                refused.add(demand.sourceId() + " " + errors);
            }
        }
        for (GeneratedAchievement achievement : generator.achievements(5000)) {
            List<ImportFieldError> errors = achievementTarget.validate(achievementRow(++row, achievement));
            if (!errors.isEmpty()) {
                refused.add(achievement.sourceId() + " " + errors);
            }
        }
        ImportTarget expertTarget = target("expert");
        Map<String, Long> societies = new HashMap<>();
        STATION_CODES.forEach(code ->
                societies.put(code, stations.findByCode(code).orElseThrow().organizationId()));
        for (GeneratedExpert expert : generator.experts(5000)) {
            List<ImportFieldError> errors = expertTarget.validate(expertRow(++row, expert, societies));
            if (!errors.isEmpty()) {
                refused.add(expert.sourceId() + " " + errors);
            }
        }
        // the links of the default cases need the default records stored: this context checks them at lower counts
        ImportTarget caseTarget = target("case");
        for (GeneratedCase generatedCase :
                generator.cases(200, generator.demands(2000), generator.achievements(5000), generator.experts(5000))) {
            List<ImportFieldError> errors = caseTarget.validate(caseRow(++row, generatedCase));
            if (!errors.isEmpty()) {
                refused.add(generatedCase.sourceId() + " " + errors);
            }
        }

        assertThat(refused).as("records refused by the libraries' rules").isEmpty();
    }

    private ImportTarget target(String type) {
        return importTargets.stream()
                .filter(target -> target.type().equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static ImportRow demandRow(int number, GeneratedDemand demand) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", demand.title());
        values.put("background", demand.background());
        values.put("technicalProblems", demand.technicalProblems());
        values.put(
                "targetIndicators",
                demand.targetIndicators().stream()
                        .map(GeneratedDemand.Indicator::display)
                        .collect(Collectors.joining("\n")));
        values.put("industryCode", demand.industryCode());
        values.put("chainNodeCode", demand.chainNodeCode());
        values.put("applicationScenario", demand.applicationScenario());
        values.put("regionCode", demand.regionCode());
        values.put(
                "cooperationModes",
                demand.cooperationModes().stream()
                        .map(CooperationMode::chineseName)
                        .toList());
        if (demand.budgetMin() != null) {
            values.put("budgetMin", demand.budgetMin().toPlainString());
            values.put("budgetMax", demand.budgetMax().toPlainString());
        }
        values.put("deadline", demand.deadline().toString());
        values.put("confidential", demand.confidential() ? "是" : "否");
        values.put("contactPerson", demand.contactPerson());
        values.put("contactEmail", demand.contactEmail());
        return new ImportRow(number, demand.sourceId(), values);
    }

    private static ImportRow achievementRow(int number, GeneratedAchievement achievement) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", achievement.title());
        values.put("description", achievement.description());
        values.put("keywords", achievement.keywords());
        values.put("technologyField", achievement.technologyField());
        values.put("disciplineCode", achievement.disciplineCode());
        values.put("industryCode", achievement.industryCode());
        values.put("chainNodeCode", achievement.chainNodeCode());
        values.put("trl", Integer.toString(achievement.trl()));
        values.put("patents", achievement.patents());
        values.put(
                "transferModes",
                achievement.transferModes().stream()
                        .map(CooperationMode::chineseName)
                        .toList());
        if (achievement.priceMin() != null) {
            values.put("priceMin", achievement.priceMin().toPlainString());
            values.put("priceMax", achievement.priceMax().toPlainString());
        }
        values.put("inventors", achievement.inventors());
        values.put("regionCode", achievement.regionCode());
        return new ImportRow(number, achievement.sourceId(), values);
    }

    /** The expert as {@link ExpertsForDemo} hands it to the library, in the import template's columns. */
    private static ImportRow expertRow(int number, GeneratedExpert expert, Map<String, Long> societies) {
        ExpertDraft draft = ExpertsForDemo.draft(expert, societies, null);
        Map<String, Object> values = new HashMap<>();
        values.put("name", draft.name());
        values.put("affiliation", draft.affiliation());
        values.put("title", draft.title());
        values.put("disciplineCodes", draft.disciplineCodes());
        values.put("researchFields", draft.researchFields());
        values.put("keywords", draft.keywords());
        values.put("regionCode", draft.regionCode());
        values.put(
                "societyIds", draft.societyIds().stream().map(String::valueOf).toList());
        values.put("youngTalent", draft.youngTalent() ? "是" : "否");
        values.put("overseas", draft.overseas() ? "是" : "否");
        values.put("availability", draft.availability());
        values.put("introduction", draft.introduction());
        values.put("email", draft.email());
        return new ImportRow(number, expert.sourceId(), values);
    }

    /** The case as {@link CasesForDemo} hands it to the library, without its links, in the template's columns. */
    private static ImportRow caseRow(int number, GeneratedCase generatedCase) {
        CaseDraft draft = CasesForDemo.draft(generatedCase, Map.of(), Map.of(), null);
        Map<String, Object> values = new HashMap<>();
        values.put("title", draft.title());
        values.put("problem", draft.problem());
        values.put("solution", draft.solution());
        for (String role : List.of("DEMAND_SIDE", "SUPPLY_SIDE", "BROKER")) {
            values.put(
                    switch (role) {
                        case "DEMAND_SIDE" -> "demandSide";
                        case "SUPPLY_SIDE" -> "supplySide";
                        default -> "broker";
                    },
                    draft.parties().stream()
                            .filter(party -> party.role().equals(role))
                            .map(CaseDraft.PartyDraft::name)
                            .toList());
        }
        values.put(
                "figures",
                draft.figures().stream()
                        .map(f -> (f.kind().equals("ECONOMIC") ? "经济:" : "技术:") + f.name() + "=" + f.value() + f.unit())
                        .collect(Collectors.joining(";")));
        values.put("industryCode", draft.industryCode());
        values.put("chainNodeCode", draft.chainNodeCode());
        values.put("regionCode", draft.regionCode());
        return new ImportRow(number, generatedCase.sourceId(), values);
    }

    private String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                        "username", username, "password", DemoData.PASSWORD, "name", "demo-tests"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("token").asString();
    }

    private JsonNode api(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept-Language", "zh-CN")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String snapshot() {
        return count("select count(*) from station") + "/" + count("select count(*) from organization") + "/"
                + count("select count(*) from account") + "/" + count("select count(*) from role_grant") + "/"
                + count("select count(*) from demand") + "/" + count("select count(*) from achievement") + "/"
                + count("select count(*) from expert") + "/" + count("select count(*) from application_case") + "/"
                + count("select count(*) from record_history") + "/"
                + jdbc.sql(
                                "select string_agg(kind || ':' || requested || ':' || inserted, ',' order by kind) from demo_seed")
                        .query(String.class)
                        .single();
    }
}
