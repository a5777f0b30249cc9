package org.kechuang.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real headless Chromium: a search saved from the results page is listed, and a brief draws its charts. */
@IntegrationTest
class KnowledgeBrowserIT {

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
            Path target = Path.of("target", "screenshots", "knowledge-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void aSearchSavedFromTheResultsPageIsListedAndABriefDrawsItsCharts() {
        String words = "焊接" + UUID.randomUUID().toString().substring(0, 6);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("kechuang-demo");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        browser.get("http://localhost:" + port + "/search?type=demand&q=" + words);
        browser.findElement(By.cssSelector("#save-search summary")).click();
        browser.findElement(By.id("save-search-notify")).click();
        new Select(browser.findElement(By.id("save-search-digest"))).selectByValue("WEEKLY");
        browser.findElement(By.cssSelector("#save-search-form button[type=submit]"))
                .click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-searches")));
        var saved = browser.findElement(By.cssSelector("#saved-searches li:first-child"));
        assertThat(saved.findElement(By.cssSelector(".saved-search-run")).getText())
                .isEqualTo(words);
        assertThat(saved.findElement(By.cssSelector("input[name=notify]")).isSelected())
                .isTrue();
        assertThat(new Select(saved.findElement(By.cssSelector("select[name=digest]")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("WEEKLY");
        assertThat(saved.findElement(By.cssSelector(".saved-search-run")).getAttribute("href"))
                .contains("/search?q=")
                .contains("type=demand");

        browser.get("http://localhost:" + port + "/briefs?chain=IC&period=365");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#brief-topics-chart.drawn svg")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#brief-breakdown-chart.drawn svg")));
        assertThat(browser.findElements(
                        By.cssSelector("#brief-breakdown-chart svg rect, #brief-breakdown-chart svg path")))
                .isNotEmpty();
    }
}
