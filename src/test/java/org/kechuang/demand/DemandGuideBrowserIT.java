package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guided demand form in a real headless Chromium: an enterprise walks the five steps, is stopped by a field error,
 * fixes it, watches the completeness meter rise as htmx rescores the form while they type, and submits.
 */
@IntegrationTest
class DemandGuideBrowserIT {

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path target = Path.of("target", "screenshots", "demand-guide-last-page.png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    private int score() {
        return Integer.parseInt(browser.findElement(By.id("completeness-score")).getText());
    }

    /** Waits for htmx to swap in a meter showing more than the given score; returns the new one. */
    private int scoreAbove(int before) {
        wait.until(driver -> {
            try {
                return score() > before;
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
        return score();
    }

    private String currentStep() {
        return browser.findElement(By.cssSelector("#guide-steps li[aria-current=step]"))
                .getText();
    }

    private void next() {
        Browser.clickAndAwaitNextPage(browser, wait, By.id("guide-next"));
    }

    @Test
    void anEnterpriseWalksTheStepsFixesAFieldErrorWatchesTheScoreRiseAndSubmits() {
        String title = "向导浏览器 " + UUID.randomUUID().toString().substring(0, 8);
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("enterprise");
        browser.findElement(By.id("password")).sendKeys("kechuang-demo");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));

        browser.get("http://localhost:" + port + "/demands/new");
        assertThat(currentStep()).isEqualTo("问题与背景");
        assertThat(browser.findElements(By.cssSelector("#demand-guide #match-preview")))
                .hasSize(1);
        assertThat(score()).isZero();
        browser.findElement(By.id("title")).sendKeys(title);
        next();

        assertThat(currentStep()).isEqualTo("问题与背景");
        WebElement error = browser.findElement(By.id("background-error"));
        assertThat(error.getText()).isEqualTo("请填写需求背景。");
        assertThat(browser.findElement(By.id("background")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);

        browser.findElement(By.id("background"))
                .sendKeys("本公司为汽车零部件压铸企业，现有三条压铸线，铝合金壳体气孔率偏高导致返修率约 6%。"
                        + "已尝试调整模温、真空度和浇注速度，气孔率仅下降一成；缺少在线检测手段，只能靠抽检发现问题，"
                        + "希望引入外部技术在线识别气孔缺陷并反馈工艺参数。");
        int withBackground = scoreAbove(0);
        assertThat(withBackground).isEqualTo(DemandCompleteness.BACKGROUND);
        next();

        assertThat(currentStep()).isEqualTo("技术指标");
        assertThat(browser.findElements(By.id("background-error"))).isEmpty();
        browser.findElement(By.id("targetIndicators")).sendKeys("良品率 >= 99.5 %");
        int withIndicator = scoreAbove(withBackground);
        assertThat(withIndicator).isEqualTo(withBackground + DemandCompleteness.INDICATORS);
        assertThat(browser.findElements(By.cssSelector("#completeness-suggestions li[data-field=targetIndicators]")))
                .isEmpty();
        next();

        assertThat(currentStep()).isEqualTo("场景与产业链");
        browser.findElement(By.id("applicationScenario")).sendKeys("汽车零部件压铸车间，连续三班生产");
        Select node = new Select(browser.findElement(By.id("chainNodeCode")));
        node.selectByIndex(1);
        int withScenario = scoreAbove(withIndicator);
        next();

        assertThat(currentStep()).isEqualTo("合作方式、预算与期限");
        browser.findElement(By.id("budgetMin")).sendKeys("50");
        browser.findElement(By.id("budgetMax")).sendKeys("200");
        browser.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                browser.findElement(By.id("deadline")),
                LocalDate.now().plusMonths(6).toString());
        int withBudget = scoreAbove(withScenario);
        next();

        assertThat(currentStep()).isEqualTo("联系方式与确认");
        assertThat(score()).isEqualTo(withBudget);
        assertThat(browser.findElement(By.id("guide-summary")).getText()).contains(title, "良品率 >= 99.5 %");
        browser.findElement(By.id("contactPerson")).sendKeys("王工");
        browser.findElement(By.id("guide-submit")).click();

        wait.until(ExpectedConditions.urlContains("?published"));
        assertThat(browser.findElement(By.id("demand-title")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("demand-status")).getText()).isEqualTo("已发布");
        assertThat(Integer.parseInt(
                        browser.findElement(By.id("completeness-score")).getText()))
                .isEqualTo(withBudget);
    }
}
