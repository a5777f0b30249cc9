package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kechuang.achievement.AchievementDraft;
import org.kechuang.achievement.Achievements;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change whose transaction rolls back never reaches the index: the event that would tell the index is written in the
 * same transaction and rolled back with it. A committed change made right after it is found, so the index was not
 * merely slow.
 */
@IntegrationTest
class SearchRollbackIT {

    @Autowired
    Achievements achievements;

    @Autowired
    Stations stations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SearchEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRolledBackInsertIsNeverSearchableAndACommittedOneIs() {
        String marker = "rb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long zju = stations.findByCode("zju").orElseThrow().id();
        AtomicLong rolledBack = new AtomicLong();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    rolledBack.set(achievements
                            .upsertFromImport(
                                    AchievementDraft.of("回滚的成果 " + marker, "这条记录的事务会回滚。", List.of("回滚")),
                                    new Provenance(zju, "rollback-test", marker + "-1", null))
                            .id());
                    throw new IllegalStateException("the work after the insert failed");
                }))
                .hasMessage("the work after the insert failed");
        long committed = achievements
                .upsertFromImport(
                        AchievementDraft.of("提交的成果 " + marker, "这条记录的事务会提交。", List.of("提交")),
                        new Provenance(zju, "rollback-test", marker + "-2", null))
                .id();

        await().atMost(Duration.ofSeconds(20)).until(() -> ids(marker).contains(committed));
        assertThat(rolledBack.get()).isPositive();
        assertThat(jdbc.sql(
                                "select count(*) from event_publication where event_type like ? and serialized_event like ?")
                        .param("%SearchableRecordsChanged")
                        .param("%\"achievement\"%[" + committed + "]%")
                        .query(Long.class)
                        .single())
                .as("the committed record's changes were published")
                .isPositive();
        assertThat(ids(marker)).containsExactly(committed);
        assertThat(jdbc.sql("select count(*) from achievement where id = ?")
                        .param(rolledBack.get())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "select count(*) from event_publication where event_type like ? and serialized_event like ?")
                        .param("%SearchableRecordsChanged")
                        .param("%\"achievement\"%[" + rolledBack.get() + "]%")
                        .query(Long.class)
                        .single())
                .as("no change published for the rolled-back record")
                .isZero();
    }

    private List<Long> ids(String marker) {
        return engine
                .search(new SearchQuery(
                        marker,
                        "achievement",
                        null,
                        null,
                        null,
                        null,
                        SearchQuery.Order.RELEVANCE,
                        new Searcher(null, true, false, Set.of()),
                        0,
                        10))
                .results()
                .stream()
                .map(SearchHits.Hit::id)
                .toList();
    }
}
