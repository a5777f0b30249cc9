package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public reference page over real HTTP, as a visitor without JavaScript. */
@IntegrationTest
class ReferencePageIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void showsTheChainsWithTheirNodesTheSectionsAndTheProvinces() throws Exception {
        Document page = page("/reference");

        assertThat(page.select("#chain-IC h3").text()).contains("集成电路");
        assertThat(page.select("#node-IC-MID-FAB").text()).contains("晶圆制造", "3973");
        assertThat(page.select("#node-BIO-DOWN-CARE .node-industries").text()).isEqualTo("84 卫生");
        assertThat(page.select("#chain-AGRI th").eachText()).containsExactly("上游", "中游", "下游");
        assertThat(page.select("#industries details")).hasSize(20);
        assertThat(page.select("#industries details").get(2).text()).contains("制造业", "39", "计算机、通信和其他电子设备制造业");
        assertThat(page.select("#strategic li")).hasSize(9);
        assertThat(page.select("#region-browser .region-list li")).hasSize(34);
        assertThat(page.select("nav.main-nav a[href=\"/reference\"]").text()).isEqualTo("参考数据");
    }

    @Test
    void browsesFromAProvinceToItsCitiesThroughPlainLinks() throws Exception {
        Document provinces = page("/reference");
        String jiangsu = provinces.select("#region-browser a:contains(江苏省)").attr("href");

        Document cities = page(jiangsu);

        assertThat(cities.select("#region-browser nav").text()).contains("全国", "江苏省");
        assertThat(cities.select("#region-browser .region-list a").eachText()).startsWith("南京市", "无锡市");
    }

    @Test
    void theRegionBrowserAloneServesHtmx() throws Exception {
        Document fragment = page("/reference/regions?region=320100");

        assertThat(fragment.select("#region-browser")).hasSize(1);
        assertThat(fragment.select("main")).isEmpty();
        assertThat(fragment.select(".region-list li").text()).contains("玄武区");
    }

    @Test
    void speaksEnglishOnRequest() throws Exception {
        Document page = page("/reference?lang=en");

        assertThat(page.select("h1").text()).isEqualTo("Reference data");
        assertThat(page.select("#chain-IC h3").text()).contains("Integrated circuits");
        assertThat(page.select("#node-IC-UP-EDA strong").text()).isEqualTo("EDA tools and IP cores");
    }

    @Test
    void theHomePageCountsTheIndustryChains() throws Exception {
        Document home = page("/");

        assertThat(home.select("[data-figure=home.figure.industry-chains]").text())
                .isEqualTo("8 重点产业链");
        assertThat(home.select("[data-figure=home.figure.industry-chains] a").attr("href"))
                .isEqualTo("/reference#chains");
    }

    @Test
    void anUnknownRegionIsNotFound() throws Exception {
        assertThat(get("/reference?region=999999").statusCode()).isEqualTo(404);
    }

    private Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
