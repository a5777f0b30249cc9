package org.kechuang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.database.CopyIn;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.history.RecordHistory.Change;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CopyInIT {

    @Autowired
    CopyIn copy;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordHistory history;

    @Autowired
    TransactionTemplate transactions;

    private final String table = "copy_in_" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);

    @Test
    void copiesTextThatLooksLikeTheFormatsOwnSyntaxAsItIs() {
        jdbc.sql("create table " + table
                        + " (id bigint primary key, t text, a text[], n numeric(12, 2), b boolean, at timestamptz)")
                .update();
        String tricky = "tab\there, line\nbreak, return\r, back\\slash, \\N, \"quoted\", {braces}, 科创；中文";
        List<String> items = List.of("a,b", "\"q\"", "back\\slash", "tab\tline\nbreak", "NULL", "{x}", "", "关键词");
        Instant at = Instant.parse("2026-12-02T17:00:00.123456Z");
        transactions.executeWithoutResult(status -> copy.copy(
                table + " (id, t, a, n, b, at)",
                new CopyIn.Rows()
                        .number(1L)
                        .text(tricky)
                        .textArray(items)
                        .number(new BigDecimal("12.50"))
                        .bool(true)
                        .timestamp(at)
                        .end()
                        .number(2L)
                        .text(null)
                        .textArray(List.of())
                        .number((BigDecimal) null)
                        .bool(false)
                        .timestamp(null)
                        .end()));

        Map<String, Object> first =
                jdbc.sql("select * from " + table + " where id = 1").query().singleRow();
        assertThat(first.get("t")).isEqualTo(tricky);
        assertThat(items(1)).containsExactlyElementsOf(items);
        assertThat(first.get("n")).isEqualTo(new BigDecimal("12.50"));
        assertThat(first.get("b")).isEqualTo(true);
        assertThat(((java.sql.Timestamp) first.get("at")).toInstant()).isEqualTo(at);
        Map<String, Object> second =
                jdbc.sql("select * from " + table + " where id = 2").query().singleRow();
        assertThat(second.get("t")).isNull();
        assertThat(items(2)).isEmpty();
        assertThat(second.get("n")).isNull();
        assertThat(second.get("at")).isNull();
    }

    @Test
    void rowsSentInManyPartsArriveWholeAndInOrder() {
        jdbc.sql("create table " + table + " (id bigint primary key, t text)").update();
        // about 1.5 million characters: many parts of the stream, each ending with a whole row; characters outside the
        // basic plane and escaped ones on every row
        CopyIn.Rows rows = new CopyIn.Rows();
        for (long id = 0; id < 5_000; id++) {
            rows.number(id)
                    .text("第 " + id + " 行\t𠀋\\" + "技术".repeat(140) + "\n")
                    .end();
        }
        transactions.executeWithoutResult(
                status -> assertThat(copy.copy(table + " (id, t)", rows)).isEqualTo(5_000));

        assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single())
                .isEqualTo(5_000);
        assertThat(jdbc.sql("select t from " + table + " where id = 4321")
                        .query(String.class)
                        .single())
                .isEqualTo("第 4321 行\t𠀋\\" + "技术".repeat(140) + "\n");
        assertThat(jdbc.sql("select count(*) from " + table
                                + " where length(t) <> length(?) - 4 + length(cast(id as text))")
                        .param("第  行\t𠀋\\" + "技术".repeat(140) + "\n" + "    ")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDuplicateKeyRefusesTheWholeCopy() {
        jdbc.sql("create table " + table + " (id bigint primary key)").update();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> copy.copy(
                        table + " (id)",
                        new CopyIn.Rows()
                                .number(1L)
                                .end()
                                .number(2L)
                                .end()
                                .number(1L)
                                .end())))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single())
                .isZero();
    }

    @Test
    void historyWrittenInBulkReadsLikeHistoryWrittenOneByOne() {
        long record = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        transactions.executeWithoutResult(status -> history.recordAll(
                "test-record",
                List.of(new RecordHistory.Action(
                        record, null, "imported", Map.of(), Map.of("title", "带\t制表符与\\反斜杠的\"标题\"")))));

        assertThat(history.of("test-record", record)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("imported");
            assertThat(entry.actorId()).isNull();
            assertThat(entry.changes()).containsExactly(new Change("title", null, "带\t制表符与\\反斜杠的\"标题\""));
        });
    }

    private List<String> items(long id) {
        return jdbc.sql("select item from " + table
                        + ", unnest(a) with ordinality as u(item, pos) where id = :id order by pos")
                .param("id", id)
                .query(String.class)
                .list();
    }
}
