package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The global search bar and the results page, read as HTML. */
@IntegrationTest
class SearchPagesIT {

    private static final String PASSWORD = "kechuang-demo";
    private static final Duration SYNC = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    private WebUser operator;
    private WebUser visitor;
    private String marker;
    private long cmes;

    @BeforeEach
    void setUp() {
        operator = new WebUser(port).withToken("operator", PASSWORD);
        visitor = new WebUser(port);
        marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        cmes = stations.findByCode("cmes").orElseThrow().id();
    }

    @Test
    void everyPageCarriesTheSearchBarThatLeadsToTheResults() {
        Document home = WebUser.html(visitor.get("/"));
        Element bar = home.getElementById("site-search");

        assertThat(bar).isNotNull();
        assertThat(bar.attr("action")).isEqualTo("/search");
        assertThat(bar.attr("role")).isEqualTo("search");
        assertThat(bar.selectFirst("label[for=site-search-q]").text()).isEqualTo("检索全部资源库");
        assertThat(bar.selectFirst("input#site-search-q").attr("name")).isEqualTo("q");
        Document results = page("/search?q=" + encode("機器人 " + marker));
        assertThat(results.getElementById("site-search-q").val()).isEqualTo("機器人 " + marker);
    }

    @Test
    void resultsShowTabsFacetsHighlightsAndLinksToTheRecords() {
        long achievement = achievement("工业机器人焊接工作站 " + marker, "六轴工业机器人完成<车身>焊接。", "330106", 6);
        long demand = demand("焊接機器人視覺引導 " + marker, "需要為焊接機器人加裝視覺引導系統。", "440305");
        await().atMost(SYNC).until(() -> total("/search?q=" + encode("机器人 " + marker)) == 2);

        Document results = page("/search?q=" + encode("机器人 " + marker));

        assertThat(results.title()).isEqualTo("检索：机器人 " + marker);
        assertThat(results.getElementById("search-tabs").select("a").eachText())
                .containsExactly("全部（2）", "技术需求（1）", "科技成果（1）", "专家（0）", "应用案例（0）", "机构（0）");
        Element first = results.selectFirst("#search-results li[data-type=achievement]");
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("/achievements/" + achievement);
        assertThat(first.selectFirst(".search-type").text()).isEqualTo("科技成果");
        Element snippet = first.selectFirst(".search-snippet");
        assertThat(snippet.select("em").eachText()).containsExactly("机器人");
        assertThat(snippet.text()).contains("<车身>");
        assertThat(snippet.select("车身")).isEmpty();
        assertThat(results.selectFirst("#search-results li[data-type=demand] h2 a")
                        .attr("href"))
                .isEqualTo("/demands/" + demand);
        assertThat(results.selectFirst("#search-results li[data-type=demand] em")
                        .text())
                .isEqualTo("機器人");

        Element regions = results.selectFirst("#search-facets section[data-facet=region]");
        assertThat(regions.select("li").eachText()).containsExactlyInAnyOrder("浙江省 (1)", "广东省 (1)");
        String zhejiang = regions.select("a").stream()
                .filter(a -> a.text().equals("浙江省"))
                .findFirst()
                .orElseThrow()
                .attr("href");
        Document filtered = page(zhejiang);
        assertThat(filtered.getElementById("search-total").text()).isEqualTo("共 1 条结果");
        assertThat(filtered.select("#search-results h2 a").eachAttr("href"))
                .containsExactly("/achievements/" + achievement);
        assertThat(filtered.getElementById("search-active").text()).contains("地区: 浙江省");
        assertThat(filtered.selectFirst("#search-facets section[data-facet=trl]")
                        .text())
                .contains("TRL 6");

        Document demandsOnly =
                page(results.selectFirst("#search-tabs a[data-type=demand]").attr("href"));
        assertThat(demandsOnly.select("#search-results li").eachAttr("data-type"))
                .containsExactly("demand");
        assertThat(demandsOnly.selectFirst("#search-tabs a[aria-current=page]").text())
                .isEqualTo("技术需求（1）");
    }

    @Test
    void resultsArePagedAndOrderedByDateOnRequest() {
        for (int i = 1; i <= 21; i++) {
            organization("分页测试科技公司" + i + "号 " + marker);
        }
        await().atMost(SYNC).until(() -> total("/search?q=" + marker) == 21);

        Document first = page("/search?q=" + marker + "&sort=date");

        assertThat(first.select("#search-results li")).hasSize(20);
        assertThat(first.selectFirst("#search-results h2 a").text()).isEqualTo("分页测试科技公司21号 " + marker);
        assertThat(first.getElementById("search-pages").text()).contains("第 1 / 2 页");
        String next = first.selectFirst("#search-pages a[rel=next]").attr("href");
        assertThat(next).contains("sort=date").contains("page=1");
        Document second = page(next);
        assertThat(second.select("#search-results h2 a").eachText()).containsExactly("分页测试科技公司1号 " + marker);
        assertThat(second.selectFirst("#search-pages a[rel=prev]")).isNotNull();
    }

    @Test
    void whenNothingIsFoundLooserSearchesThatFindSomethingAreOffered() {
        achievement("工业软件国产化 " + marker, "面向离散制造的工业软件。", "330106", 5);
        await().atMost(SYNC).until(() -> total("/search?q=" + encode("软件 " + marker)) == 1);

        Document taiwan = page("/search?q=" + encode("軟體 " + marker));
        assertThat(taiwan.getElementById("search-none").text()).contains("检索不区分简体与繁体");
        assertThat(taiwan.select("#search-suggestions li").eachText()).contains("改为检索“软件 " + marker + "” （1 条）");

        Document ofType = page("/search?q=" + encode("工业软件 " + marker) + "&type=demand");
        assertThat(ofType.select("#search-suggestions a").eachText()).first().isEqualTo("在全部资源库中检索（不限技术需求）");
        Document inRegion = page("/search?q=" + encode("工业软件 " + marker) + "&region=440000");
        assertThat(inRegion.select("#search-suggestions a").eachText()).first().isEqualTo("去掉筛选“地区: 广东省”");
        Document words = page("/search?q=" + encode("离散工业软件 " + marker));
        assertThat(words.select("#search-suggestions a").eachText()).contains("改为检索“离散 工业 软件 " + marker + "”");
        String looser = words.select("#search-suggestions a").stream()
                .filter(a -> a.text().contains("离散 工业 软件"))
                .findFirst()
                .orElseThrow()
                .attr("href");
        assertThat(page(looser).getElementById("search-total").text()).isEqualTo("共 1 条结果");
    }

    @Test
    void aDraftIsShownWithItsStatusToItsStationAdminOnly() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "站点草稿成果 " + marker);
        body.put("description", "尚未提交。");
        body.put("stationId", cmes);
        created(operator.post("/api/v1/achievements", body));
        WebUser admin = new WebUser(port).signedIn("station-admin", PASSWORD);
        await().atMost(SYNC)
                .until(() -> WebUser.html(admin.get("/search?q=" + marker))
                                .select("#search-results li")
                                .size()
                        == 1);

        Document seen = WebUser.html(admin.get("/search?q=" + marker));
        assertThat(seen.selectFirst("#search-results .search-status").text()).isEqualTo("草稿");
        assertThat(page("/search?q=" + marker).getElementById("search-total").text())
                .isEqualTo("共 0 条结果");
    }

    @Test
    void theResultsPageSpeaksEnglishAndRefusesAnOverlongQueryPolitely() {
        Document english = WebUser.html(new WebUser(port).inEnglish().get("/search?q=" + marker + "&lang=en"));
        assertThat(english.selectFirst("h1").text()).isEqualTo("Results for “" + marker + "”");
        assertThat(english.getElementById("search-none").text()).contains("Nothing found.");

        HttpResponse<String> overlong = visitor.get("/search?q=" + encode("机".repeat(101)));
        assertThat(overlong.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(overlong).getElementById("search-error").text()).isEqualTo("检索词最多 100 个字符。");
    }

    private Document page(String path) {
        HttpResponse<String> response = visitor.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return WebUser.html(response);
    }

    /** The count the page states ("共 21 条结果"). */
    private long total(String path) {
        return Long.parseLong(page(path).getElementById("search-total").text().replaceAll("\\D", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return WebUser.read(response).get("id").asLong();
    }

    private void published(String library, long id) {
        HttpResponse<String> response = operator.post("/api/v1/" + library + "/" + id + "/submit", Map.of());
        assertThat(WebUser.read(response).get("status").asString())
                .as(response.body())
                .isEqualTo("PUBLISHED");
    }

    private long achievement(String title, String description, String region, int trl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("trl", Integer.toString(trl));
        body.put("regionCode", region);
        long id = created(operator.post("/api/v1/achievements", body));
        published("achievements", id);
        return id;
    }

    private long demand(String title, String background, String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", background);
        body.put("regionCode", region);
        long id = created(operator.post("/api/v1/demands", body));
        published("demands", id);
        return id;
    }

    private void organization(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "ENTERPRISE");
        created(operator.post("/api/v1/organizations", body));
    }
}
