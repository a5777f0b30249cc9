package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchSyncTest {

    private final RecordingEngine engine = new RecordingEngine();
    private final List<Thread> listeners = new ArrayList<>();

    @AfterEach
    void stopWaitingListeners() throws InterruptedException {
        for (Thread listener : listeners) {
            listener.interrupt();
            listener.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPersonsChangeIsIndexedAtOnceWhileBulkChangesWaitForTheBulkWriteToPause() {
        SearchSync sync = sync(Duration.ofHours(1), Duration.ofHours(1));

        Thread bulk = deliver(sync, SearchableRecordsChanged.bulk("achievement", List.of(1L, 2L)));
        Thread person = deliver(sync, SearchableRecordsChanged.of("achievement", 3L));

        await().atMost(Duration.ofSeconds(30)).until(() -> !person.isAlive());
        assertThat(engine.indexedIds()).containsExactly(3L);
        assertThat(bulk.isAlive()).as("the bulk change still waits").isTrue();
    }

    @Test
    void bulkChangesArrivingTogetherAreIndexedTogetherOnceTheyStop() {
        SearchSync sync = sync(Duration.ofSeconds(2), Duration.ofHours(1));

        Thread first = deliver(sync, SearchableRecordsChanged.bulk("achievement", List.of(1L, 2L)));
        Thread second = deliver(sync, SearchableRecordsChanged.bulk("achievement", List.of(3L, 4L)));
        Thread third = deliver(sync, SearchableRecordsChanged.bulk("achievement", List.of(5L)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive() && !second.isAlive() && !third.isAlive());
        assertThat(engine.indexedIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(engine.calls()).as("one group, one commit").hasSize(1);
    }

    @Test
    void aBulkChangeWaitsNoLongerThanTheLongestDelayWhileTheBulkWriteGoesOn() {
        SearchSync sync = sync(Duration.ofHours(1), Duration.ofMillis(200));

        Thread bulk = deliver(sync, SearchableRecordsChanged.bulk("achievement", List.of(7L)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !bulk.isAlive());
        assertThat(engine.indexedIds()).containsExactly(7L);
    }

    @Test
    void aRecordThatIsNoLongerSearchableIsRemovedFromTheIndex() {
        SearchSync sync = sync(Duration.ofHours(1), Duration.ofHours(1));

        Thread person = deliver(sync, SearchableRecordsChanged.of("achievement", -1L));

        await().atMost(Duration.ofSeconds(30)).until(() -> !person.isAlive());
        assertThat(engine.deletedIds()).containsExactly(-1L);
        assertThat(engine.indexedIds()).isEmpty();
    }

    private SearchSync sync(Duration quietPeriod, Duration maxDelay) {
        return new SearchSync(engine, List.of(new Source()), new SearchSyncProperties(quietPeriod, maxDelay));
    }

    /** Delivers the event on a thread of its own, as the asynchronous listener does. */
    private Thread deliver(SearchSync sync, SearchableRecordsChanged changed) {
        Thread listener = Thread.ofVirtual().start(() -> {
            try {
                sync.on(changed);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        listeners.add(listener);
        return listener;
    }

    /** Records with a positive id are searchable. */
    private static final class Source implements SearchSource {

        @Override
        public String type() {
            return "achievement";
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public List<SearchDocument> page(long afterId, int size) {
            return List.of();
        }

        @Override
        public List<SearchDocument> documents(Collection<Long> ids) {
            return ids.stream()
                    .filter(id -> id > 0)
                    .map(id -> new SearchDocument(
                            "achievement",
                            id,
                            "成果 " + id,
                            List.of(),
                            "",
                            null,
                            null,
                            null,
                            null,
                            null,
                            "PUBLISHED",
                            Access.everyone(),
                            Instant.EPOCH))
                    .toList();
        }

        @Override
        public String link(long id) {
            return "/achievements/" + id;
        }
    }

    /** Remembers what it was asked to index and delete. */
    private static final class RecordingEngine implements SearchEngine {

        private final List<List<Long>> calls = new CopyOnWriteArrayList<>();
        private final List<Long> deleted = new CopyOnWriteArrayList<>();

        List<List<Long>> calls() {
            return calls;
        }

        List<Long> indexedIds() {
            return calls.stream().flatMap(List::stream).toList();
        }

        List<Long> deletedIds() {
            return deleted;
        }

        @Override
        public void index(Collection<SearchDocument> documents) {
            calls.add(documents.stream().map(SearchDocument::id).toList());
        }

        @Override
        public void delete(String type, Collection<Long> ids) {
            deleted.addAll(ids);
        }

        @Override
        public SearchHits search(SearchQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> words(String text) {
            return List.of();
        }

        @Override
        public List<String> suggest(String typed, Searcher searcher, int size) {
            return List.of();
        }

        @Override
        public long count() {
            return indexedIds().size();
        }

        @Override
        public void clear() {}

        @Override
        public boolean needsRebuild() {
            return false;
        }

        @Override
        public Rebuild beginRebuild() {
            throw new UnsupportedOperationException();
        }
    }
}
