package org.kechuang.search;

import java.util.List;

/**
 * Records of a library were written: published by the library in the transaction of the change, so that the index
 * learns of every committed change (through the event publication registry, also after a crash) and of no rolled-back
 * one. The index asks the library's {@link SearchSource} for the records' current form.
 *
 * @param type the library, as {@link SearchSource#type()}
 */
public record SearchableRecordsChanged(String type, List<Long> ids) {

    public SearchableRecordsChanged {
        ids = List.copyOf(ids);
    }

    public static SearchableRecordsChanged of(String type, long id) {
        return new SearchableRecordsChanged(type, List.of(id));
    }
}
