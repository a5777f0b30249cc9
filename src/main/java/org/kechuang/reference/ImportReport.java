package org.kechuang.reference;

import java.util.List;

/**
 * What an accepted import did: every row of the file is exactly one of inserted, updated or unchanged.
 *
 * @param warnings rows taken in with a correction, in row order
 */
record ImportReport(int total, int inserted, int updated, int unchanged, List<RowProblem> warnings) {

    ImportReport {
        warnings = List.copyOf(warnings);
    }
}
