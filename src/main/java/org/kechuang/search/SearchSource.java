package org.kechuang.search;

import java.util.Collection;
import java.util.List;

/**
 * A library whose records can be searched, contributed as a bean by the module that owns them (as the import
 * pipeline's {@code ImportTarget}). It decides which of its records are searchable and in what form; the search
 * module rebuilds the index from it.
 */
public interface SearchSource {

    /** The library's name, the {@code type} of its documents: {@code demand}, {@code achievement}, … */
    String type();

    /** How many of its records are searchable now (for the progress of a rebuild). */
    long count();

    /** The searchable records with an id above {@code afterId}, in id order, at most {@code size}. */
    List<SearchDocument> page(long afterId, int size);

    /** The searchable records among {@code ids}; an id that is missing or not searchable (any more) is left out. */
    List<SearchDocument> documents(Collection<Long> ids);

    /** The path of the record's page, where a result links to. */
    String link(long id);
}
