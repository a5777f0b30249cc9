package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.html;
import static org.kechuang.support.WebUser.location;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
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

@IntegrationTest
class OrganizationPagesIT {

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

    @BeforeEach
    void setUp() {
        operator = new WebUser(port).signedIn(Fixtures.person(accounts, Role.OPERATOR), Fixtures.PASSWORD);
    }

    long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    static Map<String, String> form(String name) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("type", "ENTERPRISE");
        fields.put("sme", "false");
        fields.put("creditCode", "");
        fields.put("regionCode", "110108");
        fields.put("website", "");
        fields.put("description", "");
        fields.put("contactEmail", "office@example.cn");
        fields.put("contactPhone", "");
        fields.put("disciplineGroup", "");
        fields.put("stationId", "");
        return fields;
    }

    HttpResponse<String> enter(Map<String, String> fields) {
        return operator.submit("/organizations/new", "organization-form", fields);
    }

    @Test
    void acceptsFullWidthDigitsInTheCreditCodeAndShowsTheOrganization() {
        String code = Fixtures.creditCode();
        Map<String, String> fields = form(Fixtures.name("科技有限公司"));
        fields.put("creditCode", Fixtures.fullWidth(code));

        HttpResponse<String> saved = enter(fields);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(location(saved)).matches(".*/organizations/\\d+\\?saved");
        Document page = html(operator.get(location(saved).replaceFirst("^https?://[^/]+", "")));
        assertThat(page.select("#organization-credit-code").text()).isEqualTo(code);
        assertThat(page.select("[role=status]").text()).isEqualTo("已保存。");
        assertThat(page.select("#organization-email").text()).isEqualTo("office@example.cn");
    }

    @Test
    void showsEachRefusalNextToItsFieldAndStoresNothing() {
        String existing = Fixtures.name("机械有限公司");
        assertThat(enter(form(existing)).statusCode()).isEqualTo(302);
        long before = count();

        Map<String, String> badCode = form(Fixtures.name("公司"));
        badCode.put("creditCode", Fixtures.corrupted(Fixtures.creditCode()));
        assertThat(fieldError(badCode, "creditCode")).isEqualTo("统一社会信用代码校验位不符，请逐位核对。");

        Map<String, String> traditional = form(ZhConverterUtil.toTraditional(existing));
        assertThat(fieldError(traditional, "name")).isEqualTo("已有同名机构：“" + existing + "”（简繁体、全半角视为相同）。");

        Map<String, String> script = form("<script>alert(1)</script>");
        assertThat(fieldError(script, "name")).isEqualTo("不能包含 HTML 标记或脚本。");

        Map<String, String> huge = form(Fixtures.name("公司"));
        // ten megabytes as posted: Chinese characters would triple in the form encoding
        huge.put("description", "x".repeat(10 * 1024 * 1024));
        assertThat(fieldError(huge, "description")).isEqualTo("内容太长：最多 5,000 个字符。");

        Map<String, String> university = form(Fixtures.name("大学"));
        university.put("type", "UNIVERSITY");
        university.put("sme", "true");
        assertThat(fieldError(university, "sme")).isEqualTo("只有企业可以标记为中小企业。");

        assertThat(count()).isEqualTo(before);
    }

    /** Submits the form, expects it back (200) and returns the message shown next to the field. */
    private String fieldError(Map<String, String> fields, String field) {
        HttpResponse<String> refused = enter(fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = html(refused);
        assertThat(page.select("#" + field).attr("aria-invalid")).isEqualTo("true");
        return page.select("#" + field + "-error").text();
    }

    @Test
    void sendsVisitorsWhoWantToWriteToSignIn() {
        WebUser visitor = new WebUser(port);
        HttpResponse<String> entry = visitor.get("/organizations/new");
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(location(entry)).endsWith("/login");
        assertThat(visitor.get("/organizations/import").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/organizations").statusCode()).isEqualTo(200);
    }

    @Test
    void listsWithTypeAndProvinceFiltersAndHidesContactsFromVisitors() {
        String name = Fixtures.name("大学");
        Map<String, String> fields = form(name);
        fields.put("type", "UNIVERSITY");
        fields.put("contactPhone", "010-62782114");
        String detailPath =
                location(enter(fields)).replaceFirst("^https?://[^/]+", "").replace("?saved", "");

        WebUser visitor = new WebUser(port);
        Document list = html(visitor.get("/organizations?type=UNIVERSITY&province=110000&q="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(list.select("#organizations td a").eachText()).containsExactly(name);
        assertThat(list.select("#filter-type option[selected]").val()).isEqualTo("UNIVERSITY");
        assertThat(list.select("#filter-province option[selected]").text()).isEqualTo("北京市");
        Document elsewhere = html(visitor.get("/organizations?province=440000&q="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(elsewhere.select("#organizations td a")).isEmpty();

        Document detail = html(visitor.get(detailPath));
        assertThat(detail.select("#organization-name").text()).isEqualTo(name);
        assertThat(detail.select("#organization-phone")).isEmpty();
        assertThat(detail.text()).doesNotContain("010-62782114").contains("登录后可查看联系方式。");
        assertThat(html(operator.get(detailPath)).select("#organization-phone").text())
                .isEqualTo("010-62782114");
        assertThat(visitor.get("/organizations/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorOpensAStationAndAppointsAndDismissesItsAdminOnThePages() {
        var organization = organizations.registerForPlatform(OrganizationApiIT.society(), null);
        String code = "web-" + Fixtures.unique();

        HttpResponse<String> opened = operator.submit(
                "/organizations/" + organization.id(), "open-station", Map.of("code", code, "name", ""));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        String stationPath =
                location(opened).replaceFirst("^https?://[^/]+", "").replace("?opened", "");
        assertThat(html(operator.get(stationPath)).select("#station-code").text())
                .isEqualTo(code);

        String adminName = Fixtures.person(accounts);
        HttpResponse<String> appointed =
                operator.submit(stationPath, "appoint-admin", Map.of("username", Fixtures.fullWidth(adminName)));
        assertThat(appointed.statusCode()).isEqualTo(302);
        Document station = html(new WebUser(port).get(stationPath));
        assertThat(station.select("#station-admins li").text()).contains("测试用户" + adminName);

        HttpResponse<String> unknown =
                operator.submit(stationPath, "appoint-admin", Map.of("username", "nobody-" + Fixtures.unique()));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(html(unknown).select("#username-error").text()).isNotBlank();

        HttpResponse<String> dismissed = operator.submit(stationPath, "#station-admins form", Map.of());
        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(html(operator.get(stationPath)).select("#station-admins")).isEmpty();
    }

    @Test
    void aStationAdminEntersOrganizationsIntoTheirStationAndCannotEditOthers() {
        var own = stations.openForPlatform(
                organizations
                        .registerForPlatform(OrganizationApiIT.society(), null)
                        .id(),
                "w-" + Fixtures.unique(),
                null);
        var other = stations.openForPlatform(
                organizations
                        .registerForPlatform(OrganizationApiIT.society(), null)
                        .id(),
                "v-" + Fixtures.unique(),
                null);
        String adminName = Fixtures.person(accounts);
        administration.appoint(own.id(), adminName);
        WebUser admin = new WebUser(port).signedIn(adminName, Fixtures.PASSWORD);

        Map<String, String> fields = form(Fixtures.name("公司"));
        fields.put("stationId", "" + own.id());
        HttpResponse<String> saved = admin.submit("/organizations/new", "organization-form", fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        assertThat(admin.get("/organizations/" + own.organizationId() + "/edit").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/organizations/" + other.organizationId() + "/edit")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void importsAGbkFileThroughTheImportPage() {
        String name = Fixtures.name("评估机构");
        String csv = "名称,类型\r\n" + name + ",评估机构\r\n";

        HttpResponse<String> done = operator.submit(
                "/organizations/import",
                "import-form",
                Map.of("type", "", "source", "page-" + Fixtures.unique()),
                "评估.csv",
                csv.getBytes(Charset.forName("GBK")));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(html(done).select("#import-result").text()).isEqualTo("导入完成：共 1 行，新增 1，更新 0，未变 0。");

        HttpResponse<String> refused = operator.submit(
                "/organizations/import",
                "import-form",
                Map.of("type", "", "source", ""),
                "bad.csv",
                "名称,类型\r\nx,银行\r\n".getBytes(Charset.forName("GBK")));
        assertThat(html(refused).select("#import-row-errors td").eachText())
                .containsExactly("2", "类型", "未知的机构类型：银行。可用：企业、高校、科研院所、全国学会、地方科协、园区、金融机构、服务机构、智库、评估机构、团体标准组织、国际组织。");
    }

    @Test
    void theHomePageCountsOrganizationsAndStationsLive() {
        WebUser visitor = new WebUser(port);
        long before = Long.parseLong(figure(visitor, "organization.figure"));
        organizations.registerForPlatform(
                new OrganizationDraft(Fixtures.name("园区"), "PARK", null, null, null, null, null, null, null, null),
                null);
        assertThat(Long.parseLong(figure(visitor, "organization.figure"))).isGreaterThan(before);
        assertThat(Long.parseLong(figure(visitor, "station.figure")))
                .isEqualTo(jdbc.sql("select count(*) from station")
                        .query(Long.class)
                        .single());
        Document home = html(visitor.get("/"));
        assertThat(home.select(".main-nav a").eachText()).contains("机构", "站点");
    }

    private static String figure(WebUser visitor, String key) {
        return html(visitor.get("/"))
                .select("[data-figure=" + key + "] .figure-count")
                .text()
                .replace(",", "");
    }
}
