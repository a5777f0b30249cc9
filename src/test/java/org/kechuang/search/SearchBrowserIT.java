package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The search bar in a real headless Chromium: suggestions appear while typing and lead to highlighted results. */
@IntegrationTest
class SearchBrowserIT {

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path target = Path.of("target", "screenshots", "search-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void typingInTheSearchBarSuggestsTitlesThatLeadToHighlightedResults() {
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String title = "蜃楼谱仪" + marker + "在线校准";
        WebUser operator = new WebUser(port).withToken("operator", "kechuang-demo");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "蜃楼谱仪的现场在线校准方法。");
        HttpResponse<String> created = operator.post("/api/v1/achievements", body);
        long id = WebUser.read(created).get("id").asLong();
        operator.post("/api/v1/achievements/" + id + "/submit", Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WebUser.read(operator.get("/api/v1/search/suggest?q=" + marker))
                                .get("suggestions")
                                .size()
                        == 1);

        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("site-search-q")).sendKeys(marker.substring(0, 7));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.findElement(By.id("site-search-q")).sendKeys(marker.substring(7));
        WebElement suggestion =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#site-search-completions a")));
        assertThat(suggestion.getText()).isEqualTo(title);

        suggestion.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-results")));
        assertThat(browser.findElement(By.cssSelector("#search-results h2 a")).getText())
                .isEqualTo(title);
        assertThat(browser.findElements(By.cssSelector("#search-results .search-snippet em")))
                .extracting(WebElement::getText)
                .contains("蜃楼谱仪");
        assertThat(browser.findElement(By.id("site-search-q")).getDomProperty("value"))
                .isEqualTo(title);
    }
}
