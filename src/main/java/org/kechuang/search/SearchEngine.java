package org.kechuang.search;

import java.util.Collection;
import java.util.List;

/**
 * The full-text engine, kept behind this interface so that a distributed engine can replace the embedded one without
 * touching the libraries. Changes are durable and visible to searches when a method returns.
 */
public interface SearchEngine {

    /** Adds the documents, or replaces those with the same type and id. */
    void index(Collection<SearchDocument> documents);

    /** Removes the documents of the type with these ids; unknown ids are ignored. */
    void delete(String type, Collection<Long> ids);

    SearchHits search(SearchQuery query);

    /**
     * The words and whole terms the engine makes of a text, as they were typed, in order: what a shorter or looser
     * query can be made of.
     */
    List<String> words(String text);

    /**
     * Titles and keywords that complete what was typed, from any of their words or by their pinyin initials (rgzn →
     * 人工智能), among the records the searcher may see; those of most records first.
     */
    List<String> suggest(String typed, Searcher searcher, int size);

    /** How many documents the index holds. */
    long count();

    /** Removes every document. */
    void clear();

    /** True when the index was missing or unreadable when the engine started and no rebuild has finished since. */
    boolean needsRebuild();

    /**
     * Starts replacing the whole content while searches go on: documents added through the rebuild (or indexed
     * meanwhile) stay, every other document is removed when it {@linkplain Rebuild#finish() finishes}. A rebuild that
     * is never finished removes nothing.
     */
    Rebuild beginRebuild();

    interface Rebuild {

        /**
         * Adds the documents, or replaces those with the same type and id; several threads may add at once. They are
         * durable and searchable once the rebuild {@linkplain #finish() finishes} (or when a change indexed meanwhile
         * is).
         */
        void add(List<SearchDocument> documents);

        /** Removes the documents not added since the rebuild began, and commits. */
        void finish();
    }
}
