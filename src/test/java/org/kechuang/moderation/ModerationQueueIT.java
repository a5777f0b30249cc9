package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The queue as libraries and operators use it: screening fills it, the API lists and decides over real HTTP. */
@IntegrationTest
class ModerationQueueIT {

    static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    ContentScreen screen;

    @Autowired
    ModerationQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static long unique() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }

    WebUser operator() {
        return new WebUser(port).withToken("operator", PASSWORD);
    }

    long pendingItems(long recordId) {
        return jdbc.sql("select count(*) from moderation_item where record_type = 'demand' and record_id = :id"
                        + " and status = 'pending'")
                .param("id", recordId)
                .query(Long.class)
                .single();
    }

    long hold(long recordId, String description) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "高效储能电池热管理技术需求");
        fields.put("description", description);
        ContentScreen.Verdict verdict = screen.screen("demand", recordId, 3L, fields);
        assertThat(verdict.held()).as("held: %s", description).isTrue();
        return queue.pendingFor("demand", recordId).orElseThrow().itemId();
    }

    @Test
    void aHeldSubmissionWaitsInTheQueueWithWhatWasFoundAndWhere() {
        long record = unique();
        String description = "面向储能电站的液冷方案。星空体育官网入口网站 欢迎合作。";

        long item = hold(record, description);

        ModerationQueue.PendingReview pending =
                queue.pendingFor("demand", record).orElseThrow();
        assertThat(pending.findings())
                .containsExactly(new ContentScreen.Finding("description", "gambling", "星空体育官网入口网站"));
        HttpResponse<String> listed = operator().get("/api/v1/moderation/items?status=pending&size=100");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        HttpResponse<String> got = operator().get("/api/v1/moderation/items/" + item);
        JsonNode resource = read(got);
        assertThat(resource.get("status").asString()).isEqualTo("pending");
        assertThat(resource.get("recordType").asString()).isEqualTo("demand");
        assertThat(resource.get("recordId").asLong()).isEqualTo(record);
        assertThat(resource.get("stationId").asLong()).isEqualTo(3L);
        assertThat(resource.get("fields").get(1).get("name").asString()).isEqualTo("description");
        assertThat(resource.get("fields").get(1).get("value").asString()).isEqualTo(description);
        JsonNode finding = resource.get("findings").get(0);
        assertThat(finding.get("category").asString()).isEqualTo("gambling");
        assertThat(description.substring(
                        finding.get("start").asInt(), finding.get("end").asInt()))
                .isEqualTo("星空体育官网入口网站");
        assertThat(read(listed).get("total").asLong()).isPositive();
    }

    @Test
    void screeningTheRecordAgainReplacesItsPendingItemAndAClearScreenWithdrawsIt() {
        long record = unique();
        long first = hold(record, "加微信了解详情");

        long second = hold(record, "百家乐真人在线");

        assertThat(second).isEqualTo(first);
        assertThat(pendingItems(record)).isEqualTo(1);
        assertThat(queue.pendingFor("demand", record).orElseThrow().findings())
                .extracting(ContentScreen.Finding::matched)
                .containsExactly("百家乐");

        ContentScreen.Verdict clear =
                screen.screen("demand", record, 3L, Map.of("description", "面向储能电站的液冷方案，能耗降低15%。"));

        assertThat(clear).isEqualTo(ContentScreen.Verdict.clear());
        assertThat(queue.pendingFor("demand", record)).isEmpty();
        assertThat(pendingItems(record)).isZero();
    }

    @Test
    void aSubmitThatRollsBackLeavesNothingInTheQueue() {
        long record = unique();

        transactions.executeWithoutResult(status -> {
            screen.screen("demand", record, null, Map.of("description", "六合彩开奖"));
            status.setRollbackOnly();
        });

        assertThat(queue.pendingFor("demand", record)).isEmpty();
    }

    @Test
    void anOperatorReleasesAHeldItemOnceAndASecondDecisionIsAConflict() {
        long record = unique();
        long item = hold(record, "代开发票");
        WebUser operator = operator();

        HttpResponse<String> released = operator.post("/api/v1/moderation/items/" + item + "/release", Map.of());

        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(read(released).get("status").asString()).isEqualTo("released");
        assertThat(read(released).get("decidedBy").asLong()).isPositive();
        assertThat(read(released).get("decidedAt").isNull()).isFalse();
        assertThat(queue.pendingFor("demand", record)).isEmpty();

        HttpResponse<String> again = operator.post("/api/v1/moderation/items/" + item + "/release", Map.of());
        HttpResponse<String> rejectAfter =
                operator.post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "晚了"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again).get("key").asString()).isEqualTo("moderation.item.decided");
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rejectAfter.statusCode()).isEqualTo(409);
    }

    @Test
    void anOperatorRejectsWithAReasonAndTheRejectedListShowsIt() {
        long record = unique();
        long item = hold(record, "兼职日结，日赚500");
        WebUser operator = operator();

        HttpResponse<String> rejected =
                operator.post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "　含招募兼职的广告 "));

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(read(rejected).get("status").asString()).isEqualTo("rejected");
        assertThat(read(rejected).get("reason").asString()).isEqualTo("含招募兼职的广告");
        JsonNode list = read(operator.get("/api/v1/moderation/items?status=rejected&size=100"));
        assertThat(list.get("results").valueStream().map(r -> r.get("id").asLong()))
                .contains(item);
        assertThat(read(operator.get("/api/v1/moderation/items?size=100"))
                        .get("results")
                        .valueStream()
                        .map(r -> r.get("id").asLong()))
                .doesNotContain(item);
    }

    @Test
    void aRejectionNeedsAPlainReasonAndIsRefusedFieldByFieldInTheCallersLanguage() {
        long item = hold(unique(), "刷单返现");

        HttpResponse<String> blank =
                operator().post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "  "));
        HttpResponse<String> missing = operator().post("/api/v1/moderation/items/" + item + "/reject", Map.of());
        HttpResponse<String> script = operator()
                .inEnglish()
                .post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "<script>alert(1)</script>"));
        HttpResponse<String> long10k =
                operator().post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "理".repeat(10_000)));

        assertThat(List.of(blank, missing, script, long10k)).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(read(response).get("field").asString()).isEqualTo("reason");
        });
        assertThat(read(blank).get("key").asString()).isEqualTo("moderation.reason.required");
        assertThat(read(blank).get("detail").asString()).contains("退回理由");
        assertThat(read(script).get("key").asString()).isEqualTo("moderation.reason.markup");
        assertThat(read(script).get("detail").asString()).contains("must not contain HTML");
        assertThat(read(long10k).get("key").asString()).isEqualTo("moderation.reason.too-long");
        assertThat(read(operator().get("/api/v1/moderation/items/" + item))
                        .get("status")
                        .asString())
                .isEqualTo("pending");
    }

    @Test
    void unknownItemsAre404AndUnknownStatusesA400() {
        WebUser operator = operator();

        HttpResponse<String> get = operator.get("/api/v1/moderation/items/987654321987");
        HttpResponse<String> release = operator.post("/api/v1/moderation/items/987654321987/release", Map.of());
        HttpResponse<String> reject =
                operator.post("/api/v1/moderation/items/987654321987/reject", Map.of("reason", "无"));
        HttpResponse<String> status = operator.get("/api/v1/moderation/items?status=deleted");

        assertThat(List.of(get, release, reject)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(read(response).get("key").asString()).isEqualTo("moderation.item.not-found");
        });
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(read(status).get("field").asString()).isEqualTo("status");
    }

    @Test
    void onlyOperatorsSeeOrDecideTheQueue() {
        long item = hold(unique(), "博彩平台");

        for (String username : List.of("enterprise", "expert", "manager", "reviewer", "station-admin")) {
            WebUser user = new WebUser(port).withToken(username, PASSWORD);
            assertThat(user.get("/api/v1/moderation/items").statusCode())
                    .as(username)
                    .isEqualTo(403);
            assertThat(user.post("/api/v1/moderation/items/" + item + "/release", Map.of())
                            .statusCode())
                    .as(username)
                    .isEqualTo(403);
            assertThat(user.post("/api/v1/moderation/items/" + item + "/reject", Map.of("reason", "x"))
                            .statusCode())
                    .as(username)
                    .isEqualTo(403);
        }
        WebUser visitor = new WebUser(port);
        assertThat(visitor.get("/api/v1/moderation/items").statusCode()).isEqualTo(401);
        assertThat(visitor.post("/api/v1/moderation/items/" + item + "/release", Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(read(operator().get("/api/v1/moderation/items/" + item))
                        .get("status")
                        .asString())
                .isEqualTo("pending");
    }
}
