package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real headless Chromium: a manager reaches the funnel from the navigation, the chart is drawn, a count leads to
 * as many records, and the figures page is one click away.
 */
@IntegrationTest
class OutcomesBrowserIT {

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
            Path target = Path.of("target", "screenshots", "outcomes-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void managerOpensTheFunnelSeesTheChartAndFollowsACountToItsRecords() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("kechuang-demo");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        browser.findElement(By.cssSelector(".main-nav a[href='/engagements/funnel']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-chart.drawn svg")));
        assertThat(browser.findElements(By.cssSelector("#funnel-chart svg path")))
                .isNotEmpty();
        Path shot = Path.of("target", "screenshots", "outcomes-funnel.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

        var demands = browser.findElement(By.cssSelector("tr[data-step=demands] a.funnel-count"));
        String count = demands.getText();
        demands.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records-total")));
        assertThat(browser.findElement(By.id("records-total")).getText()).contains(count);

        browser.findElement(By.cssSelector(".main-nav a[href='/engagements/figures']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures-open")));
        assertThat(browser.findElements(By.cssSelector("#figures-stages tbody tr")))
                .hasSize(5);
    }
}
