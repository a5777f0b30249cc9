package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Suggestions as one types, over the API and as the list under the search bar. */
@IntegrationTest
class SearchSuggestIT {

    private static final String PASSWORD = "kechuang-demo";
    private static final Duration SYNC = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private WebUser expert;
    private WebUser visitor;
    private String marker;

    @BeforeEach
    void setUp() {
        expert = new WebUser(port).withToken("expert", PASSWORD);
        visitor = new WebUser(port);
        marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void publishedTitlesAndKeywordsCompleteWhatIsTypedAndDraftsOnlyForTheirAuthor() {
        String published = "蜃楼谱仪" + marker + "校准装置";
        achievement(published, List.of("蜃楼谱仪" + marker), true);
        String draft = "蜃楼谱仪" + marker + "草稿";
        achievement(draft, List.of(), false);

        await().atMost(SYNC).until(() -> suggestions(visitor, "蜃楼谱仪" + marker).size() == 2);

        assertThat(suggestions(visitor, "蜃楼谱仪" + marker)).containsExactly("蜃楼谱仪" + marker, published);
        assertThat(suggestions(visitor, marker.substring(0, 6))).contains(published);
        assertThat(suggestions(visitor, "slpy" + marker)).containsExactly("蜃楼谱仪" + marker, published);
        assertThat(suggestions(visitor, "蜃樓譜儀" + marker)).containsExactly("蜃楼谱仪" + marker, published);
        await().atMost(SYNC).until(() -> suggestions(expert, "蜃楼谱仪" + marker).contains(draft));
        assertThat(suggestions(visitor, "蜃楼谱仪" + marker)).doesNotContain(draft);
    }

    @Test
    void theListUnderTheSearchBarLinksToTheResults() {
        String title = "蜃楼谱仪" + marker + "标定方法";
        achievement(title, List.of(), true);
        await().atMost(SYNC).until(() -> suggestions(visitor, marker).contains(title));

        Document list = WebUser.html(visitor.get("/search/suggestions?q=" + marker));

        assertThat(list.select("#site-search-completions a").eachText()).containsExactly(title);
        String href = list.selectFirst("#site-search-completions a").attr("href");
        assertThat(href).startsWith("/search?q=");
        assertThat(WebUser.html(visitor.get(href))
                        .select("#search-results h2 a")
                        .eachText())
                .containsExactly(title);
        assertThat(WebUser.html(visitor.get("/search/suggestions?q=" + marker + "zz"))
                        .select("#site-search-completions"))
                .isEmpty();
        Document home = WebUser.html(visitor.get("/"));
        assertThat(home.selectFirst("#site-search-q").attr("hx-get")).isEqualTo("/search/suggestions");
        assertThat(home.selectFirst("#site-search-q").attr("hx-target")).isEqualTo("#site-search-suggestions");
    }

    @Test
    void aTooLargeListIsRefused() {
        HttpResponse<String> refused = visitor.get("/api/v1/search/suggest?q=abc&size=21");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(WebUser.read(refused).get("key").asString()).isEqualTo("search.size.invalid");
    }

    private List<String> suggestions(WebUser user, String q) {
        HttpResponse<String> response = user.get(
                "/api/v1/search/suggest?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = WebUser.read(response);
        return body.get("suggestions").valueStream().map(JsonNode::asString).toList();
    }

    private void achievement(String title, List<String> keywords, boolean publish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "用于光谱仪器的现场校准。");
        body.put("keywords", keywords);
        HttpResponse<String> created = expert.post("/api/v1/achievements", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        if (publish) {
            HttpResponse<String> submitted = expert.post("/api/v1/achievements/" + id + "/submit", Map.of());
            assertThat(WebUser.read(submitted).get("status").asString())
                    .as(submitted.body())
                    .isEqualTo("PUBLISHED");
        }
    }
}
