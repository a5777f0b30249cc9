package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DemandPagesIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Demands demands;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMemberPostsADemandThroughTheFormAndSubmitsIt() {
        WebUser browser = new WebUser(port).signedIn("enterprise", PASSWORD);
        String title = "网页发布需求 " + unique();

        HttpResponse<String> saved = browser.submit(
                "/demands/new?full=true",
                "demand-form",
                Map.of(
                        "title", title,
                        "background", "連續加工時熱變形導致精度下降。",
                        "targetIndicators", "定位精度 <= 5 μm\n通过第三方检测",
                        "cooperationModes", "JOINT_DEVELOPMENT",
                        "budgetMin", "５０",
                        "deadline", LocalDate.now().plusMonths(3).toString(),
                        "contactPerson", "王工"));

        assertThat(saved.statusCode()).isEqualTo(302);
        String detail = java.net.URI.create(WebUser.location(saved)).getPath();
        Document page = WebUser.html(browser.get(detail));
        assertThat(page.getElementById("demand-title").text()).isEqualTo(title);
        assertThat(page.getElementById("demand-background").text()).isEqualTo("連續加工時熱變形導致精度下降。");
        assertThat(page.select("#demand-indicators li").eachText()).containsExactly("定位精度 ≤ 5 μm", "通过第三方检测");

        HttpResponse<String> submitted = browser.submit(detail, "submit-demand", Map.of());
        assertThat(WebUser.location(submitted)).endsWith("?published");

        Document seenByVisitor = WebUser.html(new WebUser(port).get(detail));
        assertThat(seenByVisitor.getElementById("demand-status").text()).isEqualTo("已发布");
        assertThat(seenByVisitor.getElementById("demand-contact-person")).isNull();
        assertThat(seenByVisitor.getElementById("contact-sign-in")).isNotNull();
        assertThat(WebUser.html(new WebUser(port).get("/demands?q=" + title.replace(" ", "+")))
                        .select("#demands a")
                        .eachText())
                .containsExactly(title);
    }

    @Test
    void theFormShowsEachRefusalBesideItsFieldAndStoresNothing() {
        WebUser browser = new WebUser(port).signedIn("enterprise", PASSWORD);
        long before = demands.count();

        HttpResponse<String> refused = browser.submit(
                "/demands/new?full=true",
                "demand-form",
                Map.of(
                        "title", "<script>alert(1)</script>",
                        "background", "",
                        "regionCode", "999999",
                        "deadline", "2026-02-30",
                        "targetIndicators", "寿命 >= 很长 小时"));

        assertThat(refused.statusCode()).isEqualTo(200);
        Document form = WebUser.html(refused);
        assertThat(form.getElementById("title-error").text()).isEqualTo("不能包含 HTML 标记或脚本。");
        assertThat(form.getElementById("background-error").text()).isEqualTo("请填写需求背景。");
        assertThat(form.getElementById("regionCode-error").text()).isEqualTo("未知的地区代码：999999。");
        assertThat(form.getElementById("deadline-error").text()).contains("2026-02-30");
        assertThat(form.getElementById("title").attr("aria-invalid")).isEqualTo("true");
        assertThat(demands.count()).isEqualTo(before);
    }

    @Test
    void theHomePageCountsPublishedDemandsAndTheNavigationLinksTheList() {
        Document home = WebUser.html(new WebUser(port).get("/"));

        assertThat(home.text()).contains("已发布的技术需求", "已发布的科技成果");
        assertThat(home.select("nav a[href=/demands]").text()).isEqualTo("技术需求");
        assertThat(home.select("nav a[href=/achievements]").text()).isEqualTo("科技成果");
    }

    @Test
    void expertsMayNotPostDemands() {
        WebUser expert = new WebUser(port).signedIn("expert", PASSWORD);

        assertThat(expert.get("/demands/new").statusCode()).isEqualTo(403);
    }

    @Test
    void theStationAdminCuratesTheStationsDemandsAndOthersMayNot() {
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        long zju = stations.findByCode("zju").orElseThrow().id();
        WebUser admin = new WebUser(port).signedIn("station-admin", PASSWORD);

        HttpResponse<String> curation = admin.get("/stations/" + cmes + "/curation/demands?status=ALL");
        assertThat(curation.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(curation).select("h1").text()).contains("中国机械工程学会");
        assertThat(admin.get("/stations/" + zju + "/curation/demands").statusCode())
                .isEqualTo(403);
        assertThat(new WebUser(port)
                        .signedIn("enterprise", PASSWORD)
                        .get("/stations/" + cmes + "/curation/demands")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new WebUser(port)
                        .get("/stations/" + cmes + "/curation/demands")
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void theListShowsItsFiltersInEnglishToo() {
        Document page = WebUser.html(new WebUser(port).get("/demands?lang=en&mode=TALENT"));

        assertThat(page.select("h1").text()).isEqualTo("Technical demands");
        assertThat(page.select("#filter-mode option[selected]").text()).isEqualTo("Talent recruitment");
        assertThat(new WebUser(port).get("/demands?province=999999").statusCode())
                .isEqualTo(200);
        assertThat(new WebUser(port).get("/demands/987654321").statusCode()).isEqualTo(404);
    }
}
