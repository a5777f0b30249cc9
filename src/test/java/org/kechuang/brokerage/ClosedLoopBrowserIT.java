package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.reference.IndustryChain;
import org.kechuang.reference.IndustryChains;
import org.kechuang.support.Browser;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The closed loop end to end in a real headless Chromium, each person in their own signed-in session, with the mails
 * delivered over real SMTP to GreenMail: an enterprise posts a thin demand through the guide; triage gives it to the
 * technology manager covering its chain, who asks a question; the enterprise answers through the guide and submits it
 * again; the manager finishes the diagnosis, starts an engagement with the expert's achievement and moves it through
 * contact, negotiation, a contract with its registration number and delivery; both sides rate it; the manager records
 * the measured result; the operator releases the proposed case, which the public then finds in the case library with
 * the result as a figure. The engagement's audit trail names every transition and who made it.
 */
@IntegrationTest
class ClosedLoopBrowserIT {

    private static final String PASSWORD = "kechuang-demo";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ManagerCoverages coverages;

    @Autowired
    IndustryChains chains;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcClient jdbc;

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
            screenshot("last-page");
            browser.quit();
        }
    }

    @Test
    void aThinDemandIsDiagnosedBrokeredToAContractEvaluatedAndEndsAsAPublicCaseWithTheMailsSent() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String title = "压铸件气孔在线检测需求 KC" + unique;
        Account enterprise = account("enterprise");
        Account expert = account("expert");
        Account manager = account("manager");
        Account operator = account("operator");
        String chainNode = nodeCoveredOnlyBy(manager);
        long achievementId = publishedAchievement(unique);

        // 1. the enterprise posts a thin demand through the guide: no indicators, no budget
        signIn("enterprise");
        browser.get(url("/demands/new"));
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("background")).sendKeys("压铸件 KC" + unique + " 气孔多，返修率高，想找在线检测办法。");
        next();
        assertThat(currentStep()).isEqualTo("技术指标");
        next();
        assertThat(currentStep()).isEqualTo("场景与产业链");
        new Select(browser.findElement(By.id("chainNodeCode"))).selectByValue(chainNode);
        browser.findElement(By.id("regionCode")).sendKeys("110101");
        next();
        assertThat(currentStep()).isEqualTo("合作方式、预算与期限");
        assertThat(browser.findElement(By.id("budgetMin")).getAttribute("value"))
                .isEmpty();
        next();
        assertThat(currentStep()).isEqualTo("联系方式与确认");
        browser.findElement(By.id("contactPerson")).sendKeys("王工");
        screenshot("loop-1-guide-confirm");
        browser.findElement(By.id("guide-submit")).click();
        wait.until(ExpectedConditions.urlContains("?published"));
        long demandId = idIn(browser.getCurrentUrl(), "/demands/");
        assertThat(browser.findElement(By.id("demand-title")).getText()).isEqualTo(title);
        int thinScore = Integer.parseInt(
                browser.findElement(By.id("completeness-score")).getText());
        assertThat(thinScore).isLessThan(60);
        screenshot("loop-1-demand-published");

        // 2. triage gives it to the manager covering its chain, who asks a question
        long chosen = await().atMost(Duration.ofSeconds(30))
                .until(() -> assignedManager(demandId), Optional::isPresent)
                .orElseThrow();
        assertThat(chosen).as("the manager covering the demand's chain").isEqualTo(manager.id());
        signIn("manager");
        browser.get(url("/engagements/diagnoses"));
        By diagnosis = By.cssSelector("#diagnoses li[data-demand='" + demandId + "']");
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(diagnosis));
        assertThat(item.getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(item.getText()).contains(title, "完整度不足", "完整度 " + thinScore);
        String question = "气孔要求检出到多大尺寸？预算大约多少？";
        item.findElement(By.id("questions-" + demandId)).sendKeys(question);
        screenshot("loop-2-diagnosis-question");
        item.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("diagnosis-done"), "已向发布者提问，需求已退回发布者修改。"));
        assertThat(browser.findElement(diagnosis).getAttribute("data-status")).isEqualTo("QUESTIONED");

        // the enterprise reads the question on its demand and answers through the guide
        signIn("enterprise");
        browser.get(url("/demands/" + demandId));
        assertThat(browser.findElement(By.id("return-questions")).getText()).contains(question);
        screenshot("loop-2-demand-questions");
        browser.findElement(By.id("edit-demand")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-guide")));
        assertThat(browser.findElement(By.id("return-questions")).getText()).contains(question);
        next();
        assertThat(currentStep()).isEqualTo("技术指标");
        browser.findElement(By.id("targetIndicators")).sendKeys("气孔检出率 >= 99 %");
        next();
        next();
        assertThat(currentStep()).isEqualTo("合作方式、预算与期限");
        browser.findElement(By.id("budgetMin")).sendKeys("30");
        browser.findElement(By.id("budgetMax")).sendKeys("80");
        next();
        assertThat(currentStep()).isEqualTo("联系方式与确认");
        assertThat(browser.findElement(By.id("guide-summary")).getText()).contains("气孔检出率 >= 99 %", "30 – 80");
        browser.findElement(By.id("guide-submit")).click();
        wait.until(ExpectedConditions.urlContains("?published"));
        assertThat(Integer.parseInt(
                        browser.findElement(By.id("completeness-score")).getText()))
                .isGreaterThan(thinScore);
        assertThat(browser.findElement(By.id("demand-budget")).getText()).contains("30", "80");

        // the answered demand is open for the manager again, who finishes the diagnosis
        signIn("manager");
        WebElement reopened = reloadUntil(
                "/engagements/diagnoses",
                By.cssSelector("#diagnoses li[data-demand='" + demandId + "'][data-status=OPEN]"),
                null);
        screenshot("loop-2-diagnosis-answered");
        reopened.findElement(By.cssSelector("form.inline-form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("diagnosis-done"), "诊断已完成。"));
        assertThat(jdbc.sql("select status from demand_assignment where demand_id = :id")
                        .param("id", demandId)
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");

        // 3. the manager starts the engagement with the expert's achievement: from the match panel if it proposes it
        long engagementId = startEngagement(demandId, achievementId);
        assertThat(browser.findElement(By.id("engagement-stage")).getText()).isEqualTo("已推荐");
        assertThat(browser.findElement(By.id("engagement-demand-party")).getText())
                .isEqualTo(enterprise.displayName());
        assertThat(browser.findElement(By.id("engagement-counterpart-party")).getText())
                .isEqualTo(expert.displayName());

        browser.get(url("/engagements?q=" + demandId));
        moveOnBoard(engagementId, "proposed", "contacted");
        screenshot("loop-3-board-contacted");
        moveOnBoard(engagementId, "contacted", "negotiating");
        browser.findElement(cardIn("negotiating", engagementId))
                .findElement(By.cssSelector("a.move-next"))
                .click();
        WebElement contract = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contract-form")));
        LocalDate today = LocalDate.now(CHINA);
        String registration = today.getYear() + "110108000123";
        new Select(contract.findElement(By.id("contractType"))).selectByValue("DEVELOPMENT");
        contract.findElement(By.id("contractValue")).sendKeys("860000");
        browser.executeScript("document.getElementById('signedOn').value = arguments[0];", today.toString());
        contract.findElement(By.id("registrationNumber")).sendKeys(registration);
        screenshot("loop-3-contract-form");
        contract.findElement(By.cssSelector("button.move-next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("engagement-stage"), "已签约"));
        assertThat(browser.findElement(By.id("engagement-registration")).getText())
                .isEqualTo(registration);
        screenshot("loop-3-contracted");
        browser.get(url("/engagements?q=" + demandId));
        moveOnBoard(engagementId, "contracted", "delivering");

        // 4. each side rates the outcome on the engagement's page
        signIn("enterprise");
        rate(engagementId, "demand", "5", "在线检测已上线 返修明显减少");
        signIn("expert");
        rate(engagementId, "counterpart", "4", "企业配合良好");
        screenshot("loop-4-rated");

        // 5. the manager records the measured result and evaluates
        signIn("manager");
        browser.get(url("/engagements/" + engagementId));
        WebElement evaluation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluation-form")));
        assertThat(browser.findElement(By.id("engagement-outcome")).getText()).contains("5 分", "4 分");
        evaluation.findElement(By.id("indicator-0")).sendKeys("气孔检出率");
        evaluation.findElement(By.id("value-0")).sendKeys("99.2");
        evaluation.findElement(By.id("unit-0")).sendKeys("%");
        evaluation.findElement(By.id("resultsNote")).sendKeys("三条压铸线全部接入在线检测，返修率由 6% 降至 1.5%。");
        screenshot("loop-5-evaluation-form");
        evaluation.findElement(By.cssSelector("button.move-next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("engagement-stage"), "已评价"));
        assertThat(browser.findElement(By.id("engagement-results")).getText()).contains("气孔检出率 99.2 %");
        screenshot("loop-5-evaluated");

        // the audit trail names every transition and who made it, in order
        List<String> trail = browser.findElements(By.cssSelector("#audit tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .map(cells -> cells.get(1).getText() + " · " + cells.get(2).getText())
                .toList();
        assertThat(trail)
                .as("the audit trail in the order of the acts")
                .containsSubsequence(
                        manager.displayName() + " · 发起对接",
                        manager.displayName() + " · 推进到已联系",
                        manager.displayName() + " · 推进到洽谈中",
                        manager.displayName() + " · 签约",
                        manager.displayName() + " · 推进到实施中",
                        enterprise.displayName() + " · 评分",
                        expert.displayName() + " · 评分",
                        manager.displayName() + " · 完成评价");
        assertThat(browser.findElement(By.id("audit")).getText()).contains(registration, "气孔检出率");
        browser.executeScript("document.getElementById('audit').scrollIntoView();");
        screenshot("loop-5-audit");

        // 6. the proposed case waits for the operator, who releases it; then the public finds it with its figure
        long caseId = await().atMost(Duration.ofSeconds(30))
                .until(() -> proposedCase(engagementId), Optional::isPresent)
                .orElseThrow();
        browser.manage().deleteAllCookies();
        browser.get(url("/cases/" + caseId));
        assertThat(browser.findElements(By.id("case-title"))).isEmpty();
        signIn("operator");
        WebElement held = moderationItem(caseId);
        assertThat(held.getText()).contains(title);
        screenshot("loop-6-moderation");
        held.findElement(By.cssSelector("form.release button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));

        browser.manage().deleteAllCookies();
        WebElement listed =
                reloadUntil("/cases?q=KC" + unique, By.cssSelector("#cases a[href='/cases/" + caseId + "']"), null);
        assertThat(listed.getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("cases")).getText()).contains("气孔检出率 99.2");
        screenshot("loop-6-case-library");
        listed.click();
        wait.until(ExpectedConditions.textToBe(By.id("case-title"), title));
        WebElement figure = browser.findElement(By.cssSelector("#case-figures tbody tr"));
        assertThat(figure.getText()).contains("气孔检出率", "99.2", "%");
        assertThat(browser.findElement(By.id("case-achievement")).getText()).contains("KC" + unique);
        screenshot("loop-6-case");

        // 7. the parties were mailed what they must act on, each at their own address
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(bodies(expert, title))
                    .anySatisfy(body -> assertThat(body).contains("新的对接：" + title))
                    .anySatisfy(
                            body -> assertThat(body).contains("对接进展：" + title).contains("双方已建立联系，请准备洽谈。"))
                    .anySatisfy(body -> assertThat(body).contains("合同进入实施阶段；实施完成后请为成效评分。"));
            assertThat(bodies(enterprise, title))
                    .anySatisfy(body -> assertThat(body).contains("技术经理人将协助完善需求：" + title))
                    .anySatisfy(body ->
                            assertThat(body).contains("技术经理人对需求提出了问题：" + title).contains("/demands/" + demandId))
                    .anySatisfy(body -> assertThat(body).contains("新的对接：" + title))
                    .anySatisfy(body -> assertThat(body).contains("合同已签订，请按约实施。"))
                    .anySatisfy(body -> assertThat(body).contains("对接已完成评价"));
            assertThat(bodies(manager, title))
                    .anySatisfy(
                            body -> assertThat(body).contains("需求待诊断：" + title).contains("这条需求分派给您诊断"))
                    .anySatisfy(body -> assertThat(body).contains("发布者已修改需求并重新发布，请继续诊断。"))
                    .anySatisfy(body -> assertThat(body).contains("对接成效已评分：" + title));
        });
        assertThat(bodies(expert, title))
                .allSatisfy(body ->
                        assertThat(body).contains(expert.displayName() + "，您好").doesNotContain("技术经理人对需求提出了问题"));
        assertThat(bodies(operator, title)).isEmpty();
    }

    // --- the people's sessions

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-link")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", "loop-" + name.replaceFirst("^loop-", "") + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Opens the page again until what is looked for shows (written by a listener after the request returned). */
    private WebElement reloadUntil(String path, By looked, By loaded) {
        return new WebDriverWait(browser, Duration.ofSeconds(40))
                .pollingEvery(Duration.ofSeconds(1))
                .until(driver -> {
                    driver.get(url(path));
                    if (loaded != null) {
                        try {
                            new WebDriverWait(driver, Duration.ofSeconds(10))
                                    .until(ExpectedConditions.presenceOfElementLocated(loaded));
                        } catch (TimeoutException notYet) {
                            return null;
                        }
                    }
                    return driver.findElements(looked).stream().findFirst().orElse(null);
                });
    }

    // --- the guide

    private String currentStep() {
        return browser.findElement(By.cssSelector("#guide-steps li[aria-current=step]"))
                .getText();
    }

    private void next() {
        Browser.clickAndAwaitNextPage(browser, wait, By.id("guide-next"));
        assertThat(browser.findElements(By.cssSelector("#demand-guide .field-error")))
                .as("no field error on the step")
                .isEmpty();
    }

    // --- brokerage

    /** From the demand's match panel when it proposes the achievement in time, otherwise from the board's form. */
    private long startEngagement(long demandId, long achievementId) {
        By proposal = By.cssSelector("#match-panel li.match-result[data-type=achievement][data-id='" + achievementId
                + "'] button.match-start-submit");
        try {
            WebElement start = reloadUntil("/demands/" + demandId, proposal, By.cssSelector("section#match-panel"));
            System.out.println("closed loop: the engagement is started from the match panel");
            start.click();
        } catch (TimeoutException notProposed) {
            System.out.println(
                    "closed loop: the match panel did not propose the achievement; the board's form starts it");
            browser.get(url("/engagements"));
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board-start-form")));
            form.findElement(By.id("start-demand")).sendKeys(Long.toString(demandId));
            new Select(form.findElement(By.id("start-type"))).selectByValue("achievement");
            form.findElement(By.id("start-counterpart")).sendKeys(Long.toString(achievementId));
            form.findElement(By.cssSelector("button[type=submit]")).click();
        }
        wait.until(ExpectedConditions.urlContains("?started"));
        return idIn(browser.getCurrentUrl(), "/engagements/");
    }

    private static By cardIn(String column, long engagementId) {
        return By.cssSelector("#column-" + column + " li.card[data-id='" + engagementId + "']");
    }

    private void moveOnBoard(long engagementId, String from, String to) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(cardIn(from, engagementId)))
                .findElement(By.cssSelector("button.move-next"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(cardIn(to, engagementId)));
        assertThat(browser.findElements(cardIn(from, engagementId))).isEmpty();
    }

    private void rate(long engagementId, String side, String score, String comment) {
        browser.get(url("/engagements/" + engagementId));
        assertThat(browser.findElement(By.id("engagement-stage")).getText()).isEqualTo("实施中");
        assertThat(browser.findElements(By.cssSelector("form[id^=rate-form-]")).stream()
                        .map(form -> form.getAttribute("id"))
                        .toList())
                .containsExactly("rate-form-" + side);
        WebElement form = browser.findElement(By.id("rate-form-" + side));
        new Select(form.findElement(By.id("score-" + side))).selectByValue(score);
        form.findElement(By.id("comment-" + side)).sendKeys(comment);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated-done")));
        assertThat(browser.findElement(By.id("engagement-outcome")).getText()).contains(score + " 分", comment);
    }

    /** The operator pages through the queue (oldest first) to the held case. */
    private WebElement moderationItem(long caseId) {
        By item = By.cssSelector("article.moderation-item[data-record-type=case][data-record-id='" + caseId + "']");
        for (int page = 1; ; page++) {
            browser.get(url("/operator/moderation?status=pending&page=" + page));
            List<WebElement> found = browser.findElements(item);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            boolean more = !browser.findElements(By.cssSelector("ul.pagination a[href$='page=" + (page + 1) + "']"))
                    .isEmpty();
            assertThat(more)
                    .as("the held case #%s in the moderation queue", caseId)
                    .isTrue();
        }
    }

    // --- setup and records

    private Account account(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    /** A node of a chain that the manager covers and no other manager does, so triage must choose them. */
    private String nodeCoveredOnlyBy(Account manager) {
        Set<String> others = accounts.holding(Role.MANAGER).stream()
                .filter(other -> other.id() != manager.id())
                .flatMap(other -> coverages.of(other.id()).chains().stream())
                .collect(Collectors.toSet());
        Set<String> covered = coverages.of(manager.id()).chains();
        IndustryChain chain = chains.all().stream()
                .filter(c -> covered.contains(c.code()) && !others.contains(c.code()))
                .filter(c -> !c.nodes().isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo gives manager a chain of its own"));
        return chain.nodes().getFirst().code();
    }

    private long publishedAchievement(String unique) {
        WebUser expert = new WebUser(port).withToken("expert", PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "压铸件气孔在线检测系统 KC" + unique);
        body.put("description", "压铸件 KC" + unique + " 气孔在线检测：X 射线与机器视觉识别气孔缺陷，实时反馈压铸工艺参数，降低返修率。");
        body.put("trl", 7);
        HttpResponse<String> created = expert.post("/api/v1/achievements", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        HttpResponse<String> submitted = expert.post("/api/v1/achievements/" + id + "/submit", Map.of());
        assertThat(submitted.body()).as("published at once").contains("PUBLISHED");
        return id;
    }

    private Optional<Long> assignedManager(long demandId) {
        return jdbc.sql("select manager_id from demand_assignment where demand_id = :id")
                .param("id", demandId)
                .query(Long.class)
                .optional();
    }

    private Optional<Long> proposedCase(long engagementId) {
        return jdbc.sql("select case_id from engagement_case where engagement_id = :id and case_id is not null")
                .param("id", engagementId)
                .query(Long.class)
                .optional();
    }

    private static long idIn(String url, String prefix) {
        String rest = url.substring(url.indexOf(prefix) + prefix.length());
        return Long.parseLong(rest.replaceFirst("[^0-9].*$", ""));
    }

    // --- mail

    /** The bodies of the mails to the account's address that are about this loop's demand. */
    private List<String> bodies(Account account, String title) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(account.email()))
                .map(ClosedLoopBrowserIT::body)
                .filter(body -> body.contains(title))
                .toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
