package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.DomainException;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Intake and diagnosis (issue 6 §1): the completeness score in the API for those entitled to it, a technology manager
 * returning a demand with questions through the module API and the author answering them, and the guided form walked
 * step by step without a script.
 */
@IntegrationTest
class DemandIntakeIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Demands demands;

    @Autowired
    Accounts accounts;

    @Autowired
    RecordHistory history;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long managerId() {
        return accounts.findByUsername("manager").orElseThrow().id();
    }

    /** A published demand of the demo enterprise with a short background, no indicators, budget or deadline. */
    private long published(WebUser author, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("background", "压铸件气孔偏多，返修率高。");
        HttpResponse<String> created = author.post("/api/v1/demands", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebUser.read(created).get("id").asLong();
        HttpResponse<String> submitted = author.post("/api/v1/demands/" + id + "/submit", Map.of());
        assertThat(WebUser.read(submitted).get("status").asString()).isEqualTo("PUBLISHED");
        return id;
    }

    @Test
    void theAuthorAndTechnologyManagersSeeTheCompletenessInTheApiOthersDoNot() {
        WebUser enterprise = new WebUser(port).withToken("enterprise", PASSWORD);
        long id = published(enterprise, "完整度接口 " + unique());

        JsonNode seenByAuthor = WebUser.read(enterprise.get("/api/v1/demands/" + id));
        JsonNode completeness = seenByAuthor.get("completeness");
        assertThat(completeness.get("score").asInt()).isZero();
        JsonNode first = completeness.get("suggestions").get(0);
        assertThat(first.get("field").asString()).isEqualTo("targetIndicators");
        assertThat(first.get("key").asString()).isEqualTo("demand.completeness.indicators.missing");
        assertThat(first.get("message").asString()).isEqualTo("写明期望指标的数值和单位，例如「良品率 ≥ 99.5%」。");

        JsonNode seenByManager = WebUser.read(
                new WebUser(port).withToken("manager", PASSWORD).inEnglish().get("/api/v1/demands/" + id));
        assertThat(seenByManager
                        .get("completeness")
                        .get("suggestions")
                        .get(0)
                        .get("message")
                        .asString())
                .isEqualTo("Quantify the target indicators with a number and a unit, e.g. 'yield ≥ 99.5 %'.");
        assertThat(demands.completeness(id).orElseThrow().score()).isZero();

        assertThat(WebUser.read(new WebUser(port).get("/api/v1/demands/" + id)).has("completeness"))
                .isFalse();
        assertThat(WebUser.read(new WebUser(port).withToken("expert", PASSWORD).get("/api/v1/demands/" + id))
                        .has("completeness"))
                .isFalse();
    }

    @Test
    void aManagerReturnsADemandWithQuestionsTheAuthorSeesThemAnswersAndResubmits() {
        WebUser enterprise = new WebUser(port).withToken("enterprise", PASSWORD);
        String title = "经理人提问 " + unique();
        long id = published(enterprise, title);
        long manager = managerId();

        demands.returnWithQuestions(id, manager, "良品率目标是多少？\n预算上限能否给出？");

        JsonNode returned = WebUser.read(enterprise.get("/api/v1/demands/" + id));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asString()).isEqualTo("良品率目标是多少？\n预算上限能否给出？");
        assertThat(returned.get("returnedWithQuestions").asBoolean()).isTrue();
        RecordHistory.Entry asked = history.of(DemandCatalog.RECORD_TYPE, id).getLast();
        assertThat(asked.action()).isEqualTo("questioned");
        assertThat(asked.actorId()).isEqualTo(manager);
        assertThat(asked.changes())
                .extracting(RecordHistory.Change::field)
                .contains("status", "returnReason", "questionsBy");

        WebUser author = new WebUser(port).signedIn("enterprise", PASSWORD);
        Document page = WebUser.html(author.get("/demands/" + id));
        assertThat(page.getElementById("return-questions").text()).contains("技术经理人的问题：", "良品率目标是多少？", "预算上限能否给出？");
        assertThat(page.getElementById("return-reason")).isNull();
        assertThat(page.select("#demand-history td").eachText()).contains("技术经理人退回并提问");
        Document mine = WebUser.html(author.get("/demands?mine=true&status=RETURNED"));
        assertThat(mine.select("p.demand-returned[data-id=" + id + "]").text()).startsWith("技术经理人的问题：良品率目标是多少？");
        assertThat(WebUser.html(new WebUser(port).get("/demands?q=" + title.replace(" ", "+")))
                        .select("#demands a")
                        .eachText())
                .isEmpty();

        assertThat(WebUser.html(author.get("/demands/" + id + "/edit"))
                        .getElementById("return-questions")
                        .text())
                .contains("良品率目标是多少？");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("title", title);
        answers.put("background", "压铸件气孔偏多，返修率高。");
        answers.put("targetIndicators", "良品率 >= 99.5 %");
        answers.put("budgetMin", "50");
        answers.put("budgetMax", "120");
        answers.put("step", "5");
        answers.put("go", "submit");
        HttpResponse<String> resubmitted = author.submit("/demands/" + id + "/edit", "demand-guide", answers);
        assertThat(WebUser.location(resubmitted)).as(resubmitted.body()).endsWith("/demands/" + id + "?published");
        JsonNode again = WebUser.read(enterprise.get("/api/v1/demands/" + id));
        assertThat(again.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(again.has("returnReason")).isFalse();
        assertThat(again.get("completeness").get("score").asInt())
                .isEqualTo(DemandCompleteness.INDICATORS + DemandCompleteness.BUDGET);
        assertThat(WebUser.html(author.get("/demands/" + id)).getElementById("return-questions"))
                .isNull();
    }

    @Test
    void returningWithQuestionsIsRefusedForADraftForSomeoneWhoIsNotAManagerAndWithoutQuestions() {
        WebUser enterprise = new WebUser(port).withToken("enterprise", PASSWORD);
        HttpResponse<String> created =
                enterprise.post("/api/v1/demands", Map.of("title", "草稿提问 " + unique(), "background", "草稿。"));
        long draft = WebUser.read(created).get("id").asLong();
        long published = published(enterprise, "无权提问 " + unique());
        long expert = accounts.findByUsername("expert").orElseThrow().id();

        assertThatThrownBy(() -> demands.returnWithQuestions(draft, managerId(), "预算多少？"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.key()).isEqualTo("demand.questions.not-open"));
        assertThatThrownBy(() -> demands.returnWithQuestions(published, expert, "预算多少？"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.key()).isEqualTo("demand.questions.managers-only"));
        assertThatThrownBy(() -> demands.returnWithQuestions(published, managerId(), "  "))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.key()).isEqualTo("demand.questions.required");
                    assertThat(refused.field()).isEqualTo("questions");
                });
        assertThat(demands.summary(draft).orElseThrow().status().name()).isEqualTo("DRAFT");
        assertThat(demands.summary(published).orElseThrow().status().name()).isEqualTo("PUBLISHED");
    }

    @Test
    void withoutAScriptTheGuideRefusesAStepWithItsFieldErrorsThenMovesOnAndSubmits() {
        WebUser enterprise = new WebUser(port).signedIn("enterprise", PASSWORD);
        String title = "向导填报 " + unique();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("background", "");

        Document refused = WebUser.html(step(enterprise, typed, 1, "next"));
        assertThat(refused.select("#guide-steps li[aria-current=step]").text()).isEqualTo("问题与背景");
        assertThat(refused.getElementById("background-error").text()).isEqualTo("请填写需求背景。");
        assertThat(refused.getElementById("step-2").hasAttr("hidden")).isTrue();

        typed.put("background", "压铸件气孔偏多，返修率高，已调过模温和真空度，效果有限，需要在线检测与工艺优化的办法。");
        Document second = WebUser.html(step(enterprise, typed, 1, "next"));
        assertThat(second.select("#guide-steps li[aria-current=step]").text()).isEqualTo("技术指标");
        assertThat(second.getElementById("step-1").hasAttr("hidden")).isTrue();
        int before =
                Integer.parseInt(second.getElementById("completeness-score").text());

        typed.put("targetIndicators", "良品率 >= 99.5 %");
        typed.put("applicationScenario", "汽车零部件压铸车间，连续三班生产");
        Document third = WebUser.html(step(enterprise, typed, 2, "next"));
        assertThat(Integer.parseInt(third.getElementById("completeness-score").text()))
                .isEqualTo(before + DemandCompleteness.INDICATORS + DemandCompleteness.SCENARIO);
        assertThat(third.select("#guide-steps li[aria-current=step]").text()).isEqualTo("场景与产业链");

        typed.put("deadline", LocalDate.now().minusDays(3).toString());
        Document pastDeadline = WebUser.html(step(enterprise, typed, 4, "next"));
        assertThat(pastDeadline.getElementById("deadline-error").text()).contains("已过");
        typed.put("deadline", LocalDate.now().plusMonths(6).toString());
        Document last = WebUser.html(step(enterprise, typed, 4, "next"));
        assertThat(last.select("#guide-summary dd").eachText()).contains(title, "良品率 >= 99.5 %");

        HttpResponse<String> submitted = step(enterprise, typed, 5, "submit");
        assertThat(WebUser.location(submitted)).endsWith("?published");
        long id =
                Long.parseLong(URI.create(WebUser.location(submitted)).getPath().substring("/demands/".length()));
        assertThat(demands.summary(id).orElseThrow().title()).isEqualTo(title);
    }

    @Test
    void theMeterScoresTheFormAsTypedEvenWithMistakesInIt() {
        WebUser enterprise = new WebUser(port).signedIn("enterprise", PASSWORD);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("background", "");
        typed.put("regionCode", "999999");
        typed.put("budgetMin", "很多");
        typed.put("targetIndicators", "寿命 >= 5000 h");

        Document page = WebUser.html(step(enterprise, typed, 3, "back"));

        assertThat(page.select("#guide-steps li[aria-current=step]").text()).isEqualTo("技术指标");
        assertThat(page.getElementById("completeness-score").text())
                .isEqualTo(Integer.toString(DemandCompleteness.INDICATORS));
        assertThat(page.select("#completeness-suggestions li").eachAttr("data-field"))
                .contains("regionCode", "budgetMax", "background")
                .doesNotContain("targetIndicators");
        assertThat(page.getElementById("regionCode-error")).isNull();
    }

    @Test
    void enterprisesAreGuidedAndStationAdminsGetTheWholeFormBothWithTheMeter() {
        Document guided =
                WebUser.html(new WebUser(port).signedIn("enterprise", PASSWORD).get("/demands/new"));
        assertThat(guided.getElementById("demand-guide")).isNotNull();
        assertThat(guided.select("#guide-steps li").eachText())
                .containsExactly("问题与背景", "技术指标", "场景与产业链", "合作方式、预算与期限", "联系方式与确认");
        assertThat(guided.select("#demand-guide #completeness-meter")).hasSize(1);
        Document english =
                WebUser.html(new WebUser(port).signedIn("enterprise", PASSWORD).get("/demands/new?lang=en"));
        assertThat(english.select("#guide-steps li[aria-current=step]").text()).isEqualTo("Problem and background");
        assertThat(english.select("#completeness-suggestions li").first().text())
                .isEqualTo("Quantify the target indicators with a number and a unit, e.g. 'yield ≥ 99.5 %'.");

        Document whole = WebUser.html(
                new WebUser(port).signedIn("station-admin", PASSWORD).get("/demands/new"));
        assertThat(whole.getElementById("demand-guide")).isNull();
        assertThat(whole.select("#demand-form #completeness-meter")).hasSize(1);
    }

    /** Posts the guide's form at the given step as the buttons do ({@code go} = next, back, save, submit). */
    private static HttpResponse<String> step(WebUser user, Map<String, String> typed, int step, String go) {
        Map<String, String> fields = new LinkedHashMap<>(typed);
        fields.put("step", Integer.toString(step));
        fields.put("go", go);
        return user.submit("/demands/new", "demand-guide", fields);
    }
}
