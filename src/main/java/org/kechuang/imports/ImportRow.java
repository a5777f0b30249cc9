package org.kechuang.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One data row of an import file as a target sees it: cleaned values by canonical field name. A blank cell and an
 * absent column both read as {@code null} (or an empty list): a row states only the values it fills.
 *
 * @param number the row as people find it in the file: the spreadsheet row for CSV and Excel (the header is row 1),
 *     the line for JSON Lines
 * @param sourceId the row's source id, cleaned (never blank)
 */
public record ImportRow(int number, String sourceId, Map<String, Object> values) {

    /** The canonical field of the source id column every import type has. */
    public static final String SOURCE_ID = "sourceId";

    public ImportRow {
        values = Map.copyOf(values);
    }

    /** The value, trimmed (and for code columns normalized), or {@code null}; list items joined with {@code ;}. */
    public String text(String field) {
        return switch (values.get(field)) {
            case null -> null;
            case String text -> text;
            case List<?> items ->
                items.isEmpty()
                        ? null
                        : String.join(";", items.stream().map(String::valueOf).toList());
            default -> throw new IllegalStateException("unexpected value of " + field);
        };
    }

    /** The items of a list column (or the single value of any other column), each trimmed, never blank. */
    public List<String> list(String field) {
        return switch (values.get(field)) {
            case null -> List.of();
            case String text -> List.of(text);
            case List<?> items -> items.stream().map(String::valueOf).toList();
            default -> throw new IllegalStateException("unexpected value of " + field);
        };
    }

    /** Whether the row fills the field. */
    public boolean states(String field) {
        return values.containsKey(field);
    }

    /** The fields the row fills. */
    public Set<String> fields() {
        return values.keySet();
    }
}
