package org.kechuang.caselib;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
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
class CasePagesIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Cases cases;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMemberWritesUpACaseThroughTheFormAndVisitorsReadItsFigures() {
        WebUser browser = new WebUser(port).signedIn("manager", PASSWORD);
        long society = stations.findByCode("cmes").orElseThrow().organizationId();
        String title = "網頁案例 " + unique();

        HttpResponse<String> saved = browser.submit(
                "/cases/new",
                "case-form",
                Map.of(
                        "title", title,
                        "problem", "注塑件缩痕导致良品率低。",
                        "solution", "模流分析优化浇口与保压曲线。",
                        "demandSide", "宁波某模具有限公司",
                        "supplySide", "#" + society,
                        "figures", "年节约成本=320万元\n良品率提升=4.5个百分点",
                        "regionCode", "330200"));

        assertThat(saved.statusCode()).isEqualTo(302);
        String detail = URI.create(WebUser.location(saved)).getPath();
        HttpResponse<String> submitted = browser.submit(detail, "submit-case", Map.of());
        assertThat(WebUser.location(submitted)).endsWith("?published");

        Document page = WebUser.html(new WebUser(port).get(detail));
        assertThat(page.getElementById("case-title").text()).isEqualTo(title);
        assertThat(page.select("#case-figures tbody tr").eachText())
                .containsExactly("年节约成本 320 万元 经济指标", "良品率提升 4.5 个百分点 技术指标");
        assertThat(page.getElementById("case-parties").text()).isEqualTo("需求方：宁波某模具有限公司；供给方：中国机械工程学会");
        assertThat(WebUser.html(new WebUser(port).get("/cases?kind=ECONOMIC&q=" + title.substring(5)))
                        .select("#cases a")
                        .eachText())
                .containsExactly(title);

        Document edit = WebUser.html(browser.get(detail + "/edit"));
        assertThat(edit.getElementById("figures").val()).isEqualTo("年节约成本=320万元\n良品率提升=4.5个百分点");
    }

    @Test
    void theFormShowsEachRefusalBesideItsFieldAndStoresNothing() {
        WebUser browser = new WebUser(port).signedIn("enterprise", PASSWORD);
        long before = cases.count();

        HttpResponse<String> refused = browser.submit(
                "/cases/new",
                "case-form",
                Map.of(
                        "title", "案例",
                        "problem", "",
                        "solution", "方案",
                        "figures", "年节约成本320万元",
                        "regionCode", "999999",
                        "expertIds", "987654321"));

        assertThat(refused.statusCode()).isEqualTo(200);
        Document form = WebUser.html(refused);
        assertThat(form.getElementById("problem-error").text()).isEqualTo("请填写案例要解决的问题。");
        assertThat(form.getElementById("figures-error").text())
                .isEqualTo("成效数据“年节约成本320万元”缺少数值，应写成“名称=数值单位”，如 年节约成本=320万元。");
        assertThat(form.getElementById("regionCode-error").text()).isEqualTo("未知的地区代码：999999。");
        assertThat(form.getElementById("expertIds-error").text()).isEqualTo("没有编号为 987654321 的专家。");
        assertThat(form.getElementById("figures").attr("aria-invalid")).isEqualTo("true");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void theHomePageCountsPublishedCasesAndTheStationAdminCuratesThem() {
        Document home = WebUser.html(new WebUser(port).get("/"));
        assertThat(home.text()).contains("已发布的应用案例");
        assertThat(home.select("nav a[href=/cases]").text()).isEqualTo("应用案例");

        long cmes = stations.findByCode("cmes").orElseThrow().id();
        long zju = stations.findByCode("zju").orElseThrow().id();
        WebUser admin = new WebUser(port).signedIn("station-admin", PASSWORD);
        assertThat(admin.get("/stations/" + cmes + "/curation/cases?status=ALL").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/stations/" + zju + "/curation/cases").statusCode())
                .isEqualTo(403);
        assertThat(new WebUser(port)
                        .signedIn("reviewer", PASSWORD)
                        .get("/cases/new")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new WebUser(port).get("/cases/987654321").statusCode()).isEqualTo(404);
        assertThat(WebUser.html(new WebUser(port).get("/cases?lang=en&kind=TECHNICAL"))
                        .select("#filter-kind option[selected]")
                        .text())
                .isEqualTo("Technical");
    }
}
