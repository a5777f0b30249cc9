package org.kechuang.reference;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The industry chains drawn with ECharts from the webjar, under the platform's content security policy. */
@IntegrationTest
class ChainChartBrowserIT {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsEachChainAsATreeOfItsStagesAndNodes() throws Exception {
        browser.get("http://localhost:" + port + "/reference");

        WebElement chart = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> driver.findElements(By.cssSelector("#chain-IC .chain-chart svg")).stream()
                        .findFirst()
                        .orElse(null));

        String drawn = chart.getText() + " " + chart.getDomProperty("textContent");
        assertThat(drawn).contains("集成电路").contains("上游").contains("下游");
        assertThat(browser.findElements(By.cssSelector(".chain-chart svg")))
                .as("one chart per chain")
                .hasSameSizeAs(browser.findElements(By.cssSelector("article.chain")));
        assertThat(browser.findElements(By.cssSelector("article.chain")).size()).isGreaterThanOrEqualTo(8);
        browser.executeScript("arguments[0].scrollIntoView()", chart);
        Path shot = Path.of("target", "screenshots", "reference-chain-IC.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
