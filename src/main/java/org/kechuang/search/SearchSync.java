package org.kechuang.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the libraries: after a change commits, the changed records are read again from their
 * library and indexed, or removed when they are no longer searchable (unpublished, archived, confidential). The
 * {@link ChangeFollower} applies changes one group at a time, with one commit per group, and lets the changes of a bulk
 * write wait until it pauses (ADR 0015).
 */
@Component
class SearchSync {

    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);

    private final SearchEngine engine;
    private final Map<String, SearchSource> sources;
    private final ChangeFollower follower;

    SearchSync(SearchEngine engine, List<SearchSource> sources, SearchSyncProperties properties) {
        this.engine = engine;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
        this.follower = new ChangeFollowers(properties).follower(this::apply);
    }

    // no transaction around the listener (unlike @ApplicationModuleListener): it only reads, and a burst of events (a
    // bulk import publishes one per chunk) must not hold a pooled connection each while waiting; the listeners run on
    // virtual threads, so many waiting ones cost little
    @Async
    @TransactionalEventListener
    void on(SearchableRecordsChanged changed) throws InterruptedException {
        follower.follow(changed);
    }

    private void apply(Map<String, Set<Long>> changedIds) {
        changedIds.forEach((type, ids) -> {
            SearchSource source = sources.get(type);
            if (source == null) {
                log.warn("No search source for {}: change of {} ignored", type, ids);
                return;
            }
            List<SearchDocument> searchable = source.documents(ids);
            Set<Long> gone = new HashSet<>(ids);
            searchable.forEach(document -> gone.remove(document.id()));
            if (!searchable.isEmpty()) {
                engine.index(searchable);
            }
            if (!gone.isEmpty()) {
                engine.delete(type, gone);
            }
        });
    }
}
