package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.Stations;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A manager in a real headless Chromium moves an engagement from proposed to contracted through the pages: the board's
 * buttons for contacted and negotiating, then the contract form on the engagement's page, first refused for a missing
 * value (the error next to the field), then signed.
 */
@IntegrationTest
class EngagementBrowserIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path target = Path.of("target", "screenshots", "engagement-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private static long published(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        author.post(path + "/" + id + "/submit", Map.of());
        return id;
    }

    @Test
    void aManagerMovesAnEngagementFromProposedToContractedThroughThePages() throws Exception {
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", "浏览器对接需求 " + unique);
        demand.put("background", "锂电池极片涂布厚度不均，需要在线测厚与闭环控制技术。");
        demand.put("stationId", cmes);
        long demandId = published(new WebUser(port).withToken("enterprise", PASSWORD), "/api/v1/demands", demand);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("title", "浏览器对接成果 " + unique);
        achievement.put("description", "极片涂布的在线测厚与闭环控制。");
        achievement.put("trl", 7);
        achievement.put("stationId", cmes);
        long achievementId =
                published(new WebUser(port).withToken("expert", PASSWORD), "/api/v1/achievements", achievement);
        WebUser api = new WebUser(port).withToken("manager", PASSWORD);
        HttpResponse<String> started = api.post(
                "/api/v1/engagements",
                Map.of("demandId", demandId, "counterpartType", "achievement", "counterpartId", achievementId));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long id = WebUser.read(started).get("id").asLong();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        browser.get("http://localhost:" + port + "/engagements?q=" + demandId);
        By proposed = By.cssSelector("#column-proposed li.card[data-id='" + id + "']");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(proposed));
        assertThat(card.getText()).contains("浏览器对接需求 " + unique, "浏览器对接成果 " + unique);
        screenshot("engagement-board");
        card.findElement(By.cssSelector("button.move-next")).click();

        By contacted = By.cssSelector("#column-contacted li.card[data-id='" + id + "']");
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(contacted));
        assertThat(browser.findElement(By.id("moved-done")).isDisplayed()).isTrue();
        card.findElement(By.cssSelector("button.move-next")).click();

        By negotiating = By.cssSelector("#column-negotiating li.card[data-id='" + id + "']");
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(negotiating));
        // the contract needs its form: the card leads to it
        card.findElement(By.cssSelector("a.move-next")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contract-form")));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        new Select(form.findElement(By.id("contractType"))).selectByValue("DEVELOPMENT");
        // the browser's own check would stop an empty value; the server's message is what this test wants to see
        browser.executeScript("document.getElementById('contractValue').removeAttribute('required');");
        browser.executeScript("document.getElementById('signedOn').value = arguments[0];", today);
        form.findElement(By.id("registrationNumber")).sendKeys(today.substring(0, 4) + "-330106-000042");
        form.findElement(By.cssSelector("button.move-next")).click();

        WebElement valueError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contractValue-error")));
        assertThat(valueError.getText()).isEqualTo("签约须填写合同金额");
        assertThat(browser.findElement(By.id("registrationNumber")).getAttribute("value"))
                .isEqualTo(today.substring(0, 4) + "-330106-000042");
        screenshot("engagement-contract-errors");

        form = browser.findElement(By.id("contract-form"));
        form.findElement(By.id("contractValue")).sendKeys("1200000");
        form.findElement(By.cssSelector("button.move-next")).click();

        // the contract form sits on the engagement page, which shows the stage before and after the post:
        // wait for the new text, then read the element of the page that carries it
        wait.until(ExpectedConditions.textToBe(By.id("engagement-stage"), "已签约"));
        assertThat(browser.findElement(By.id("engagement-stage")).getText()).isEqualTo("已签约");
        assertThat(browser.findElement(By.id("engagement-registration")).getText())
                .isEqualTo(today.substring(0, 4) + "330106000042");
        assertThat(browser.findElement(By.cssSelector("#stage-bar [aria-current=step]"))
                        .getText())
                .contains("已签约");
        screenshot("engagement-contracted");

        JsonNode stored = WebUser.read(api.get("/api/v1/engagements/" + id));
        assertThat(stored.get("stage").asString()).isEqualTo("CONTRACTED");
        assertThat(stored.get("contract").get("type").asString()).isEqualTo("DEVELOPMENT");
        assertThat(stored.get("contract").get("value").decimalValue()).isEqualByComparingTo("1200000");
    }
}
