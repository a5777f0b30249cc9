package org.kechuang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The match panel and the demand form's preview in a real headless Chromium: htmx loads the panel on a demand page,
 * the owner declines a proposal from it (an htmx POST carrying the CSRF token), and typing a demand's title shows
 * what the platform would propose.
 */
@IntegrationTest
class MatchingBrowserIT {

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
            Path target = Path.of("target", "screenshots", "matching-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private static long publish(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        author.post(path + "/" + id + "/submit", Map.of());
        return id;
    }

    @Test
    void theDemandPageLoadsItsPanelTheOwnerDeclinesFromItAndTheFormPreviewsAsOneTypes() {
        String topic =
                "蓝藻" + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 4);
        WebUser enterprise = new WebUser(port).withToken("enterprise", "kechuang-demo");
        Map<String, Object> demandBody = new LinkedHashMap<>();
        demandBody.put("title", topic + "湖泊水华监测需求");
        demandBody.put("background", "湖泊" + topic + "水华频发，需要在线监测与预警技术。");
        long demand = publish(enterprise, "/api/v1/demands", demandBody);
        Map<String, Object> achievementBody = new LinkedHashMap<>();
        achievementBody.put("title", topic + "水华在线监测预警系统");
        achievementBody.put("description", "湖泊" + topic + "水华的在线监测与预警，基于浮标光谱传感。");
        achievementBody.put("keywords", List.of(topic, "水华", "在线监测"));
        long achievement = publish(
                new WebUser(port).withToken("expert", "kechuang-demo"), "/api/v1/achievements", achievementBody);
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> enterprise
                                .get("/api/v1/demands/" + demand + "/matches")
                                .body(),
                        body -> body.contains("\"id\":" + achievement + ","));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("enterprise");
        browser.findElement(By.id("password")).sendKeys("kechuang-demo");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        browser.get("http://localhost:" + port + "/demands/" + demand);
        By proposed = By.cssSelector("#match-panel li.match-result[data-id='" + achievement + "']");
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(proposed));
        assertThat(result.findElement(By.cssSelector("a.match-title")).getText())
                .isEqualTo(topic + "水华在线监测预警系统");
        assertThat(result.findElements(By.cssSelector(".match-reason-concepts .chip")))
                .extracting(WebElement::getText)
                .isNotEmpty()
                .allSatisfy(chip -> assertThat(demandBody.get("title") + "" + demandBody.get("background"))
                        .contains(chip));

        new Select(result.findElement(By.cssSelector("select[name=reason]"))).selectByValue("ALREADY_KNOWN");
        result.findElement(By.cssSelector("button.match-decline")).click();
        wait.until(driver -> Browser.hasLeftThePage(result));
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> enterprise
                                .get("/api/v1/demands/" + demand + "/matches?limit=50")
                                .body(),
                        body -> body.contains("\"code\":\"declined\""));
        assertThat(browser.findElements(By.id("match-error"))).isEmpty();

        browser.get("http://localhost:" + port + "/demands/new");
        browser.findElement(By.id("title")).sendKeys(topic + "水华预警");
        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#match-preview li.match-result[data-id='" + achievement + "']")));
        assertThat(preview.findElement(By.cssSelector("a.match-title")).getAttribute("href"))
                .endsWith("/achievements/" + achievement);
    }
}
