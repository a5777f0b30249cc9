package org.kechuang.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
}
