package org.kechuang.search;

import java.util.List;

/**
 * Records of a library were written: published by the library in the transaction of the change, so that the index
 * learns of every committed change (through the event publication registry, also after a crash) and of no rolled-back
 * one. The index asks the library's {@link SearchSource} for the records' current form.
 *
 * @param type the library, as {@link SearchSource#type()}
 * @param bulk written by a bulk write (an import's chunk, seeding) that is likely followed by more: the index takes
 *     such changes up once the bulk write pauses, instead of competing with it for the processors; a person's change
 *     is never held back by them
 */
public record SearchableRecordsChanged(String type, List<Long> ids, boolean bulk) {

    public SearchableRecordsChanged {
        ids = List.copyOf(ids);
    }

    public static SearchableRecordsChanged of(String type, long id) {
        return new SearchableRecordsChanged(type, List.of(id), false);
    }

    /** Records written in bulk: see {@link #bulk()}. */
    public static SearchableRecordsChanged bulk(String type, List<Long> ids) {
        return new SearchableRecordsChanged(type, ids, true);
    }
}
