package org.kechuang.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the libraries: after a change commits, the changed records are read again from their
 * library and indexed, or removed when they are no longer searchable (unpublished, archived, confidential). Reading the
 * current state makes a repeated or late event harmless; changes are applied one at a time, so an older state read
 * concurrently never overwrites a newer one.
 */
@Component
class SearchSync {

    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);

    private final SearchEngine engine;
    private final Map<String, SearchSource> sources;

    SearchSync(SearchEngine engine, List<SearchSource> sources) {
        this.engine = engine;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
    }

    @ApplicationModuleListener
    synchronized void on(SearchableRecordsChanged changed) {
        SearchSource source = sources.get(changed.type());
        if (source == null) {
            log.warn("No search source for {}: change of {} ignored", changed.type(), changed.ids());
            return;
        }
        List<SearchDocument> searchable = source.documents(changed.ids());
        Set<Long> gone = new HashSet<>(changed.ids());
        searchable.forEach(document -> gone.remove(document.id()));
        if (!searchable.isEmpty()) {
            engine.index(searchable);
        }
        if (!gone.isEmpty()) {
            engine.delete(changed.type(), gone);
        }
    }
}
