package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.identity.StationAdministration;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OrganizationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration administration;

    @Autowired
    Organizations organizations;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    WebUser operator;
    WebUser visitor;

    @BeforeEach
    void setUp() {
        operator = new WebUser(port).withToken(Fixtures.person(accounts, Role.OPERATOR), Fixtures.PASSWORD);
        visitor = new WebUser(port);
    }

    static Map<String, Object> enterprise(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "ENTERPRISE");
        body.put("regionCode", "440305");
        body.put("contactEmail", "contact@example.cn");
        body.put("contactPhone", "0755-86013388");
        return body;
    }

    long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    @Test
    void anOperatorRegistersAnOrganizationAndVisitorsReadItWithoutContacts() {
        String name = Fixtures.name("科技有限公司");
        String code = Fixtures.creditCode();
        Map<String, Object> body = enterprise(name);
        body.put("sme", true);
        body.put("creditCode", Fixtures.fullWidth(code.toLowerCase()));
        body.put("website", "www.example.cn");

        HttpResponse<String> created = operator.post("/api/v1/organizations", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode organization = read(created);
        long id = organization.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/organizations/" + id);
        assertThat(organization.get("creditCode").asString()).isEqualTo(code);
        assertThat(organization.get("sme").asBoolean()).isTrue();
        assertThat(organization.get("website").asString()).isEqualTo("https://www.example.cn");
        assertThat(organization.get("regionName").asString()).isEqualTo("南山区");
        assertThat(organization.has("stationId")).isFalse();

        JsonNode seenByOperator = read(operator.get("/api/v1/organizations/" + id));
        assertThat(seenByOperator.get("contactEmail").asString()).isEqualTo("contact@example.cn");
        HttpResponse<String> seenByVisitor = visitor.get("/api/v1/organizations/" + id);
        assertThat(seenByVisitor.statusCode()).isEqualTo(200);
        assertThat(read(seenByVisitor).get("name").asString()).isEqualTo(name);
        assertThat(read(seenByVisitor).has("contactEmail")).isFalse();
        assertThat(read(seenByVisitor).has("contactPhone")).isFalse();
    }

    @Test
    void refusesABadChecksumWithItsOwnMessageAndStoresNothing() {
        long before = count();
        Map<String, Object> body = enterprise(Fixtures.name("公司"));
        body.put("creditCode", Fixtures.corrupted(Fixtures.creditCode()));

        HttpResponse<String> refused = operator.post("/api/v1/organizations", body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(refused);
        assertThat(problem.get("key").asString()).isEqualTo("organization.credit-code.checksum");
        assertThat(problem.get("field").asString()).isEqualTo("creditCode");
        assertThat(problem.get("detail").asString()).isEqualTo("统一社会信用代码校验位不符，请逐位核对。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void answersInEnglishWhenAskedTo() {
        Map<String, Object> body = enterprise(Fixtures.name("公司"));
        body.put("creditCode", "12345");
        HttpResponse<String> refused = operator.inEnglish().post("/api/v1/organizations", body);
        assertThat(read(refused).get("detail").asString())
                .isEqualTo("A unified social credit code has 18 characters; this one has 5.");
    }

    @Test
    void refusesTheTraditionalAndFullWidthFormOfAnExistingName() {
        String name = Fixtures.name("机械工程学会");
        assertThat(operator.post("/api/v1/organizations", enterprise(name)).statusCode())
                .isEqualTo(201);
        long before = count();

        String variant = Fixtures.fullWidth(ZhConverterUtil.toTraditional(name));
        assertThat(variant).isNotEqualTo(name).contains("機械");
        HttpResponse<String> refused = operator.post("/api/v1/organizations", enterprise(variant));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused).get("key").asString()).isEqualTo("organization.duplicate-name");
        assertThat(read(refused).get("detail").asString()).contains(name);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesADuplicateCreditCodeNamingItsHolder() {
        String code = Fixtures.creditCode();
        String holder = Fixtures.name("公司");
        Map<String, Object> first = enterprise(holder);
        first.put("creditCode", code);
        assertThat(operator.post("/api/v1/organizations", first).statusCode()).isEqualTo(201);
        long before = count();

        Map<String, Object> second = enterprise(Fixtures.name("公司"));
        second.put("creditCode", Fixtures.fullWidth(code));
        HttpResponse<String> refused = operator.post("/api/v1/organizations", second);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused).get("key").asString()).isEqualTo("organization.credit-code.duplicate");
        assertThat(read(refused).get("detail").asString()).contains(holder);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesScriptTagsTenMegabyteFieldsAndMisplacedFlagsEachWithItsMessage() {
        long before = count();
        Map<String, Object> script = enterprise("<script>alert('x')</script>" + Fixtures.name("公司"));
        Map<String, Object> huge = enterprise(Fixtures.name("公司"));
        huge.put("description", "长".repeat(10 * 1024 * 1024));
        Map<String, Object> smeUniversity = enterprise(Fixtures.name("大学"));
        smeUniversity.put("type", "UNIVERSITY");
        smeUniversity.put("sme", true);
        Map<String, Object> nowhere = enterprise(Fixtures.name("公司"));
        nowhere.put("regionCode", "990000");

        assertThat(problem(script)).containsEntry("name", "不能包含 HTML 标记或脚本。");
        assertThat(problem(huge)).containsEntry("description", "内容太长：最多 5,000 个字符。");
        assertThat(problem(smeUniversity)).containsEntry("sme", "只有企业可以标记为中小企业。");
        assertThat(problem(nowhere)).containsEntry("regionCode", "地区代码“990000”不存在，请使用 GB/T 2260 六位行政区划代码。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void listsEveryBrokenFieldInOneProblem() {
        Map<String, Object> body = enterprise("");
        body.put("type", "UNIVERSITY");
        body.put("sme", true);
        body.put("contactEmail", "not an address");
        HttpResponse<String> refused = operator.post("/api/v1/organizations", body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactly("name", "sme", "contactEmail");
    }

    /** The refusal of the body as field → message, after checking it is a 400 problem. */
    private Map<String, String> problem(Map<String, Object> body) {
        HttpResponse<String> refused = operator.post("/api/v1/organizations", body);
        assertThat(refused.statusCode())
                .as(refused.body().length() > 2000 ? "" : refused.body())
                .isEqualTo(400);
        Map<String, String> messages = new HashMap<>();
        read(refused)
                .get("errors")
                .forEach(e ->
                        messages.put(e.get("field").asString(), e.get("message").asString()));
        return messages;
    }

    @Test
    void filtersByTypeRegionPrefixNameAndStation() {
        String marker = Fixtures.name("");
        Map<String, Object> shenzhen = enterprise(marker + "深圳公司");
        Map<String, Object> beijing = enterprise(marker + "北京大学分部");
        beijing.put("type", "UNIVERSITY");
        beijing.put("regionCode", "110108");
        operator.post("/api/v1/organizations", shenzhen);
        operator.post("/api/v1/organizations", beijing);

        String q = "&q="
                + java.net.URLEncoder.encode(
                        Fixtures.fullWidth(ZhConverterUtil.toTraditional(marker)),
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(names("/api/v1/organizations?size=50" + q)).hasSize(2);
        assertThat(names("/api/v1/organizations?region=440000" + q)).containsExactly(marker + "深圳公司");
        assertThat(names("/api/v1/organizations?region=110000" + q)).containsExactly(marker + "北京大学分部");
        assertThat(names("/api/v1/organizations?type=UNIVERSITY" + q)).containsExactly(marker + "北京大学分部");
        assertThat(names("/api/v1/organizations?type=高校" + q)).containsExactly(marker + "北京大学分部");

        HttpResponse<String> badType = visitor.get("/api/v1/organizations?type=BANK");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(read(badType).get("key").asString()).isEqualTo("organization.type.unknown");
    }

    private java.util.List<String> names(String path) {
        HttpResponse<String> page = visitor.get(path.replace("?type=高校", "?type=%E9%AB%98%E6%A0%A1"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode body = read(page);
        java.util.List<String> names = body.get("results")
                .valueStream()
                .map(o -> o.get("name").asString())
                .toList();
        assertThat(body.get("total").asLong()).isEqualTo(names.size());
        return names;
    }

    @Test
    void visitorsCannotWrite() {
        long before = count();
        Fixtures.assertVisitorRefused(visitor.post("/api/v1/organizations", enterprise(Fixtures.name("公司"))));
        var existing = organizations.registerForPlatform(
                new OrganizationDraft(
                        Fixtures.name("公司"), "ENTERPRISE", null, null, null, null, null, null, null, null),
                null);
        Fixtures.assertVisitorRefused(
                visitor.put("/api/v1/organizations/" + existing.id(), enterprise(Fixtures.name("公司"))));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aStationAdminActsInTheirOwnStationOnly() {
        var own = stations.openForPlatform(
                organizations.registerForPlatform(society(), null).id(), "t-" + Fixtures.unique(), null);
        var other = stations.openForPlatform(
                organizations.registerForPlatform(society(), null).id(), "t-" + Fixtures.unique(), null);
        String adminName = Fixtures.person(accounts);
        administration.appoint(own.id(), adminName);
        WebUser admin = new WebUser(port).withToken(adminName, Fixtures.PASSWORD);

        HttpResponse<String> created = admin.post("/api/v1/organizations", enterprise(Fixtures.name("公司")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long ownId = read(created).get("id").asLong();
        assertThat(read(created).get("stationId").asLong()).isEqualTo(own.id());

        Map<String, Object> revised = enterprise(Fixtures.name("公司"));
        revised.put("description", "改过的简介");
        HttpResponse<String> edited = admin.put("/api/v1/organizations/" + ownId, revised);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(read(edited).get("description").asString()).isEqualTo("改过的简介");
        assertThat(admin.put("/api/v1/organizations/" + own.organizationId(), society(revised))
                        .statusCode())
                .isEqualTo(200);

        long before = count();
        HttpResponse<String> elsewhere =
                admin.post("/api/v1/organizations?station=" + other.id(), enterprise(Fixtures.name("公司")));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(read(elsewhere).get("key").asString()).isEqualTo("station.not-yours");
        var theirs = operator.post("/api/v1/organizations?station=" + other.id(), enterprise(Fixtures.name("公司")));
        long theirsId = read(theirs).get("id").asLong();
        assertThat(admin.put("/api/v1/organizations/" + theirsId, enterprise(Fixtures.name("公司")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.put("/api/v1/organizations/" + other.organizationId(), enterprise(Fixtures.name("公司")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(count()).isEqualTo(before + 1);

        WebUser expert = new WebUser(port).withToken(Fixtures.person(accounts, Role.EXPERT), Fixtures.PASSWORD);
        assertThat(expert.post("/api/v1/organizations", enterprise(Fixtures.name("公司")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(expert.put("/api/v1/organizations/" + ownId, enterprise(Fixtures.name("公司")))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void answers404ForAnUnknownOrganization() {
        HttpResponse<String> missing = visitor.get("/api/v1/organizations/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(read(missing).get("key").asString()).isEqualTo("organization.not-found");
    }

    static OrganizationDraft society() {
        return new OrganizationDraft(Fixtures.name("学会"), "全国学会", null, null, null, null, null, null, null, "工科");
    }

    static Map<String, Object> society(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("type", "NATIONAL_SOCIETY");
        copy.put("name", Fixtures.name("学会"));
        return copy;
    }
}
