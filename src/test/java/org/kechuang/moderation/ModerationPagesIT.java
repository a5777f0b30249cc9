package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.html;
import static org.kechuang.support.WebUser.location;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operator's queue page over real HTTP with a signed-in browser session. */
@IntegrationTest
class ModerationPagesIT {

    static final String PASSWORD = "kechuang-demo";
    static final String PAGE = "/operator/moderation";

    @LocalServerPort
    int port;

    @Autowired
    ContentScreen screen;

    @Autowired
    ModerationQueue queue;

    long hold(String description) {
        long record = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "碳纤维自行车架成型工艺");
        fields.put("description", description);
        assertThat(screen.screen("achievement", record, null, fields).held()).isTrue();
        return queue.pendingFor("achievement", record).orElseThrow().itemId();
    }

    /** The queue page that lists the item: pending items are listed oldest first, so the page is searched for. */
    String pathTo(WebUser operator, long item) {
        for (int page = 1; page <= 200; page++) {
            if (html(operator.get(PAGE + "?page=" + page)).getElementById("item-" + item) != null) {
                return PAGE + "?page=" + page;
            }
        }
        throw new AssertionError("item " + item + " is not on the moderation pages");
    }

    @Test
    void anOperatorSeesTheMatchedTextMarkedAndEverythingElseEscaped() {
        long item = hold("<script>alert('x')</script><img src=x onerror=alert(1)> 轻量化车架，星空体育官网入口网站");
        WebUser operator = new WebUser(port).signedIn("operator", PASSWORD);

        Document page = html(operator.get(pathTo(operator, item)));

        Element article = page.getElementById("item-" + item);
        assertThat(article.select("mark").eachText()).containsExactly("星空体育官网入口网站");
        assertThat(article.selectFirst("mark").hasClass("finding-gambling")).isTrue();
        assertThat(article.select("script, img")).isEmpty();
        assertThat(article.select("dd.field-text").text()).contains("<script>alert('x')</script>");
        assertThat(article.select(".finding .matched").eachText()).containsExactly("星空体育官网入口网站");
        assertThat(article.select(".finding").text()).contains("赌博", "description");
        assertThat(article.select("form.release")).hasSize(1);
        assertThat(article.select("form.reject textarea[name=reason][required]"))
                .hasSize(1);
        assertThat(page.select(".main-nav a[href='/operator/moderation']")).hasSize(1);
    }

    @Test
    void anOperatorReleasesAnItemFromThePage() {
        long item = hold("百家乐在线");
        WebUser operator = new WebUser(port).signedIn("operator", PASSWORD);

        HttpResponse<String> released =
                operator.submit(pathTo(operator, item), "#item-" + item + " form.release", Map.of());

        assertThat(released.statusCode()).isEqualTo(302);
        assertThat(location(released)).contains(PAGE);
        Document after = html(operator.get(location(released).replaceFirst("^https?://[^/]+", "")));
        assertThat(after.getElementById("notice").text()).contains("已放行");
        assertThat(after.getElementById("item-" + item)).isNull();
        Document releasedList = html(operator.get(PAGE + "?status=released"));
        assertThat(releasedList.select("#statuses a[aria-current=page]").text()).isEqualTo("已放行");
    }

    @Test
    void aRejectionWithoutReasonIsRefusedNextToTheReasonFieldAndWithAReasonItIsDone() {
        long item = hold("专业代开发票");
        WebUser operator = new WebUser(port).signedIn("operator", PASSWORD);
        String path = pathTo(operator, item);

        HttpResponse<String> refused = operator.submit(path, "#item-" + item + " form.reject", Map.of("reason", "   "));
        Document shown = html(operator.get(location(refused).replaceFirst("^https?://[^/]+", "")));

        Element error = shown.getElementById("reason-error-" + item);
        assertThat(error).isNotNull();
        assertThat(error.text()).contains("请填写退回理由");
        assertThat(shown.getElementById("reason-" + item).attr("aria-invalid")).isEqualTo("true");
        assertThat(queue.pendingFor("achievement", itemRecord(item))).isPresent();

        HttpResponse<String> rejected =
                operator.submit(path, "#item-" + item + " form.reject", Map.of("reason", "含代开发票广告"));
        Document after = html(operator.get(location(rejected).replaceFirst("^https?://[^/]+", "")));

        assertThat(after.getElementById("notice").text()).contains("已退回");
        Element decided = html(operator.get(PAGE + "?status=rejected")).getElementById("item-" + item);
        assertThat(decided).isNotNull();
        assertThat(decided.select(".reason").text()).contains("含代开发票广告");
        assertThat(decided.select(".decided").text()).contains("operator");
        assertThat(decided.select("form")).isEmpty();
    }

    @Test
    void thePageSpeaksEnglish() {
        hold("六合彩");
        WebUser operator = new WebUser(port).signedIn("operator", PASSWORD).inEnglish();

        Document page = html(operator.get(PAGE + "?lang=en"));

        assertThat(page.select("h1").text()).isEqualTo("Moderation");
        assertThat(page.getElementById("total").text()).endsWith("pending");
    }

    @Test
    void otherRolesAreRefusedAndVisitorsSentToSignIn() {
        for (String username : List.of("enterprise", "expert", "manager", "reviewer", "station-admin")) {
            WebUser user = new WebUser(port).signedIn(username, PASSWORD);
            HttpResponse<String> page = user.get(PAGE);
            assertThat(page.statusCode()).as(username).isEqualTo(403);
            assertThat(html(user.get("/")).select(".main-nav a[href='/operator/moderation']"))
                    .as(username)
                    .isEmpty();
        }
        HttpResponse<String> visitor = new WebUser(port).get(PAGE);
        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(location(visitor)).contains("/login");
    }

    @Test
    void otherRolesCannotDecideThroughTheFormEndpoints() {
        long item = hold("刷单兼职");
        WebUser enterprise = new WebUser(port).signedIn("enterprise", PASSWORD);
        WebUser operator = new WebUser(port).signedIn("operator", PASSWORD);

        // a real form post with the member's own CSRF token, taken from the sign-out form of their profile page
        HttpResponse<String> attempt =
                enterprise.submitTo("/profile", "form[action$='/logout']", PAGE + "/" + item + "/release", Map.of());

        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(html(operator.get(pathTo(operator, item))).getElementById("item-" + item))
                .isNotNull();
    }

    long itemRecord(long item) {
        return Long.parseLong(new WebUser(port)
                .withToken("operator", PASSWORD)
                .get("/api/v1/moderation/items/" + item)
                .body()
                .replaceAll(".*\"recordId\":(\\d+).*", "$1"));
    }
}
