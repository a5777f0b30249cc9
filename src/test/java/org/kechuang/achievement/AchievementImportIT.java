package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget.Outcome;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AchievementImportIT {

    @Autowired
    AchievementImportTarget target;

    @Autowired
    Achievements achievements;

    @Autowired
    Stations stations;

    @Autowired
    RecordHistory history;

    @Autowired
    JdbcClient jdbc;

    private static List<ImportRow> rows(String prefix, int count) {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ImportRow(
                    i + 2,
                    prefix + "-" + i,
                    Map.of(
                            "title", "图神经网络交通流预测 " + prefix + " " + i,
                            "description", "提出一种时空图卷积模型，预测误差降低 " + i + "%。",
                            "keywords", List.of("交通流", "图神经网络"))));
        }
        return rows;
    }

    private String status(long station, String sourceId) {
        return jdbc.sql("select status from achievement where station_id = ? and source_id = ?")
                .param(station)
                .param(sourceId)
                .query(String.class)
                .single();
    }

    @Test
    void aChunkOfNewRowsIsStoredScreenedAndRecordedAndAgainChangesNothing() {
        long station = stations.findByCode("zju").orElseThrow().id();
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        List<ImportRow> rows = new ArrayList<>(rows(prefix, 300));
        rows.add(new ImportRow(
                302, prefix + "-spam", Map.of("title", "成果转化 " + prefix, "description", "合作请访问星空体育官网入口网站")));
        long before = achievements.count();

        List<Outcome> first = target.applyAll(station, rows, 9001L);

        assertThat(first).hasSize(301).containsOnly(Outcome.INSERTED);
        assertThat(achievements.count()).isEqualTo(before + 301);
        assertThat(status(station, prefix + "-7")).isEqualTo("PUBLISHED");
        assertThat(status(station, prefix + "-spam")).isEqualTo("SUBMITTED");
        long id = jdbc.sql("select id from achievement where station_id = ? and source_id = ?")
                .param(station)
                .param(prefix + "-7")
                .query(Long.class)
                .single();
        assertThat(history.of("achievement", id)).singleElement().satisfies(entry -> {
            // the values it brought are the record's own (and, after a change, that change's before-values)
            assertThat(entry.action()).isEqualTo("imported");
            assertThat(entry.changes()).isEmpty();
        });

        List<ImportRow> again = new ArrayList<>(rows);
        again.set(0, new ImportRow(2, prefix + "-0", Map.of("title", "图神经网络交通流预测（修订）", "description", "新摘要")));
        List<Outcome> second = target.applyAll(station, again, 9002L);

        assertThat(second.getFirst()).isEqualTo(Outcome.UPDATED);
        long first0 = jdbc.sql("select id from achievement where station_id = ? and source_id = ?")
                .param(station)
                .param(prefix + "-0")
                .query(Long.class)
                .single();
        assertThat(history.of("achievement", first0).getLast().changes())
                .as("the values as first imported stay in the history")
                .anySatisfy(change -> {
                    assertThat(change.field()).isEqualTo("title");
                    assertThat(change.before()).isEqualTo("图神经网络交通流预测 " + prefix + " 0");
                    assertThat(change.after()).isEqualTo("图神经网络交通流预测（修订）");
                });
        assertThat(second.subList(1, second.size())).containsOnly(Outcome.UNCHANGED);
        assertThat(achievements.count()).isEqualTo(before + 301);
    }

    @Test
    void aChunkWithABadRowStoresNothing() {
        long station = stations.findByCode("zju").orElseThrow().id();
        String prefix = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        List<ImportRow> rows = new ArrayList<>(rows(prefix, 20));
        rows.add(new ImportRow(22, prefix + "-x", Map.of("title", "成果", "description", "摘要", "trl", "12")));
        long before = achievements.count();

        assertThatThrownBy(() -> target.applyAll(station, rows, 9003L)).isInstanceOf(AchievementRejected.class);
        assertThat(achievements.count()).isEqualTo(before);
    }
}
