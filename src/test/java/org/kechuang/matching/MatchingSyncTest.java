package org.kechuang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.search.ChangeFollowers;

/** When the learnt vectors are learnt again (ADR 0016): the bulk path's rule, without an index. */
class MatchingSyncTest {

    private final MatchingIndex index = mock(MatchingIndex.class);
    private final MatchingSync sync = new MatchingSync(
            index,
            List.of(),
            new MatchingProperties(
                    Path.of("unused"),
                    100,
                    5,
                    2,
                    0.1,
                    5,
                    0.5,
                    true,
                    2,
                    0.2,
                    1_000,
                    Duration.ofSeconds(5),
                    "0 30 2 * * *",
                    0.3,
                    0.3,
                    0.5,
                    10),
            mock(ChangeFollowers.class));

    private void index(long records, boolean learnt, long recordsWhenLearnt) {
        when(index.count()).thenReturn(records);
        when(index.space()).thenReturn(learnt ? mock(LatentSpace.class) : null);
        when(index.spaceRecords()).thenReturn(recordsWhenLearnt);
    }

    @Test
    void withoutVectorsTheyAreLearntOnceChangesPauseOrTheIndexIsLargeEnough() {
        index(500, false, 0);
        assertThat(sync.due(true)).isTrue();
        assertThat(sync.due(false)).isFalse();
        index(1_000, false, 0);
        assertThat(sync.due(false)).isTrue();
        index(0, false, 0);
        assertThat(sync.due(true)).isFalse();
    }

    @Test
    void vectorsLearntFromASmallIndexAreLearntAgainWhenItGrewByAFifth() {
        index(119, true, 100);
        assertThat(sync.due(true)).isFalse();
        index(121, true, 100);
        assertThat(sync.due(true)).isTrue();
        // while a bulk import goes on, only once the index is large enough
        assertThat(sync.due(false)).isFalse();
        index(1_000, true, 100);
        assertThat(sync.due(false)).isTrue();
        // shrinking counts too
        index(79, true, 100);
        assertThat(sync.due(true)).isTrue();
    }

    @Test
    void vectorsLearntFromALargeEnoughIndexAreOnlyAddedTo() {
        index(1_000_000, true, 1_000);
        assertThat(sync.due(true)).isFalse();
        assertThat(sync.due(false)).isFalse();
    }
}
