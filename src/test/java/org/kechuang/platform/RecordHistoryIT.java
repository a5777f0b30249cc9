package org.kechuang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.history.RecordHistory.Change;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class RecordHistoryIT {

    @Autowired
    RecordHistory history;

    @Autowired
    TransactionTemplate transactions;

    private final long record = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    @Test
    void keepsWhoChangedWhichFieldsFromWhatToWhatInOrder() {
        history.record("test-record", record, 7L, "created", Map.of(), Map.of("title", "超导材料", "region", "330100"));
        history.record(
                "test-record",
                record,
                8L,
                "edited",
                Map.of("title", "超导材料", "region", "330100", "note", "旧"),
                Map.of("title", "高温超导材料", "region", "330100"));

        var entries = history.of("test-record", record);

        assertThat(entries).extracting(RecordHistory.Entry::action).containsExactly("created", "edited");
        assertThat(entries.get(0).changes())
                .containsExactlyInAnyOrder(new Change("title", null, "超导材料"), new Change("region", null, "330100"));
        assertThat(entries.get(1).actorId()).isEqualTo(8L);
        assertThat(entries.get(1).changes())
                .as("unchanged fields are left out; removed fields are kept with their old value")
                .containsExactlyInAnyOrder(new Change("title", "超导材料", "高温超导材料"), new Change("note", "旧", null));
    }

    @Test
    void aRolledBackChangeLeavesNoHistory() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    history.record("test-record", record, 1L, "edited", Map.of(), Map.of("title", "回滚"));
                    throw new IllegalStateException("the change itself failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(history.of("test-record", record)).isEmpty();
    }
}
