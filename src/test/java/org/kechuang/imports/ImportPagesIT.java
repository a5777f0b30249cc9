package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kechuang.support.WebUser.html;
import static org.kechuang.support.WebUser.location;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ImportPagesIT {

    @LocalServerPort
    int port;

    private WebUser signedIn(String username) {
        return new WebUser(port).signedIn(username, ImportApiIT.PASSWORD);
    }

    @Test
    void aStationAdminUploadsWatchesTheProgressAndReadsTheRefusedRowsInTheirLanguage() {
        WebUser admin = signedIn("station-admin");
        admin.get("/imports?lang=en");
        String p = "page-" + ImportApiIT.unique();
        byte[] csv = ("来源编号,成果名称,成果摘要\n" + p + "-1,页面导入,摘要\n" + p + "-2,,摘要\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> uploaded = admin.submit(
                "/imports", "import-form", Map.of("type", "achievement", "station", "cmes"), "page.csv", csv);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String batchPath = location(uploaded).replaceFirst("^https?://[^/]+", "");
        assertThat(batchPath).matches("/imports/\\d+");
        Document[] progress = new Document[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            progress[0] = html(admin.get(batchPath + "/progress"));
            return progress[0].selectFirst("#progress[hx-get]") == null;
        });
        assertThat(progress[0].selectFirst("progress").attr("value")).isEqualTo("100");
        assertThat(progress[0].select("#import-row-errors tbody tr"))
                .singleElement()
                .satisfies(row ->
                        assertThat(row.text()).isEqualTo("3 " + p + "-2 Title The required value \"成果名称\" is empty."));
        Document page = html(admin.get(batchPath));
        assertThat(page.selectFirst("h2").text()).isEqualTo("Completed");
        assertThat(html(admin.get("/imports")).select("#recent-batches a").eachText())
                .contains("page.csv");
    }

    @Test
    void aRunningBatchPollsItsProgressFragment() {
        WebUser admin = signedIn("station-admin");
        StringBuilder csv = new StringBuilder("来源编号,成果名称,成果摘要\n");
        String p = "poll-" + ImportApiIT.unique();
        for (int i = 0; i < 3000; i++) {
            csv.append(p).append('-').append(i).append(",轮询成果 ").append(i).append(",摘要\n");
        }

        HttpResponse<String> uploaded = admin.submit(
                "/imports",
                "import-form",
                Map.of("type", "achievement", "station", "cmes"),
                "poll.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        Document page = html(admin.get(location(uploaded).replaceFirst("^https?://[^/]+", "")));

        assertThat(page.selectFirst("#progress").attr("hx-get"))
                .satisfiesAnyOf(
                        polling -> assertThat(polling).endsWith("/progress"),
                        finished -> assertThat(page.selectFirst("h2").text()).isEqualTo("已完成"));
    }

    @Test
    void anUnreadableFileIsShownOnTheFormAndMembersHaveNoImportPage() {
        WebUser admin = signedIn("station-admin");

        HttpResponse<String> refused = admin.submit(
                "/imports", "import-form", Map.of("type", "achievement", "station", "cmes"), "old.xls", new byte[] {
                    1, 2, 3
                });

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(html(refused).selectFirst("#import-error").text()).contains(".xls");
        assertThat(html(signedIn("enterprise").get("/")).select(".main-nav a").eachAttr("href"))
                .doesNotContain("/imports");
        assertThat(html(admin.get("/")).select(".main-nav a").eachAttr("href")).containsOnlyOnce("/imports");
        assertThat(signedIn("enterprise").get("/imports").statusCode()).isEqualTo(403);
    }
}
