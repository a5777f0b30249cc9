package org.kechuang.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench in a real headless Chromium: an enterprise signs in, follows the navigation to its workbench, and the
 * links of its panels lead to the recommended achievement and to its own demand.
 */
@IntegrationTest
class WorkbenchBrowserIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path target = Path.of("target", "screenshots", "workbench-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private String account(Role role) {
        String name = "wbb-" + role.name().toLowerCase() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(name, name + "@example.com", PASSWORD, "工作台 " + name, Set.of(role));
        return name;
    }

    private static long publish(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        author.post(path + "/" + id + "/submit", Map.of());
        return id;
    }

    @Test
    void theWorkbenchShowsTheDemandAndItsRecommendationAndTheirLinksLeadToThem() throws Exception {
        String topic =
                "赤潮" + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 4);
        String enterpriseName = account(Role.ENTERPRISE);
        WebUser enterprise = new WebUser(port).withToken(enterpriseName, PASSWORD);
        Map<String, Object> demandBody = new LinkedHashMap<>();
        demandBody.put("title", topic + "近海监测需求");
        demandBody.put("background", "近海" + topic + "频发，需要在线监测与预警技术。");
        long demand = publish(enterprise, "/api/v1/demands", demandBody);
        Map<String, Object> achievementBody = new LinkedHashMap<>();
        achievementBody.put("title", topic + "在线监测预警系统");
        achievementBody.put("description", "近海" + topic + "的在线监测与预警，基于浮标光谱传感。");
        achievementBody.put("keywords", List.of(topic, "在线监测"));
        long achievement = publish(
                new WebUser(port).withToken(account(Role.EXPERT), PASSWORD), "/api/v1/achievements", achievementBody);
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> enterprise.get("/api/v1/me/recommendations").body(),
                        body -> body.contains("\"id\":" + achievement + ","));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(enterpriseName);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        browser.findElement(By.cssSelector("nav a[href='/workbench']")).click();
        WebElement recommended = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-matching")));
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]"))
                        .getText())
                .isEqualTo("工作台");
        WebElement result = recommended.findElement(By.cssSelector(
                ".recommendation-group[data-id='" + demand + "'] li.match-result[data-id='" + achievement + "']"));
        assertThat(result.findElements(By.cssSelector(".match-reason"))).isNotEmpty();
        Path shown = Path.of("target", "screenshots", "workbench-page.png");
        Files.createDirectories(shown.getParent());
        Files.write(shown, browser.getScreenshotAs(OutputType.BYTES));
        result.findElement(By.cssSelector("a.match-title")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/achievements/" + achievement));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(topic + "在线监测预警系统");

        browser.navigate().back();
        WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#panel-demand tr[data-id='" + demand + "'] a")));
        mine.click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/demands/" + demand));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(topic + "近海监测需求");
    }
}
