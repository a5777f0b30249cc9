package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ExpertPagesIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    Experts experts;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String expertAccount() {
        String username = "page-" + unique();
        accounts.ensure(username, username + "@example.com", PASSWORD, "页面专家", Set.of(Role.EXPERT));
        return username;
    }

    @Test
    void anExpertEntersTheirProfileThroughTheFormAndVisitorsSeeItWithoutContact() {
        WebUser browser = new WebUser(port).signedIn(expertAccount(), PASSWORD);
        String name = "網頁專家" + unique();

        HttpResponse<String> saved = browser.submit(
                "/experts/new",
                "expert-form",
                Map.of(
                        "name", name,
                        "affiliation", "浙江大学",
                        "title", "副教授",
                        "disciplineCodes", "e05；F0201",
                        "researchFields", "智能制造、工业互联网",
                        "youngTalent", "true",
                        "availability", "AVAILABLE",
                        "phone", "13900002222"));

        assertThat(saved.statusCode()).isEqualTo(302);
        String detail = URI.create(WebUser.location(saved)).getPath();
        Document own = WebUser.html(browser.get(detail));
        assertThat(own.getElementById("expert-name").text()).isEqualTo(name);
        assertThat(own.getElementById("expert-disciplines").text()).isEqualTo("E05；F0201");
        assertThat(own.getElementById("expert-flags").text()).isEqualTo("青年人才");
        assertThat(own.getElementById("expert-phone").text()).isEqualTo("13900002222");

        HttpResponse<String> submitted = browser.submit(detail, "submit-expert", Map.of());
        assertThat(WebUser.location(submitted)).endsWith("?published");

        Document seenByVisitor = WebUser.html(new WebUser(port).get(detail));
        assertThat(seenByVisitor.getElementById("expert-status").text()).isEqualTo("已发布");
        assertThat(seenByVisitor.getElementById("expert-phone")).isNull();
        assertThat(seenByVisitor.getElementById("contact-gated").text()).isEqualTo("登录后，有权用户可查看联系方式。");
        assertThat(WebUser.html(new WebUser(port).get("/experts?young=true&q=" + name.substring(4)))
                        .select("#experts a")
                        .eachText())
                .containsExactly(name);
    }

    @Test
    void theFormShowsEachRefusalBesideItsFieldAndStoresNothing() {
        WebUser browser = new WebUser(port).signedIn(expertAccount(), PASSWORD);
        long before = experts.count();

        HttpResponse<String> refused = browser.submit(
                "/experts/new",
                "expert-form",
                Map.of("name", "", "affiliation", "<b>单位</b>", "phone", "12345", "email", "a@b", "societyIds", "abc"));

        assertThat(refused.statusCode()).isEqualTo(200);
        Document form = WebUser.html(refused);
        assertThat(form.getElementById("societyIds-error").text()).isEqualTo("没有编号为 abc 的机构。");

        HttpResponse<String> second = browser.submit(
                "/experts/new",
                "expert-form",
                Map.of("name", "", "affiliation", "<b>单位</b>", "phone", "12345", "email", "a@b"));
        Document errors = WebUser.html(second);
        assertThat(errors.getElementById("name-error").text()).isEqualTo("请填写姓名。");
        assertThat(errors.getElementById("affiliation-error").text()).isEqualTo("不能包含 HTML 标记或脚本。");
        assertThat(errors.getElementById("phone-error").text()).startsWith("“12345”不是有效的电话号码");
        assertThat(errors.getElementById("email-error").text()).isEqualTo("“a@b”不是有效的电子邮箱。");
        assertThat(errors.getElementById("phone").attr("aria-invalid")).isEqualTo("true");
        assertThat(errors.getElementById("phone").attr("value")).isEqualTo("12345");
        assertThat(experts.count()).isEqualTo(before);
    }

    @Test
    void anExpertClaimsAnImportedProfileOnItsPageAndTheStationAdminApprovesItOnTheCurationPage() {
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        String name = "认领页面" + unique();
        long id = experts.upsertFromImport(
                        ExpertDraft.of(name, "清华大学"), new Provenance(cmes, "cmes-db", "page-" + unique(), 77L))
                .id();
        WebUser expert = new WebUser(port).signedIn(expertAccount(), PASSWORD);
        assertThat(WebUser.html(new WebUser(port).get("/experts/" + id)).getElementById("claim-expert"))
                .isNull();

        HttpResponse<String> claimed = expert.submit("/experts/" + id, "claim-expert", Map.of());
        assertThat(WebUser.location(claimed)).endsWith("?claim-pending");

        WebUser admin = new WebUser(port).signedIn("station-admin", PASSWORD);
        Document curation =
                WebUser.html(admin.get("/stations/" + cmes + "/curation/experts?status=ALL&unclaimed=true"));
        assertThat(curation.select("#pending-claims a").eachAttr("href")).contains("/experts/" + id);
        HttpResponse<String> approved = admin.submit(
                "/stations/" + cmes + "/curation/experts",
                "#pending-claims form[action*=/experts/" + id + "/claims/][action*=approve]",
                Map.of());
        assertThat(WebUser.location(approved)).endsWith("?claim-approved");

        Document mine = WebUser.html(expert.get("/experts/" + id));
        assertThat(mine.getElementById("expert-unclaimed")).isNull();
        assertThat(mine.getElementById("edit-expert")).isNotNull();
        HttpResponse<String> consent = expert.submit("/experts/" + id, "consent-form", Map.of("scope", "CONTACT"));
        assertThat(WebUser.location(consent)).endsWith("?consent");
        assertThat(WebUser.html(expert.get("/experts/" + id))
                        .getElementById("consent-state")
                        .text())
                .isEqualTo("同意公开个人简介，并向有权用户提供联系方式 · 专家本人确认");
        assertThat(WebUser.html(admin.get("/experts/" + id))
                        .select("#expert-history td")
                        .eachText())
                .contains("认领", "记录同意");
    }

    @Test
    void theHomePageCountsPublishedExpertsAndTheNavigationLinksTheList() {
        Document home = WebUser.html(new WebUser(port).get("/"));

        assertThat(home.text()).contains("已发布的专家");
        assertThat(home.select("nav a[href=/experts]").text()).isEqualTo("专家人才");
        Document english = WebUser.html(new WebUser(port).get("/experts?lang=en&availability=LIMITED"));
        assertThat(english.select("h1").text()).isEqualTo("Experts");
        assertThat(english.select("#filter-availability option[selected]").text())
                .isEqualTo("Limited");
        assertThat(new WebUser(port).get("/experts?province=999999").statusCode())
                .isEqualTo(200);
        assertThat(new WebUser(port).get("/experts/987654321").statusCode()).isEqualTo(404);
        assertThat(List.of(
                        new WebUser(port)
                                .signedIn("enterprise", PASSWORD)
                                .get("/experts/new")
                                .statusCode(),
                        new WebUser(port)
                                .signedIn("station-admin", PASSWORD)
                                .get("/stations/"
                                        + stations.findByCode("zju")
                                                .orElseThrow()
                                                .id() + "/curation/experts")
                                .statusCode()))
                .containsExactly(403, 403);
    }
}
