package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read API over real HTTP, as a visitor who is not signed in. */
@IntegrationTest
class ReferenceApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsTheProvincesAndTheDivisionsUnderOne() throws Exception {
        JsonNode provinces = ok("/api/v1/reference/regions");
        assertThat(provinces.size()).isEqualTo(34);
        assertThat(provinces.get(0).get("code").stringValue()).isEqualTo("110000");
        assertThat(provinces.get(0).get("name").stringValue()).isEqualTo("北京市");
        assertThat(provinces.get(0).has("parentCode")).isFalse();

        JsonNode jiangsu = ok("/api/v1/reference/regions?parent=320000");
        assertThat(jiangsu.get(0).get("name").stringValue()).isEqualTo("南京市");
        assertThat(jiangsu.get(0).get("level").intValue()).isEqualTo(2);
    }

    @Test
    void showsARegionWithItsPath() throws Exception {
        JsonNode xuanwu = ok("/api/v1/reference/regions/320102");

        assertThat(xuanwu.get("name").stringValue()).isEqualTo("玄武区");
        assertThat(xuanwu.get("path").valueStream().map(step -> step.get("name").stringValue()))
                .containsExactly("江苏省", "南京市", "玄武区");
    }

    @Test
    void anUnknownCodeIsAProblemWithAKeyInTheCallersLanguage() throws Exception {
        HttpResponse<String> zh = get("/api/v1/reference/regions/999999", "zh-CN");
        HttpResponse<String> en = get("/api/v1/reference/chains/XX", "en");

        assertThat(zh.statusCode()).isEqualTo(404);
        assertThat(zh.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(zh.body());
        assertThat(problem.get("key").stringValue()).isEqualTo("reference.region.not-found");
        assertThat(problem.get("detail").stringValue()).isEqualTo("没有代码为 999999 的行政区划。");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(en.body()).get("detail").stringValue())
                .isEqualTo("There is no industry chain with the code XX.");
        assertThat(get("/api/v1/reference/regions?parent=999999", "en").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/reference/industries/Q9", "en").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/reference/disciplines/Z", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void listsSectionsDivisionsOfASectionAndAllDivisions() throws Exception {
        JsonNode sections = ok("/api/v1/reference/industries");
        assertThat(sections.size()).isEqualTo(20);
        assertThat(sections.get(2).get("code").stringValue()).isEqualTo("C");
        assertThat(sections.get(2).get("nameEn").stringValue()).isEqualTo("Manufacturing");
        assertThat(sections.get(2).get("level").stringValue()).isEqualTo("SECTION");

        assertThat(ok("/api/v1/reference/industries?parent=C&level=division").size())
                .isEqualTo(31);
        assertThat(ok("/api/v1/reference/industries?level=1").size()).isEqualTo(97);

        JsonNode division = ok("/api/v1/reference/industries/39");
        assertThat(division.get("name").stringValue()).isEqualTo("计算机、通信和其他电子设备制造业");
        assertThat(division.get("parentCode").stringValue()).isEqualTo("C");
    }

    @Test
    void anUnknownLevelIsABadRequestNamingTheParameter() throws Exception {
        HttpResponse<String> response = get("/api/v1/reference/industries?level=sector", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("key").stringValue()).isEqualTo("reference.industry.level.unknown");
        assertThat(problem.get("field").stringValue()).isEqualTo("level");
    }

    @Test
    void listsTheDepartmentsAndTheStrategicEmergingIndustries() throws Exception {
        JsonNode departments = ok("/api/v1/reference/disciplines");
        assertThat(departments.valueStream().map(d -> d.get("code").stringValue()))
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
        assertThat(departments.get(5).get("name").stringValue()).isEqualTo("信息科学部");

        JsonNode strategic = ok("/api/v1/reference/strategic-industries");
        assertThat(strategic.size()).isEqualTo(9);
        assertThat(strategic.get(4).get("name").stringValue()).isEqualTo("新能源汽车产业");
        assertThat(strategic.get(4).get("nameEn").stringValue()).isEqualTo("New energy vehicles");
    }

    @Test
    void showsAChainsNodesByStageWithTheirIndustries() throws Exception {
        JsonNode chains = ok("/api/v1/reference/chains");
        assertThat(chains.size()).isEqualTo(8);
        assertThat(chains.get(0).get("code").stringValue()).isEqualTo("IC");
        assertThat(chains.get(0).get("nodeCount").intValue()).isEqualTo(10);

        JsonNode ic = ok("/api/v1/reference/chains/ic");
        assertThat(ic.get("nameEn").stringValue()).isEqualTo("Integrated circuits");
        assertThat(ic.get("stages").valueStream().map(s -> s.get("stage").stringValue()))
                .containsExactly("UPSTREAM", "MIDSTREAM", "DOWNSTREAM");
        JsonNode design = ic.get("stages").get(1).get("nodes").get(0);
        assertThat(design.get("code").stringValue()).isEqualTo("IC-MID-DESIGN");
        assertThat(design.get("name").stringValue()).isEqualTo("芯片设计");
        assertThat(design.get("industries").get(0).get("code").stringValue()).isEqualTo("6520");
    }

    @Test
    void theOpenApiDocumentDescribesTheReferenceEndpoints() throws Exception {
        JsonNode paths = ok("/v3/api-docs").get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/reference/regions",
                        "/api/v1/reference/regions/{code}",
                        "/api/v1/reference/industries",
                        "/api/v1/reference/chains/{code}",
                        "/api/v1/reference/taxonomies/industries/imports",
                        "/api/v1/reference/taxonomies/disciplines/imports");
    }

    private JsonNode ok(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "zh-CN");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept-Language", language)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
