package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The engagement pages over real HTTP, as a browser without JavaScript uses them: the board by stage, moving by its
 * forms, a stale form, the contract form's inline errors, a confidential engagement's card, starting one, a demand's
 * timeline and the workbench panel.
 */
@IntegrationTest
class EngagementPagesIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private long cmes;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
    }

    private WebUser api(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private WebUser browser(String username) {
        return new WebUser(port).signedIn(username, PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private record Fixture(long demand, String demandTitle, long achievement, String achievementTitle, JsonNode e) {
        long id() {
            return e.get("id").asLong();
        }
    }

    private Fixture engagement(boolean confidential) {
        String demandTitle = "看板测试需求 " + unique();
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", demandTitle);
        demand.put("background", "冲压件回弹导致尺寸超差，需要回弹预测与模具补偿技术。");
        demand.put("stationId", cmes);
        long demandId = published(api("enterprise"), "/api/v1/demands", demand);
        String achievementTitle = "看板测试成果 " + unique();
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("title", achievementTitle);
        achievement.put("description", "基于有限元的冲压回弹预测与模面补偿技术。");
        achievement.put("trl", 6);
        achievement.put("stationId", cmes);
        long achievementId = published(api("expert"), "/api/v1/achievements", achievement);
        HttpResponse<String> started = api("manager")
                .post(
                        "/api/v1/engagements",
                        Map.of(
                                "demandId",
                                demandId,
                                "counterpartType",
                                "achievement",
                                "counterpartId",
                                achievementId,
                                "confidential",
                                confidential));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return new Fixture(demandId, demandTitle, achievementId, achievementTitle, WebUser.read(started));
    }

    private static long published(WebUser author, String path, Map<String, Object> body) {
        HttpResponse<String> created = author.post(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        author.post(path + "/" + id + "/submit", Map.of());
        return id;
    }

    private JsonNode moveByApi(long id, String to) {
        WebUser manager = api("manager");
        int version = WebUser.read(manager.get("/api/v1/engagements/" + id))
                .get("version")
                .asInt();
        HttpResponse<String> moved =
                manager.post("/api/v1/engagements/" + id + "/transitions", Map.of("to", to, "version", version));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        return WebUser.read(moved);
    }

    private String stage(long id) {
        return WebUser.read(api("operator").get("/api/v1/engagements/" + id))
                .get("stage")
                .asString();
    }

    private static Element card(Document board, String column, long id) {
        return board.selectFirst("#column-" + column + " li.card[data-id=" + id + "]");
    }

    @Test
    void theBoardShowsTheEngagementInItsColumnAndItsButtonMovesItOn() {
        Fixture f = engagement(false);
        WebUser manager = browser("manager");
        String board = "/engagements?q=" + f.demand();

        Document page = WebUser.html(manager.get(board));
        Element card = card(page, "proposed", f.id());
        assertThat(card).as(page.toString()).isNotNull();
        assertThat(card.text()).contains(f.demandTitle(), f.achievementTitle(), "期限");
        assertThat(card.selectFirst("button.move-next").text()).isEqualTo("推进到：已联系");

        HttpResponse<String> moved =
                manager.submit(board, "#column-proposed li.card[data-id=" + f.id() + "] form.move-form", Map.of());
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(WebUser.location(moved)).endsWith("/engagements?moved=" + f.id());
        assertThat(stage(f.id())).isEqualTo("CONTACTED");

        page = WebUser.html(manager.get(board));
        assertThat(card(page, "proposed", f.id())).isNull();
        assertThat(card(page, "contacted", f.id())).isNotNull();

        // the audit trail on the engagement's page names the move in words
        Document detail = WebUser.html(manager.get("/engagements/" + f.id()));
        assertThat(detail.select("#audit tbody tr")).hasSize(2);
        assertThat(detail.select("#audit tbody tr").get(1).text()).contains("推进到已联系", "阶段", "已推荐 → 已联系", "技术经理人");
        assertThat(detail.selectFirst("#stage-bar [aria-current=step]").text()).contains("已联系");
        assertThat(detail.getElementById("engagement-messages")).isNotNull();

        // closing from the board needs a reason's note for "other": the engagement page shows the error at the field
        HttpResponse<String> otherWithoutNote = manager.submit(
                board, "#column-contacted li.card[data-id=" + f.id() + "] form.close-form", Map.of("reason", "OTHER"));
        assertThat(otherWithoutNote.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(otherWithoutNote).getElementById("note-error").text())
                .isEqualTo("选择“其他”原因时请写明说明");
        assertThat(stage(f.id())).isEqualTo("CONTACTED");

        // the operator's board filters by manager; another manager's filter leaves it out
        Account other = accounts.ensure(
                "pages-manager-" + unique(), unique() + "@example.com", PASSWORD, "另一位经理人", Set.of(Role.MANAGER));
        WebUser operator = browser("operator");
        long managerId = accounts.findByUsername("manager").orElseThrow().id();
        assertThat(card(WebUser.html(operator.get(board + "&manager=" + managerId)), "contacted", f.id()))
                .isNotNull();
        assertThat(card(WebUser.html(operator.get(board + "&manager=" + other.id())), "contacted", f.id()))
                .isNull();
    }

    @Test
    void aFormReadBeforeSomeoneElseMovedTheEngagementShowsWhatChangedAndStoresNothing() {
        Fixture f = engagement(false);
        WebUser manager = browser("manager");
        int read = f.e().get("version").asInt();
        moveByApi(f.id(), "CONTACTED");

        HttpResponse<String> stale = manager.submit(
                "/engagements/" + f.id(), "move-form", Map.of("to", "CONTACTED", "version", Integer.toString(read)));
        assertThat(stale.statusCode()).isEqualTo(200);
        Document page = WebUser.html(stale);
        Element message = page.getElementById("stale-message");
        assertThat(message).as(stale.body()).isNotNull();
        assertThat(message.text()).contains("已被他人修改", "您的操作未保存");
        assertThat(page.select("#stale-changes tbody tr")).hasSize(1);
        assertThat(page.selectFirst("#stale-changes tbody tr").text()).contains("推进到已联系", "已推荐 → 已联系");
        assertThat(stage(f.id())).isEqualTo("CONTACTED");

        // the same from the board: the board again, with the message
        HttpResponse<String> fromBoard = manager.submit(
                "/engagements?q=" + f.demand(),
                "#column-contacted li.card[data-id=" + f.id() + "] form.move-form",
                Map.of("version", Integer.toString(read)));
        assertThat(fromBoard.statusCode()).isEqualTo(200);
        Document board = WebUser.html(fromBoard);
        assertThat(board.getElementById("stale-message").text()).contains("已被他人修改");
        assertThat(board.getElementById("board")).isNotNull();
        assertThat(stage(f.id())).isEqualTo("CONTACTED");
    }

    @Test
    void theContractFormShowsEachMissingOrWrongFieldNextToIt() {
        Fixture f = engagement(false);
        moveByApi(f.id(), "CONTACTED");
        moveByApi(f.id(), "NEGOTIATING");
        WebUser manager = browser("manager");

        HttpResponse<String> empty = manager.submit("/engagements/" + f.id(), "contract-form", Map.of());
        assertThat(empty.statusCode()).isEqualTo(200);
        Document page = WebUser.html(empty);
        assertThat(page.getElementById("contractType-error").text()).isEqualTo("签约须填写合同类型");
        assertThat(page.getElementById("contractValue-error").text()).isEqualTo("签约须填写合同金额");
        assertThat(page.getElementById("signedOn-error").text()).isEqualTo("签约须填写签订日期");
        assertThat(page.getElementById("contractValue").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("registrationNumber-error")).isNull();

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> wrongNumber = manager.submit(
                "/engagements/" + f.id(),
                "contract-form",
                Map.of(
                        "contractType",
                        "LICENSE",
                        "contractValue",
                        "80000",
                        "signedOn",
                        today,
                        "registrationNumber",
                        "12345"));
        page = WebUser.html(wrongNumber);
        assertThat(page.getElementById("registrationNumber-error").text()).contains("技术合同登记号「12345」格式不对");
        assertThat(page.getElementById("contractValue-error")).isNull();
        // what was typed stays in the form
        assertThat(page.getElementById("contractValue").val()).isEqualTo("80000");
        assertThat(page.selectFirst("#contractType option[selected]").val()).isEqualTo("LICENSE");
        assertThat(stage(f.id())).isEqualTo("NEGOTIATING");

        HttpResponse<String> english =
                browser("manager").inEnglish().submit("/engagements/" + f.id() + "?lang=en", "contract-form", Map.of());
        assertThat(WebUser.html(english).getElementById("contractType-error").text())
                .isNotEmpty()
                .doesNotContain("合同");

        String year = today.substring(0, 4);
        HttpResponse<String> signed = manager.submit(
                "/engagements/" + f.id(),
                "contract-form",
                Map.of(
                        "contractType",
                        "LICENSE",
                        "contractValue",
                        "80000",
                        "signedOn",
                        today,
                        "registrationNumber",
                        year + "110108000777"));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        Document contracted = WebUser.html(manager.get("/engagements/" + f.id()));
        assertThat(contracted.getElementById("engagement-registration").text()).isEqualTo(year + "110108000777");
        assertThat(contracted.getElementById("engagement-stage").text()).isEqualTo("已签约");
    }

    @Test
    void aConfidentialEngagementsCardNamesNoPartyToTheStationAdmin() {
        Fixture f = engagement(true);
        WebUser admin = browser("station-admin");

        String board = admin.get("/engagements").body();
        Element card = card(Jsoup.parse(board), "proposed", f.id());
        assertThat(card).as("the station's engagement is on the admin's board").isNotNull();
        assertThat(card.text()).contains("保密对接 #" + f.id());
        assertThat(card.select("form")).as("the admin does not run it").isEmpty();
        assertThat(board).doesNotContain(f.demandTitle()).doesNotContain(f.achievementTitle());

        String detail = admin.get("/engagements/" + f.id()).body();
        assertThat(detail)
                .contains("保密对接 #" + f.id())
                .doesNotContain(f.demandTitle())
                .doesNotContain(f.achievementTitle())
                .doesNotContain("专家（演示）");
        assertThat(Jsoup.parse(detail).getElementById("audit")).isNull();
        assertThat(admin.get("/engagements/demand/" + f.demand()).statusCode()).isEqualTo(404);
        assertThat(admin.get("/engagements?q=" + f.demandTitle().substring(7)).body())
                .doesNotContain("data-id=\"" + f.id() + "\"");

        // the parties see them
        assertThat(browser("manager").get("/engagements/" + f.id()).body()).contains(f.demandTitle());
        assertThat(browser("enterprise").get("/engagements/" + f.id()).body())
                .contains(f.demandTitle(), f.achievementTitle());
        Account outsider = accounts.ensure(
                "pages-outsider-" + unique(), unique() + "@example.com", PASSWORD, "局外企业", Set.of(Role.ENTERPRISE));
        assertThat(browser(outsider.username()).get("/engagements/" + f.id()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aManagerStartsAnEngagementFromTheBoardAndAWrongNumberIsMarkedAtItsField() {
        Fixture f = engagement(false);
        moveByApi(f.id(), "CONTACTED");
        WebUser manager = browser("manager");

        HttpResponse<String> notANumber = manager.submit(
                "/engagements",
                "board-start-form",
                Map.of("demandId", "abc", "counterpartType", "achievement", "counterpartId", "1"));
        assertThat(notANumber.statusCode()).isEqualTo(200);
        assertThat(WebUser.html(notANumber).getElementById("demandId-error").text())
                .isEqualTo("编号「abc」应为数字");

        HttpResponse<String> unknown = manager.submit(
                "/engagements",
                "board-start-form",
                Map.of(
                        "demandId",
                        Long.toString(f.demand()),
                        "counterpartType",
                        "achievement",
                        "counterpartId",
                        "999999999"));
        assertThat(WebUser.html(unknown).getElementById("counterpartId-error").text())
                .startsWith("没有编号为 999")
                .endsWith("的已发布对接方");

        // the pair is open already
        HttpResponse<String> twice = manager.submit(
                "/engagements",
                "board-start-form",
                Map.of(
                        "demandId",
                        Long.toString(f.demand()),
                        "counterpartType",
                        "achievement",
                        "counterpartId",
                        Long.toString(f.achievement())));
        assertThat(WebUser.html(twice).getElementById("counterpartId-error").text())
                .contains("已有进行中的对接");

        Map<String, Object> second = new LinkedHashMap<>();
        second.put("title", "看板测试成果二 " + unique());
        second.put("description", "冲压回弹的在线测量与补偿。");
        second.put("trl", 5);
        second.put("stationId", cmes);
        long achievement = published(api("expert"), "/api/v1/achievements", second);
        HttpResponse<String> started = manager.submit(
                "/engagements",
                "board-start-form",
                Map.of(
                        "demandId",
                        Long.toString(f.demand()),
                        "counterpartType",
                        "achievement",
                        "counterpartId",
                        Long.toString(achievement)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        assertThat(WebUser.location(started)).matches(".*/engagements/\\d+\\?started");
        Document page = WebUser.html(manager.get(WebUser.location(started).replaceFirst("^https?://[^/]+", "")));
        assertThat(page.getElementById("started-done")).isNotNull();
        assertThat(page.getElementById("engagement-counterpart").text()).isEqualTo(second.get("title"));

        // the demand's timeline: both engagements, every entry in time order, for the demand's author
        Document timeline = WebUser.html(browser("enterprise").get("/engagements/demand/" + f.demand()));
        assertThat(timeline.select("#timeline-engagements li.card")).hasSize(2);
        List<String> actions =
                timeline.select("#timeline tbody tr td:nth-child(4)").eachText();
        assertThat(actions).containsExactly("发起对接", "推进到已联系", "发起对接");
        assertThat(timeline.select("#timeline tbody tr td:nth-child(1)").eachText())
                .isSorted();
        assertThat(browser("expert").get("/engagements/demand/" + f.demand()).statusCode())
                .as("the counterpart's author follows the engagement, not the demand")
                .isEqualTo(404);
    }

    @Test
    void theWorkbenchListsTheManagersEngagementsOverdueFirstAndThePartiesSeeTheirOwnList() {
        Fixture f = engagement(false);
        Fixture late = engagement(false);
        jdbc.sql("update engagement set stage_due_at = now() - interval '1 day' where id = :id")
                .param("id", late.id())
                .update();
        Document workbench = WebUser.html(browser("manager").get("/workbench"));
        Element panel = workbench.getElementById("panel-engagements");
        assertThat(panel).as(workbench.toString()).isNotNull();
        assertThat(panel.selectFirst("h2").text()).isEqualTo("我的对接");
        List<Element> rows = panel.select("#my-engagements tbody tr");
        assertThat(rows).isNotEmpty();
        assertThat(panel.select("#my-engagements tr.overdue[data-id=" + late.id() + "]"))
                .hasSize(1);
        assertThat(panel.select("#my-engagements tr[data-id=" + late.id() + "]").text())
                .contains(late.demandTitle(), "已逾期");
        // overdue rows come before the others
        List<Boolean> overdue =
                rows.stream().map(row -> row.hasClass("overdue")).toList();
        assertThat(overdue.indexOf(false) == -1 || overdue.lastIndexOf(true) < overdue.indexOf(false))
                .as(overdue.toString())
                .isTrue();
        assertThat(panel.select("#my-engagements tr[data-id=" + f.id() + "]")).hasSize(1);

        // on the board too: first in its column, and flagged
        Document board = WebUser.html(browser("manager").get("/engagements?overdue=true"));
        assertThat(board.select("#column-proposed li.card.overdue[data-id=" + late.id() + "]"))
                .hasSize(1);
        assertThat(board.select("#column-proposed li.card[data-id=" + f.id() + "]"))
                .isEmpty();

        Document list = WebUser.html(browser("enterprise").get("/engagements"));
        assertThat(list.selectFirst("h1").text()).isEqualTo("我的对接");
        assertThat(list.select("#engagements li.card[data-id=" + f.id() + "]")).hasSize(1);
        assertThat(list.select("form"))
                .as("a party without the manager's role moves nothing")
                .allSatisfy(form -> assertThat(form.attr("action")).doesNotContain("/move"));
    }

    @Test
    void aManagerStartsAnEngagementFromAProposalOnTheDemandsMatchPanelAndTheOwnerHasNoSuchButton() {
        String topic =
                "硅碳" + UUID.randomUUID().toString().replaceAll("[0-9-]", "").substring(0, 4);
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", topic + "负极膨胀抑制需求");
        demand.put("background", "电池" + topic + "负极循环膨胀严重，需要粘结剂与包覆改性技术。");
        demand.put("stationId", cmes);
        WebUser enterpriseApi = api("enterprise");
        long demandId = published(enterpriseApi, "/api/v1/demands", demand);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("title", topic + "负极包覆改性技术");
        achievement.put("description", "电池" + topic + "负极的包覆改性与粘结剂，抑制循环膨胀。");
        achievement.put("keywords", List.of(topic, "负极", "包覆"));
        achievement.put("stationId", cmes);
        long achievementId = published(api("expert"), "/api/v1/achievements", achievement);
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> enterpriseApi
                                .get("/api/v1/demands/" + demandId + "/matches")
                                .body(),
                        body -> body.contains("\"id\":" + achievementId + ","));

        String panel = "/matching/panel/demand/" + demandId;
        String form = "li.match-result[data-id=" + achievementId + "] form.match-start";
        assertThat(WebUser.html(browser("enterprise").get(panel)).select("form.match-start"))
                .as("the demand's owner accepts or declines; managers start engagements")
                .isEmpty();
        WebUser manager = browser("manager");
        Element start = WebUser.html(manager.get(panel)).selectFirst(form);
        assertThat(start).isNotNull();
        assertThat(start.attr("action")).isEqualTo("/engagements/start");

        HttpResponse<String> started = manager.submit(panel, form, Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        long id = Long.parseLong(WebUser.location(started).replaceAll(".*/engagements/(\\d+)\\?started", "$1"));
        JsonNode e = WebUser.read(api("manager").get("/api/v1/engagements/" + id));
        assertThat(e.get("demand").get("id").asLong()).isEqualTo(demandId);
        assertThat(e.get("counterpart").get("id").asLong()).isEqualTo(achievementId);
        assertThat(e.get("stage").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void bothSidesRateOnTheirFormsAndTheEvaluationFormMarksMissingRatingsAndResultsBeforeItCompletes() {
        Fixture f = engagement(false);
        moveByApi(f.id(), "CONTACTED");
        JsonNode negotiating = moveByApi(f.id(), "NEGOTIATING");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> contracted = api("manager")
                .post(
                        "/api/v1/engagements/" + f.id() + "/transitions",
                        Map.of(
                                "to",
                                "CONTRACTED",
                                "version",
                                negotiating.get("version").asInt(),
                                "contract",
                                Map.of("type", "SERVICE", "value", "30000", "signedOn", today)));
        assertThat(contracted.statusCode()).as(contracted.body()).isEqualTo(200);
        moveByApi(f.id(), "DELIVERING");
        String page = "/engagements/" + f.id();
        WebUser manager = browser("manager");

        Document refused = WebUser.html(
                manager.submit(page, "evaluation-form", Map.of("indicator", "回弹量", "value", "很小", "unit", "mm")));
        assertThat(refused.getElementById("value-0-error").text()).isEqualTo("实测成效的数值「很小」不是数字");
        assertThat(refused.getElementById("indicator-0").val()).isEqualTo("回弹量");
        assertThat(refused.getElementById("value-0").attr("aria-invalid")).isEqualTo("true");

        Document unrated = WebUser.html(manager.submit(page, "evaluation-form", Map.of()));
        assertThat(unrated.getElementById("demandRating-error").text()).isEqualTo("完成评价前，需求方须先评分");
        assertThat(unrated.getElementById("counterpartRating-error").text()).isEqualTo("完成评价前，对接方须先评分");
        assertThat(unrated.getElementById("results-error").text()).startsWith("完成评价须至少记录一项实测成效");
        assertThat(manager.get(page).body()).doesNotContain("rate-form-");

        WebUser enterprise = browser("enterprise");
        assertThat(WebUser.html(enterprise.get(page)).select("form[id^=rate-form-]"))
                .extracting(form -> form.id())
                .containsExactly("rate-form-demand");
        HttpResponse<String> rated =
                enterprise.submit(page, "rate-form-demand", Map.of("score", "5", "comment", "回弹量达标"));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(302);
        assertThat(browser("expert")
                        .submit(page, "rate-form-counterpart", Map.of("score", "4"))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> evaluated = manager.submit(
                page,
                "evaluation-form",
                Map.of("indicator", "回弹量", "value", "0.15", "unit", "mm", "resultsNote", "三批次统计"));
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(302);
        Document done = WebUser.html(manager.get(page));
        assertThat(done.getElementById("engagement-stage").text()).isEqualTo("已评价");
        assertThat(done.getElementById("engagement-results").text()).isEqualTo("回弹量 0.15 mm");
        assertThat(done.getElementById("engagement-outcome").text()).contains("5 分", "回弹量达标", "4 分");
        assertThat(done.getElementById("move-forms")).isNull();
        assertThat(done.select("#audit tbody tr td:nth-child(3)").eachText())
                .containsExactly("发起对接", "推进到已联系", "推进到洽谈中", "签约", "推进到实施中", "评分", "评分", "完成评价");
    }

    @Test
    void anOperatorHandsTheEngagementToAnotherManagerOnItsPage() {
        Fixture f = engagement(false);
        Account other = accounts.ensure(
                "pages-next-" + unique(), unique() + "@example.com", PASSWORD, "接手经理人", Set.of(Role.MANAGER));
        assertThat(browser("manager").get("/engagements/" + f.id()).body()).doesNotContain("handover-form");
        WebUser operator = browser("operator");
        HttpResponse<String> handed = operator.submit(
                "/engagements/" + f.id(), "handover-form", Map.of("managerId", Long.toString(other.id())));
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(302);
        Document page = WebUser.html(operator.get("/engagements/" + f.id()));
        assertThat(page.getElementById("engagement-manager").text()).isEqualTo("接手经理人");
        assertThat(page.select("#audit tbody tr").last().text()).contains("更换技术经理人", "接手经理人");
        assertThat(browser("manager").get("/engagements/" + f.id()).statusCode())
                .as("no party any more")
                .isEqualTo(404);
    }
}
