package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The content security policy must not break the pages that ship their own scripts and styles. */
@IntegrationTest
class SwaggerUiBrowserIT {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swaggerUiRendersTheApiUnderTheContentSecurityPolicy() {
        browser.get("http://127.0.0.1:" + port + "/swagger-ui/index.html");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(e -> e.getAttribute("data-path"))
                .contains("/api/v1/me", "/api/v1/auth/tokens");
        assertThat(violations()).isEmpty();
    }

    @Test
    void relaxesThePolicyOnlyForSwaggerUi() {
        WebClient client = new WebClient(port);
        assertThat(client.get("/swagger-ui/index.html").headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY);
        assertThat(client.get("/register").headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY)
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
    }

    @Test
    void portalPagesRunUnderTheContentSecurityPolicy() {
        browser.get("http://127.0.0.1:" + port + "/register");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
        assertThat(violations()).isEmpty();
    }

    private List<String> violations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }
}
