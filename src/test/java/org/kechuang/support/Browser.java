package org.kechuang.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}), started with no network chatter of
 * its own. On a machine without it the browser tests are skipped, unless {@code kechuang.require-browser=true} (as in
 * CI), where its absence fails them.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getProperty("kechuang.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("kechuang.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    public static ChromeDriver start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String missing = "Chromium or chromedriver missing (" + CHROMIUM + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver fonts-wqy-microhei";
            if (Boolean.getBoolean("kechuang.require-browser")) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,900",
                "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("kechuang-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Clicks what {@code target} finds and waits until the clicked element has left the page (the answer to a form's
     * POST replaced it). A page that was still settling may replace the element between finding and clicking (Chrome:
     * "does not belong to the document", or a stale reference): then it is found and clicked again, so a click always
     * lands on the page the user sees.
     */
    public static void clickAndAwaitNextPage(WebDriver browser, WebDriverWait wait, By target) {
        WebElement[] clicked = new WebElement[1];
        wait.until(driver -> {
            try {
                WebElement element = driver.findElement(target);
                element.click();
                clicked[0] = element;
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException replaced) {
                return false;
            } catch (WebDriverException replaced) {
                if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw replaced;
            }
        });
        wait.until(driver -> hasLeftThePage(clicked[0]));
    }

    /**
     * Whether the element is no longer part of the page. Selenium's {@code stalenessOf} expects a stale reference;
     * Chrome may instead answer that the node "does not belong to the document", which means the same.
     */
    public static boolean hasLeftThePage(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException gone) {
            if (String.valueOf(gone.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw gone;
        }
    }
}
