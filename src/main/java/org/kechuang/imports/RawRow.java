package org.kechuang.imports;

import java.util.List;
import java.util.Map;

/**
 * One data row as a reader found it, before its cells are cleaned.
 *
 * @param number the spreadsheet row (the header is row 1) or, for JSON Lines, the line
 * @param values the cells by canonical field: a string, or a list of strings for a JSON array; blank cells absent
 * @param errors what is wrong with the row's shape (column count, broken quotes, malformed JSON, unknown property)
 */
record RawRow(int number, Map<String, Object> values, List<ImportFieldError> errors) {

    RawRow {
        values = java.util.Collections.unmodifiableMap(values);
        errors = List.copyOf(errors);
    }

    static RawRow broken(int number, ImportFieldError error) {
        return new RawRow(number, Map.of(), List.of(error));
    }
}
