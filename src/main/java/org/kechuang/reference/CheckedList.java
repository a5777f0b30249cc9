package org.kechuang.reference;

import java.util.List;

/**
 * An uploaded list that passed every check.
 *
 * @param entries the rows to store, in file order
 * @param warnings what was corrected on the way in, in row order (a parent taken from the code's structure)
 */
record CheckedList(List<TaxonomyEntry> entries, List<RowProblem> warnings) {

    CheckedList {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
