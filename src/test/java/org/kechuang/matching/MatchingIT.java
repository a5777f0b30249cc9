package org.kechuang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MatchingIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Matching matching;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatchingIndex index;

    @Autowired
    MatchingSync sync;

    private long cmes;
    private String topic;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
        // a word of its own per test, so that this test's records are each other's best matches
        topic = "钒液流" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "");
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private long demand(String title, String regionCode, String industryCode, boolean confidential) {
        return demand(title, regionCode, industryCode, confidential, Map.of());
    }

    private long demand(
            String title, String regionCode, String industryCode, boolean confidential, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "储能电站的" + topic + "电池在高倍率充放电时电解液温升过快，电堆效率下降，需要热管理与电解液配方改进。");
        body.put("technicalProblems", "降低电堆温升，提升" + topic + "储能系统能量效率。");
        body.put("industryCode", industryCode);
        body.put("regionCode", regionCode);
        body.put("confidential", confidential);
        body.put("stationId", cmes);
        body.putAll(more);
        return published(as("enterprise"), "/api/v1/demands", body);
    }

    private long achievement(String title, String regionCode, String industryCode) {
        return achievement(title, regionCode, industryCode, Map.of());
    }

    private long achievement(String title, String regionCode, String industryCode, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "面向储能电站的" + topic + "电池电解液配方与电堆热管理技术，高倍率充放电下温升降低，能量效率提升。");
        body.put("keywords", List.of(topic + "电池", "热管理", "储能"));
        body.put("industryCode", industryCode);
        body.put("regionCode", regionCode);
        body.put("trl", 6);
        body.put("stationId", cmes);
        body.putAll(more);
        return published(as("expert"), "/api/v1/achievements", body);
    }

    private static long published(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        HttpResponse<String> submitted = author.post(path + "/" + id + "/submit", Map.of());
        assertThat(WebUser.read(submitted).get("status").asString())
                .as(submitted.body())
                .isEqualTo("PUBLISHED");
        return id;
    }

    private static List<JsonNode> results(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> results = new ArrayList<>();
        WebUser.read(response).get("results").forEach(results::add);
        return results;
    }

    private static List<Long> ids(List<JsonNode> results) {
        return results.stream().map(result -> result.get("id").asLong()).toList();
    }

    /** Matching follows the libraries after commit: waits until the record's matches include {@code expected}. */
    private List<JsonNode> matchesOnceIndexed(WebUser user, String path, long expected) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            HttpResponse<String> response = user.get(path);
                            return response.statusCode() == 200 ? results(response) : List.<JsonNode>of();
                        },
                        found -> ids(found).contains(expected));
    }

    /** The GB/T 4754 section of a code, as the reference data says. */
    private String section(String code) {
        String current = code;
        while (true) {
            JsonNode industry = WebUser.read(new WebUser(port).get("/api/v1/reference/industries/" + current));
            if (industry.path("parentCode").isNull()
                    || industry.path("parentCode").isMissingNode()) {
                return current;
            }
            current = industry.get("parentCode").asString();
        }
    }

    /**
     * Waits until the records are in the matching index and the learnt vectors were learnt with them in it (the test
     * corpus is small: a space learnt before may not know their words, and a due retraining waits for a pause).
     */
    private void learntWith(String type, long... ids) {
        for (long id : ids) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> index.document(type, id).isPresent());
        }
        long count = index.count();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!sync.training() && index.spaceRecords() >= count) {
                        return true;
                    }
                    sync.retrainNow();
                    return false;
                });
    }

    /**
     * The discipline a test added is taken away again: the context is shared, and the import of the full NSFC list
     * (TaxonomyImportSharedDataIT) starts from the built-in departments only.
     */
    @org.junit.jupiter.api.AfterEach
    void removeTheTestDiscipline() {
        jdbc.sql("delete from reference_discipline where code = 'E97'").update();
    }

    /** A discipline below the NSFC departments whose name the test's demand text can contain. */
    private String[] discipline() {
        jdbc.sql("insert into reference_discipline (code, level, name, name_en, parent_code)"
                        + " values ('E97', 1, '储能热管理工程', 'Energy storage thermal engineering', 'E')"
                        + " on conflict (code) do nothing")
                .update();
        String name = jdbc.sql("select name from reference_discipline where code = 'E97'")
                .query(String.class)
                .single();
        return new String[] {"E97", name};
    }

    private long expert(String name, List<String> disciplines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("affiliation", "宁波储能研究院");
        body.put("disciplineCodes", disciplines);
        body.put("researchFields", List.of(topic + "电池热管理"));
        body.put("keywords", List.of(topic + "电池", "热管理", "储能"));
        body.put("regionCode", "330200");
        body.put("introduction", "长期从事储能电站" + topic + "电池电堆热管理与电解液配方研究。");
        body.put("stationId", cmes);
        return published(as("station-admin"), "/api/v1/experts", body);
    }

    private static java.util.Set<String> strings(JsonNode array) {
        java.util.Set<String> values = new java.util.HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    private static java.math.BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : new java.math.BigDecimal(value.asString());
    }

    private int count(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Integer.class).single();
    }

    /** The activity reason's counts against the records: present exactly when the record shows them. */
    private void assertActivityHolds(JsonNode result, String type, JsonNode target) {
        long id = result.get("id").asLong();
        int accepted = count(
                "select count(*)::int from match_feedback where target_type = ? and target_id = ? and verdict = 'ACCEPTED'",
                type,
                id);
        int won = count(
                "select count(*)::int from match_outcome where target_type = ? and target_id = ? and outcome = 'WON'",
                type,
                id);
        java.time.Instant updatedAt =
                java.time.Instant.parse(target.get("updatedAt").asString());
        String updated = updatedAt.isAfter(java.time.Instant.now().minus(Duration.ofDays(90)))
                ? updatedAt
                        .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .toLocalDate()
                        .toString()
                : null;
        Map<String, String> stated = new LinkedHashMap<>();
        result.get("reasons")
                .valueStream()
                .filter(reason -> reason.get("code").asString().equals("activity"))
                .forEach(reason -> {
                    for (String part : reason.get("value").asString().split(";")) {
                        stated.put(part.split("=")[0], part.split("=")[1]);
                    }
                });
        assertThat(stated.get("accepted")).isEqualTo(accepted == 0 ? null : Integer.toString(accepted));
        assertThat(stated.get("won")).isEqualTo(won == 0 ? null : Integer.toString(won));
        // a change in the last 90 days is stated with its day
        assertThat(stated.get("updated")).isEqualTo(updated);
    }

    @Test
    void everyStatedReasonHoldsForItsPair() {
        String[] discipline = discipline();
        Map<String, Object> wants = Map.of(
                "cooperationModes",
                List.of("TRANSFER", "LICENSE", "JOINT_DEVELOPMENT"),
                "budgetMin",
                "50",
                "budgetMax",
                "100",
                "technicalProblems",
                "降低电堆温升，提升" + topic + "储能系统能量效率，需要" + discipline[1] + "方面的支持，以及液冷板流道设计。");
        await().atMost(Duration.ofMinutes(2)).until(() -> index.space() != null);
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false, wants);
        long sameCity = achievement(
                topic + "电池电堆热管理技术",
                "330203",
                "38",
                Map.of(
                        "transferModes",
                        List.of("LICENSE", "CONSULTING"),
                        "priceMin",
                        "60",
                        "priceMax",
                        "80",
                        "disciplineCode",
                        discipline[0]));
        long neighbour = achievement(
                topic + "电解液配方",
                "310115",
                "39",
                Map.of("transferModes", List.of("JOINT_DEVELOPMENT", "TRANSFER"), "priceMax", "30"));
        long faraway = achievement(
                topic + "储能系统能量效率提升",
                "110108",
                "44",
                Map.of("transferModes", List.of("SERVICE"), "priceMin", "150", "disciplineCode", "E0501"));
        // the same-city achievement has a record: accepted for, and won on, another demand
        long earlier = demand(topic + "储能电池热管理需求（一期）", "330200", "38", false, wants);
        WebUser enterprise = as("enterprise");
        matchesOnceIndexed(enterprise, "/api/v1/demands/" + earlier + "/matches?target=achievement", sameCity);
        assertThat(enterprise
                        .post(
                                "/api/v1/demands/" + earlier + "/matches/feedback",
                                Map.of("targetType", "achievement", "targetId", sameCity, "verdict", "ACCEPTED"))
                        .statusCode())
                .isEqualTo(200);
        matching.recordOutcome(earlier, "achievement", sameCity, Matching.Outcome.WON, "CONTRACT_SIGNED");
        learntWith("demand", demand, earlier);

        List<JsonNode> results =
                matchesOnceIndexed(enterprise, "/api/v1/demands/" + demand + "/matches?target=achievement", faraway);
        assertThat(ids(results)).contains(sameCity, neighbour);

        JsonNode demandRecord = WebUser.read(enterprise.get("/api/v1/demands/" + demand));
        String demandText = (demandRecord.get("title").asString()
                        + demandRecord.get("background").asString()
                        + demandRecord.get("technicalProblems").asString())
                .toLowerCase(Locale.ROOT);
        java.util.Set<String> demandModes = strings(demandRecord.get("cooperationModes"));
        java.math.BigDecimal budgetMin = decimal(demandRecord, "budgetMin");
        java.math.BigDecimal budgetMax = decimal(demandRecord, "budgetMax");
        int concepts = 0;
        List<String> codes = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode target = WebUser.read(
                    enterprise.get("/api/v1/achievements/" + result.get("id").asLong()));
            StringBuilder keywords = new StringBuilder();
            target.get("keywords")
                    .forEach(keyword -> keywords.append(keyword.asString()).append(' '));
            String targetText = (target.get("title").asString()
                            + target.get("description").asString()
                            + keywords)
                    .toLowerCase(Locale.ROOT);
            String demandRegion = demandRecord.get("regionCode").asString();
            String targetRegion = target.path("regionCode").asString("");
            String demandIndustry = demandRecord.get("industryCode").asString();
            String targetIndustry = target.path("industryCode").asString("");
            java.util.Set<String> sharedModes = new java.util.TreeSet<>(strings(target.get("transferModes")));
            sharedModes.retainAll(demandModes);
            java.math.BigDecimal priceMin = decimal(target, "priceMin");
            java.math.BigDecimal priceMax = decimal(target, "priceMax");
            List<String> stated = result.get("reasons")
                    .valueStream()
                    .map(reason -> reason.get("code").asString())
                    .toList();
            codes.addAll(stated);
            // a relation that holds is stated
            assertThat(stated.contains("modes")).isEqualTo(!sharedModes.isEmpty());
            assertThat(stated.contains("budget")).isEqualTo(priceMin != null || priceMax != null);
            assertActivityHolds(result, "achievement", target);
            for (JsonNode reason : result.get("reasons")) {
                switch (reason.get("code").asString()) {
                    case "concepts" -> {
                        for (JsonNode term : reason.get("terms")) {
                            assertThat(demandText).contains(term.asString());
                            assertThat(targetText).contains(term.asString());
                            concepts++;
                        }
                    }
                    case "region" -> {
                        String text = reason.get("text").asString();
                        if (text.startsWith("同城")) {
                            assertThat(targetRegion.substring(0, 4)).isEqualTo(demandRegion.substring(0, 4));
                        } else if (text.startsWith("同省")) {
                            assertThat(targetRegion.substring(0, 2)).isEqualTo(demandRegion.substring(0, 2));
                        } else {
                            assertThat(text).startsWith("相邻省份");
                            assertThat(targetRegion.substring(0, 2)).isNotEqualTo(demandRegion.substring(0, 2));
                        }
                    }
                    case "industry" -> {
                        String common = reason.get("value").asString();
                        if (Character.isLetter(common.charAt(0))) {
                            assertThat(section(demandIndustry)).isEqualTo(common);
                            assertThat(section(targetIndustry)).isEqualTo(common);
                        } else {
                            assertThat(demandIndustry).startsWith(common);
                            assertThat(targetIndustry).startsWith(common);
                        }
                    }
                    case "maturity" ->
                        assertThat(reason.get("value").asInt())
                                .isEqualTo(target.get("trl").asInt());
                    case "modes" ->
                        assertThat(new java.util.TreeSet<>(
                                        List.of(reason.get("value").asString().split(","))))
                                .isEqualTo(sharedModes);
                    case "budget" -> {
                        String relation = reason.get("value").asString().split(";")[0];
                        if (priceMax != null && priceMax.compareTo(budgetMin) < 0) {
                            assertThat(relation).isEqualTo("below");
                        } else if (priceMin != null && priceMin.compareTo(budgetMax) > 0) {
                            assertThat(relation).isEqualTo("above");
                        } else {
                            assertThat(relation).isEqualTo("overlaps");
                        }
                    }
                    case "discipline" -> {
                        String code = reason.get("value").asString();
                        assertThat(target.get("disciplineCode").asString()).startsWith(code);
                        String name = jdbc.sql("select name from reference_discipline where code = ?")
                                .param(code)
                                .query(String.class)
                                .single();
                        assertThat(demandText).contains(name);
                    }
                    case "outcomes" -> {
                        long solved =
                                Long.parseLong(reason.get("value").asString().split(":")[0]);
                        assertThat(count(
                                        "select count(*)::int from match_outcome where demand_id = ? and target_type ="
                                                + " 'achievement' and target_id = ? and outcome = 'WON'",
                                        solved,
                                        result.get("id").asLong()))
                                .isEqualTo(1);
                        String title = WebUser.read(enterprise.get("/api/v1/demands/" + solved))
                                .get("title")
                                .asString();
                        assertThat(reason.get("text").asString()).isEqualTo("类似需求「" + title + "」已由该成果解决");
                        assertThat(Double.parseDouble(
                                        reason.get("value").asString().split(":")[1]))
                                .isGreaterThanOrEqualTo(0.5);
                    }
                    default -> {
                        // subject similarity: a measured number, not a relation; activity is checked above
                    }
                }
            }
        }
        assertThat(codes).contains("modes", "budget", "discipline", "activity", "outcomes");
        JsonNode cityFit = results.get(ids(results).indexOf(sameCity));
        assertThat(cityFit.get("reasons").valueStream().map(r -> r.get("text").asString()))
                .contains(
                        "合作方式相符：许可",
                        "报价在预算范围内（预算 50–100 万元，报价 60–80 万元）",
                        "学科相符：需求提到该成果的学科“" + discipline[1] + "”（E97）");
        JsonNode shanghaiFit = results.get(ids(results).indexOf(neighbour));
        assertThat(shanghaiFit
                        .get("reasons")
                        .valueStream()
                        .map(r -> r.get("text").asString()))
                .contains("合作方式相符：技术转让、合作开发", "报价低于预算（预算 50–100 万元，报价 ≤ 30 万元）");
        JsonNode beijingFit = results.get(ids(results).indexOf(faraway));
        assertThat(beijingFit
                        .get("reasons")
                        .valueStream()
                        .map(r -> r.get("text").asString()))
                .contains("报价高于预算（预算 50–100 万元，报价 ≥ 150 万元）");
        assertThat(beijingFit
                        .get("reasons")
                        .valueStream()
                        .map(r -> r.get("code").asString()))
                .doesNotContain("modes", "discipline");
        assertThat(concepts).isPositive();
        JsonNode city = results.get(ids(results).indexOf(sameCity));
        assertThat(city.get("reasons").valueStream().map(r -> r.get("text").asString()))
                .anySatisfy(text -> assertThat(text).startsWith("同城"))
                .anySatisfy(text -> assertThat(text).startsWith("同属行业"));
        JsonNode shanghai = results.get(ids(results).indexOf(neighbour));
        assertThat(shanghai.get("reasons").valueStream().map(r -> r.get("text").asString()))
                .anySatisfy(text -> assertThat(text).isEqualTo("相邻省份：浙江省、上海市"));
        JsonNode beijing = results.get(ids(results).indexOf(faraway));
        assertThat(beijing.get("reasons").valueStream().map(r -> r.get("code").asString()))
                .doesNotContain("region", "industry");
    }

    @Test
    void aConfidentialDemandIsMatchedOnlyForThoseEntitledToSeeIt() {
        long achievement = achievement(topic + "电池电堆热管理技术", "330100", "38");
        long confidential = demand(topic + "保密储能需求", "330100", "38", true);
        WebUser manager = as("manager");

        // the demand's owner and technology managers see it, and it is proposed to them
        List<JsonNode> forManager =
                matchesOnceIndexed(manager, "/api/v1/achievements/" + achievement + "/matches?limit=50", confidential);
        assertThat(ids(forManager)).contains(confidential);
        assertThat(as("enterprise")
                        .get("/api/v1/demands/" + confidential + "/matches")
                        .statusCode())
                .isEqualTo(200);
        // other members and visitors neither get its matches nor find it proposed
        assertThat(as("expert")
                        .get("/api/v1/demands/" + confidential + "/matches")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new WebUser(port)
                        .get("/api/v1/demands/" + confidential + "/matches")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ids(results(as("expert").get("/api/v1/achievements/" + achievement + "/matches?limit=50"))))
                .doesNotContain(confidential);
        assertThat(ids(results(new WebUser(port).get("/api/v1/achievements/" + achievement + "/matches?limit=50"))))
                .doesNotContain(confidential);
    }

    @Test
    void aDeclinedProposalSinksInLaterRankingsAndSaysWhy() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long first = achievement(topic + "电池电堆热管理技术", "330203", "38");
        long second = achievement(topic + "电池电解液配方与热管理", "330203", "38");
        WebUser enterprise = as("enterprise");
        String path = "/api/v1/demands/" + demand + "/matches?target=achievement&limit=20";
        await().atMost(Duration.ofMinutes(2))
                .until(() -> ids(matchesOnceIndexed(enterprise, path, first)).contains(second));
        List<Long> before = ids(results(enterprise.get(path)));
        long declined = before.getFirst();

        assertThat(as("expert")
                        .post(
                                "/api/v1/demands/" + demand + "/matches/feedback",
                                Map.of(
                                        "targetType",
                                        "achievement",
                                        "targetId",
                                        declined,
                                        "verdict",
                                        "DECLINED",
                                        "reason",
                                        "ALREADY_KNOWN"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> decided = enterprise.post(
                "/api/v1/demands/" + demand + "/matches/feedback",
                Map.of(
                        "targetType",
                        "achievement",
                        "targetId",
                        declined,
                        "verdict",
                        "DECLINED",
                        "reason",
                        "ALREADY_KNOWN"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        List<JsonNode> after = results(enterprise.get(path));
        List<Long> afterIds = ids(after);
        assertThat(afterIds.indexOf(declined) == -1 || afterIds.indexOf(declined) > before.indexOf(declined))
                .as("declined %d: before %s, after %s", declined, before, afterIds)
                .isTrue();
        if (afterIds.contains(declined)) {
            assertThat(after.get(afterIds.indexOf(declined))
                            .get("reasons")
                            .valueStream()
                            .map(r -> r.get("code").asString()))
                    .contains("declined");
        }
    }

    @Test
    void thePreviewProposesForATextNotYetSaved() {
        long achievement = achievement(topic + "电池电堆热管理技术", "330100", "38");
        WebUser enterprise = as("enterprise");
        List<JsonNode> results = await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> results(enterprise.post(
                                "/api/v1/matching/preview",
                                Map.of("text", topic + "电池电堆温升过快，需要热管理", "target", "achievement", "limit", 5))),
                        found -> ids(found).contains(achievement));
        assertThat(results).hasSizeLessThanOrEqualTo(5);
        HttpResponse<String> unknownTarget =
                enterprise.post("/api/v1/matching/preview", Map.of("text", "热管理", "target", "planet"));
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
    }

    private static final Map<String, Object> DESALINATION = Map.of(
            "background",
            "海水淡化厂的反渗透膜在高盐废水处理中结垢与生物污染严重，通量衰减快，清洗频繁，运行成本高。",
            "technicalProblems",
            "需要抗污染反渗透膜材料与在线清洗工艺，延长膜寿命，降低吨水能耗。");

    private void waitUntilIndexed(String path) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> as("enterprise").get(path).statusCode() == 200);
    }

    private static int rank(List<JsonNode> results, long id) {
        return ids(results).indexOf(id);
    }

    private static List<String> reasonTexts(List<JsonNode> results, long id, String code) {
        return results.stream()
                .filter(result -> result.get("id").asLong() == id)
                .flatMap(result -> result.get("reasons").valueStream())
                .filter(reason -> reason.get("code").asString().equals(code))
                .map(reason -> reason.get("text").asString())
                .toList();
    }

    @Test
    void aCounterpartThatWonOnASimilarDemandRisesForItAndSaysWhichDemand() {
        await().atMost(Duration.ofMinutes(2)).until(() -> index.space() != null);
        long solved = demand(topic + "反渗透膜抗污染需求（一期）", "330200", "38", false, DESALINATION);
        long asked = demand(topic + "反渗透膜抗污染需求（二期）", "330200", "38", false, DESALINATION);
        long winner = achievement(
                topic + "膜法水处理在线监测仪",
                "330200",
                "38",
                Map.of("description", "用于水厂的在线浊度与电导率监测仪表，数据远传，报警及时。", "keywords", List.of("在线监测", "水质仪表")));
        waitUntilIndexed("/api/v1/demands/" + solved + "/matches");
        waitUntilIndexed("/api/v1/demands/" + asked + "/matches");
        waitUntilIndexed("/api/v1/achievements/" + winner + "/matches");
        learntWith("demand", solved, asked);
        WebUser enterprise = as("enterprise");
        String path = "/api/v1/demands/" + asked + "/matches?target=achievement&limit=50";
        List<JsonNode> before = results(enterprise.get(path));
        assertThat(reasonTexts(before, winner, "outcomes")).isEmpty();

        matching.recordOutcome(solved, "achievement", winner, Matching.Outcome.WON, "CONTRACT_SIGNED");

        List<JsonNode> after = results(enterprise.get(path));
        // proposed now (it may not have been), higher than before and not ranked lower
        assertThat(rank(after, winner)).isNotNegative();
        if (rank(before, winner) >= 0) {
            assertThat(rank(after, winner)).isLessThanOrEqualTo(rank(before, winner));
            assertThat(after.get(rank(after, winner)).get("score").asDouble())
                    .isGreaterThan(before.get(rank(before, winner)).get("score").asDouble());
        }
        String solvedTitle = topic + "反渗透膜抗污染需求（一期）";
        assertThat(reasonTexts(after, winner, "outcomes")).containsExactly("类似需求「" + solvedTitle + "」已由该成果解决");
        assertThat(reasonTexts(results(as("enterprise").inEnglish().get(path)), winner, "outcomes"))
                .containsExactly("Proposed because the similar demand “" + solvedTitle + "” was solved by it");
        // the pair that was won says so on its own demand
        assertThat(reasonTexts(
                        results(enterprise.get("/api/v1/demands/" + solved + "/matches?target=achievement&limit=50")),
                        winner,
                        "won"))
                .hasSize(1);
        // from the achievement's side, the demand similar to the one it solved is proposed, saying why
        List<JsonNode> demands = results(enterprise.get("/api/v1/achievements/" + winner + "/matches?limit=50"));
        assertThat(reasonTexts(demands, asked, "outcomes")).containsExactly("类似需求「" + solvedTitle + "」已由该成果解决");
    }

    @Test
    void aLostPairSinksForItsDemandAndSaysSo() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long first = achievement(topic + "电池电堆热管理技术", "330203", "38");
        long second = achievement(topic + "电池电解液配方与热管理", "330203", "38");
        WebUser enterprise = as("enterprise");
        String path = "/api/v1/demands/" + demand + "/matches?target=achievement&limit=20";
        await().atMost(Duration.ofMinutes(2))
                .until(() -> ids(matchesOnceIndexed(enterprise, path, first)).contains(second));
        List<Long> before = ids(results(enterprise.get(path)));
        long lost = before.getFirst();

        matching.recordOutcome(demand, "achievement", lost, Matching.Outcome.LOST, "PRICE");

        List<JsonNode> after = results(enterprise.get(path));
        assertThat(rank(after, lost) == -1 || rank(after, lost) > before.indexOf(lost))
                .as("lost %d: before %s, after %s", lost, before, ids(after))
                .isTrue();
        if (rank(after, lost) >= 0) {
            assertThat(reasonTexts(after, lost, "lost")).containsExactly("此前洽谈未成，排序靠后");
        }
    }

    @Test
    void anOutcomeIsKeptOncePerPairTheLatestCountingAndBadOnesAreRefused() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long achievement = achievement(topic + "电池电堆热管理技术", "330203", "38");
        matching.recordOutcome(demand, "achievement", achievement, Matching.Outcome.WON, null);
        matching.recordOutcome(demand, "achievement", achievement, Matching.Outcome.WON, null);
        matching.recordOutcome(demand, "achievement", achievement, Matching.Outcome.LOST, "TIMING");
        assertThat(jdbc.sql("select outcome || ':' || reason_code from match_outcome where demand_id = ?")
                        .param(demand)
                        .query(String.class)
                        .list())
                .containsExactly("LOST:TIMING");

        assertThat(catchThrowableOfType(
                                org.kechuang.platform.web.DomainException.class,
                                () -> matching.recordOutcome(demand, "planet", achievement, Matching.Outcome.WON, null))
                        .key())
                .isEqualTo("matching.target.unknown");
        assertThat(catchThrowableOfType(
                                org.kechuang.platform.web.DomainException.class,
                                () -> matching.recordOutcome(demand, "achievement", achievement, null, null))
                        .key())
                .isEqualTo("matching.outcome.required");
        assertThat(catchThrowableOfType(
                                org.kechuang.platform.web.DomainException.class,
                                () -> matching.recordOutcome(
                                        demand, "achievement", achievement, Matching.Outcome.WON, "x".repeat(101)))
                        .key())
                .isEqualTo("matching.outcome.reason");
        assertThat(jdbc.sql("select outcome from match_outcome where demand_id = ?")
                        .param(demand)
                        .query(String.class)
                        .list())
                .containsExactly("LOST");
    }

    @Test
    void anExpertWhoseDisciplineTheDemandNamesSaysSo() {
        String[] discipline = discipline();
        long demand = demand(
                topic + "储能电池热管理需求",
                "330200",
                "38",
                false,
                Map.of("technicalProblems", "需要" + discipline[1] + "方面的专家指导电堆温升控制。"));
        long expert = expert("储能专家" + topic, List.of(discipline[0], "F0201"));
        long other = expert("电池专家" + topic, List.of("F0201"));
        WebUser enterprise = as("enterprise");
        String path = "/api/v1/demands/" + demand + "/matches?target=expert&limit=50";
        matchesOnceIndexed(enterprise, path, expert);
        List<JsonNode> results = matchesOnceIndexed(enterprise, path, other);
        assertThat(reasonTexts(results, expert, "discipline"))
                .containsExactly("学科相符：需求提到该专家的学科“" + discipline[1] + "”（" + discipline[0] + "）");
        assertThat(reasonTexts(results, other, "discipline")).isEmpty();
        for (JsonNode result : results) {
            JsonNode record = WebUser.read(
                    enterprise.get("/api/v1/experts/" + result.get("id").asLong()));
            assertActivityHolds(result, "expert", record);
        }
    }

    /** The panel fragment (as htmx loads it) once it proposes {@code expected}. */
    private org.jsoup.nodes.Document panelOnceIndexed(WebUser user, String path, long expected) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> WebUser.html(user.get(path)),
                        panel -> !panel.select("li.match-result[data-id=" + expected + "]")
                                .isEmpty());
    }

    @Test
    void theDemandPagePanelShowsTheProposalsWithTheirReasonsAndTakesADecline() {
        long demand = demand(topic + "储能电池热管理需求", "330200", "38", false);
        long sameCity = achievement(topic + "电池电堆热管理技术", "330203", "38");
        WebUser owner = new WebUser(port).signedIn("enterprise", PASSWORD);

        org.jsoup.nodes.Document page = WebUser.html(owner.get("/demands/" + demand));
        assertThat(page.getElementById("match-panel").attr("hx-get")).isEqualTo("/matching/panel/demand/" + demand);
        String panelPath = "/matching/panel/demand/" + demand;
        org.jsoup.nodes.Document panel = panelOnceIndexed(owner, panelPath, sameCity);

        assertThat(panel.getElementById("match-panel-heading").text()).isEqualTo("推荐成果");
        org.jsoup.nodes.Element result = panel.selectFirst("li.match-result[data-id=" + sameCity + "]");
        assertThat(result.selectFirst("a.match-title").attr("href")).isEqualTo("/achievements/" + sameCity);
        assertThat(result.selectFirst("a.match-title").text()).isEqualTo(topic + "电池电堆热管理技术");
        JsonNode demandRecord = WebUser.read(as("enterprise").get("/api/v1/demands/" + demand));
        String demandText = demandRecord.get("title").asString()
                + demandRecord.get("background").asString()
                + demandRecord.get("technicalProblems").asString();
        JsonNode achievementRecord = WebUser.read(as("enterprise").get("/api/v1/achievements/" + sameCity));
        String achievementText = achievementRecord.get("title").asString()
                + achievementRecord.get("description").asString()
                + achievementRecord.get("keywords").toString();
        assertThat(result.select(".match-reason-concepts .chip")).isNotEmpty().allSatisfy(chip -> {
            assertThat(demandText).contains(chip.text());
            assertThat(achievementText).contains(chip.text());
        });
        assertThat(result.select(".match-reason-region").text()).startsWith("同城");
        assertThat(result.select(".match-reason-industry").text()).startsWith("同属行业");
        assertThat(result.select(".match-reason-maturity").text()).contains("TRL 6");
        // the owner may decide; the tabs switch to experts and organizations
        assertThat(result.select("form button.match-decline")).hasSize(1);
        assertThat(result.select("form input[name=_csrf]")).isNotEmpty();
        assertThat(panel.select(".match-targets a").eachAttr("hx-get"))
                .contains(panelPath + "?target=expert", panelPath + "?target=organization");
        // a visitor sees the proposals, but no buttons
        org.jsoup.nodes.Document visitors = panelOnceIndexed(new WebUser(port), panelPath, sameCity);
        assertThat(visitors.select("li.match-result form")).isEmpty();

        HttpResponse<String> declined = owner.submit(
                panelPath,
                "li.match-result[data-id=" + sameCity + "] form:has(button.match-decline)",
                Map.of("reason", "ALREADY_KNOWN"));
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(WebUser.location(declined)).endsWith("/demands/" + demand);
        org.jsoup.nodes.Element after = WebUser.html(owner.get(panelPath + "?target=achievement"))
                .selectFirst("li.match-result[data-id=" + sameCity + "]");
        if (after != null) {
            assertThat(after.select(".match-reason-declined").text()).isEqualTo("此前已谢绝（已经了解），排序靠后");
        }
        assertThat(WebUser.read(as("enterprise").get("/api/v1/demands/" + demand + "/matches?limit=50"))
                        .get("results")
                        .valueStream()
                        .filter(r -> r.get("id").asLong() == sameCity)
                        .flatMap(r -> r.get("reasons").valueStream())
                        .map(r -> r.get("code").asString()))
                .contains("declined");
    }

    @Test
    void aPanelProposesAConfidentialDemandOnlyToThoseEntitledToSeeIt() {
        long achievement = achievement(topic + "电池电堆热管理技术", "330100", "38");
        long confidential = demand(topic + "保密储能需求", "330100", "38", true);
        String panelPath = "/matching/panel/achievement/" + achievement;

        org.jsoup.nodes.Document managers =
                panelOnceIndexed(new WebUser(port).signedIn("manager", PASSWORD), panelPath, confidential);
        assertThat(managers.getElementById("match-panel-heading").text()).isEqualTo("可对接的需求");
        assertThat(WebUser.html(new WebUser(port).signedIn("manager", PASSWORD).get(panelPath + "?lang=en"))
                        .getElementById("match-panel-heading")
                        .text())
                .isEqualTo("Demands it could serve");
        assertThat(WebUser.html(new WebUser(port).get(panelPath))
                        .select("li.match-result[data-id=" + confidential + "]"))
                .isEmpty();
        assertThat(WebUser.html(new WebUser(port).signedIn("expert", PASSWORD).get(panelPath))
                        .select("li.match-result[data-id=" + confidential + "]"))
                .isEmpty();
        // the confidential demand's own panel says nothing to a visitor
        org.jsoup.nodes.Document hidden = WebUser.html(new WebUser(port).get("/matching/panel/demand/" + confidential));
        assertThat(hidden.select("li.match-result")).isEmpty();
        assertThat(hidden.getElementById("match-none")).isNotNull();
    }
}
