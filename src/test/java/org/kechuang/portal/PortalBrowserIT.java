package org.kechuang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.HomeFigure;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal in a real headless Chromium, as the operator uses it. */
@IntegrationTest
class PortalBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    List<HomeFigure> figures;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            screenshot("last-page.png");
            browser.quit();
        }
    }

    @Test
    void operatorSignsInSwitchesToEnglishAndSeesTheLiveCounts() throws Exception {
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("技术难题");

        browser.findElement(By.id("sign-in-link")).click();
        browser.findElement(By.name("username")).sendKeys("operator");
        browser.findElement(By.name("password")).sendKeys("kechuang-demo");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        assertThat(new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-name")))
                        .getText())
                .isEqualTo("operator");
        browser.get(url("/"));
        assertThat(shownCounts()).isEqualTo(databaseCounts()).isNotEmpty();
        assertThat(databaseCounts().values()).anyMatch(count -> count > 0);

        browser.findElement(By.id("lang-en")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("technical problems");
        assertThat(browser.findElement(By.cssSelector(".user-name")).getText()).isEqualTo("operator");
        assertThat(shownCounts()).isEqualTo(databaseCounts());
        screenshot("home-operator-en.png");

        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("the choice is remembered")
                .isEqualTo("en");
    }

    private Map<String, Long> shownCounts() {
        return browser.findElements(By.cssSelector(".figure")).stream()
                .collect(Collectors.toMap(
                        (WebElement figure) -> figure.getDomAttribute("data-figure"),
                        figure -> Long.parseLong(figure.findElement(By.cssSelector(".figure-count"))
                                .getText()
                                .replace(",", ""))));
    }

    private Map<String, Long> databaseCounts() {
        return figures.stream().collect(Collectors.toMap(HomeFigure::messageKey, HomeFigure::count));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
