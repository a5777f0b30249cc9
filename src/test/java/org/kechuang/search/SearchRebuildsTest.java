package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuild over a real index and a library of 1,234 records read in pages of 100. */
class SearchRebuildsTest {

    @TempDir
    Path folder;

    private LuceneSearchEngine engine;

    @AfterEach
    void close() throws IOException {
        engine.close();
    }

    /** Records 1..n titled 传感器 <id>, all searchable. */
    record Library(long n) implements SearchSource {
        @Override
        public String type() {
            return "achievement";
        }

        @Override
        public long count() {
            return n;
        }

        @Override
        public List<SearchDocument> page(long afterId, int size) {
            return LongStream.rangeClosed(afterId + 1, Math.min(n, afterId + size))
                    .mapToObj(Library::document)
                    .toList();
        }

        @Override
        public List<SearchDocument> documents(Collection<Long> ids) {
            return ids.stream().filter(id -> id <= n).map(Library::document).toList();
        }

        @Override
        public String link(long id) {
            return "/achievements/" + id;
        }

        static SearchDocument document(long id) {
            return new SearchDocument(
                    "achievement",
                    id,
                    "传感器 " + id,
                    List.of(),
                    "",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "PUBLISHED",
                    Access.everyone(),
                    Instant.EPOCH);
        }
    }

    private SearchRebuilds rebuilds(boolean atStartup) {
        engine = new LuceneSearchEngine(folder);
        return new SearchRebuilds(
                engine, List.of(new Library(1234)), new SearchProperties(folder, atStartup, 100), Clock.systemUTC());
    }

    @Test
    void aMissingIndexIsRebuiltAtStartupWithItsProgressCounted() {
        SearchRebuilds rebuilds = rebuilds(true);

        rebuilds.rebuildIfNeeded();

        await().atMost(Duration.ofSeconds(30)).until(() -> rebuilds.status().state() == SearchRebuilds.State.DONE);
        SearchRebuilds.RebuildStatus done = rebuilds.status();
        assertThat(done.reason()).isEqualTo("startup");
        assertThat(done.total()).isEqualTo(1234);
        assertThat(done.indexed()).isEqualTo(1234);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(engine.count()).isEqualTo(1234);
        assertThat(engine.needsRebuild()).isFalse();
        assertThat(engine.search(SearchQuery.publicly("传感器", 5)).total()).isEqualTo(1234);
    }

    @Test
    void noRebuildStartsWhenTheIndexIsSoundOrTheStartupRebuildIsOff() {
        SearchRebuilds off = rebuilds(false);
        off.rebuildIfNeeded();
        assertThat(off.status().state()).isEqualTo(SearchRebuilds.State.NEVER);
    }

    @Test
    void anOperatorsRebuildRemovesWhatTheLibraryNoLongerHas() {
        SearchRebuilds rebuilds = rebuilds(false);
        engine.index(List.of(Library.document(5000)));

        rebuilds.start("operator");

        await().atMost(Duration.ofSeconds(30)).until(() -> rebuilds.status().state() == SearchRebuilds.State.DONE);
        assertThat(engine.count()).isEqualTo(1234);
        assertThat(engine.search(SearchQuery.publicly("5000", 5)).total()).isZero();
    }
}
