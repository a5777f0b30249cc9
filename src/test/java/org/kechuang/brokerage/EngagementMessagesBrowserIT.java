package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.organization.Stations;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The messages panel in a real headless Chromium: htmx posts a message with a file (multipart, with the CSRF token)
 * and swaps the panel in place; a refused text is marked at its field; the panel reloads by an htmx GET.
 */
@IntegrationTest
class EngagementMessagesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

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
            Path target = Path.of("target", "screenshots", "engagement-messages.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void aPartyWritesWithAFileAndThePanelIsSwappedInPlace() throws Exception {
        EngagementFixtures fixtures = new EngagementFixtures(
                port, accounts, stations.findByCode("cmes").orElseThrow().id());
        EngagementFixtures.Case e = fixtures.engagement(false);
        Path file = Files.createTempDirectory("kechuang-upload").resolve("样件检测报告.pdf");
        Files.write(file, EngagementFixtures.pdf());

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(e.enterprise().username());
        browser.findElement(By.id("password")).sendKeys(EngagementFixtures.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        String page = "http://localhost:" + port + "/engagements/" + e.id() + "/messages";
        browser.get(page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("engagement-messages-none")));
        browser.findElement(By.id("message-text")).sendKeys("样件检测报告见附件，请查收。");
        browser.findElement(By.id("message-file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("message-send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#message-thread .message-text"), "样件检测报告见附件，请查收。"));
        assertThat(browser.getCurrentUrl())
                .as("swapped in place, no navigation")
                .isEqualTo(page);
        assertThat(browser.findElement(By.cssSelector("a.message-attachment")).getText())
                .isEqualTo("样件检测报告.pdf");
        assertThat(browser.findElements(By.id("engagement-messages"))).hasSize(1);
        assertThat(WebUser.read(fixtures.as("manager").get("/api/v1/engagements/" + e.id() + "/messages"))
                        .get(0)
                        .get("attachments")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("样件检测报告.pdf");

        browser.findElement(By.id("message-text")).sendKeys("<b>加粗</b>");
        browser.findElement(By.id("message-send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-text-error")));
        assertThat(browser.findElement(By.id("message-text")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#message-thread .message")))
                .hasSize(1);

        // what the engagement page does: load the panel by an htmx GET into its place
        browser.executeScript("document.getElementById('engagement-messages').outerHTML ="
                + " '<section id=\"engagement-messages\"></section>';"
                + " htmx.ajax('GET', '/engagements/" + e.id() + "/messages',"
                + " {target: '#engagement-messages', swap: 'outerHTML'});");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#engagement-messages #message-thread")));
        assertThat(browser.findElements(By.cssSelector("header.site-header"))).hasSize(1);
    }
}
