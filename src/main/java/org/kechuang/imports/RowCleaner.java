package org.kechuang.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows a reader found into the rows a target sees: every cell cleaned by its column's kind and checked by
 * the {@link CellRules}, required columns filled, the source id present and not seen before in the same file.
 */
final class RowCleaner {

    static final int SOURCE_ID_MAX = 200;

    private final ImportColumns columns;
    private final CellRules cells;
    private final Map<String, Integer> seenSourceIds = new HashMap<>();

    RowCleaner(ImportColumns columns, int maxCellLength) {
        this.columns = columns;
        this.cells = new CellRules(maxCellLength);
    }

    /** A row ready for the target, or the reasons it is refused. */
    record Cleaned(int number, String sourceId, ImportRow row, List<ImportFieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Cleaned clean(RawRow raw) {
        List<ImportFieldError> errors = new ArrayList<>(raw.errors());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ImportColumn column : columns.all()) {
            Object value = raw.values().get(column.field());
            Object cleaned;
            if (column.kind() == ImportColumn.Kind.LIST) {
                List<String> items = value == null ? List.of() : cells.cleanList(column.field(), value, errors);
                cleaned = items.isEmpty() ? null : items;
            } else if (value instanceof List<?> array) {
                String joined = array.isEmpty()
                        ? null
                        : String.join(";", array.stream().map(String::valueOf).toList());
                cleaned = cells.clean(column.field(), joined, column.kind(), errors);
            } else {
                cleaned = cells.clean(column.field(), (String) value, column.kind(), errors);
            }
            if (cleaned != null) {
                values.put(column.field(), cleaned);
            } else if (column.required() && (value == null || blank(value))) {
                errors.add(ImportFieldError.of(column.field(), "imports.cell.required", column.header()));
            }
        }
        String sourceId = (String) values.remove(ImportRow.SOURCE_ID);
        if (sourceId != null) {
            if (sourceId.length() > SOURCE_ID_MAX) {
                errors.add(ImportFieldError.of(ImportRow.SOURCE_ID, "imports.source-id.too-long", SOURCE_ID_MAX));
            } else {
                Integer earlier = seenSourceIds.putIfAbsent(sourceId, raw.number());
                if (earlier != null) {
                    errors.add(ImportFieldError.of(ImportRow.SOURCE_ID, "imports.source-id.repeated", earlier));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Cleaned(raw.number(), shown(sourceId), null, List.copyOf(errors));
        }
        return new Cleaned(raw.number(), sourceId, new ImportRow(raw.number(), sourceId, values), List.of());
    }

    private static boolean blank(Object value) {
        return value instanceof String text ? text.isBlank() : value instanceof List<?> list && list.isEmpty();
    }

    private static String shown(String sourceId) {
        return sourceId == null || sourceId.length() <= SOURCE_ID_MAX ? sourceId : sourceId.substring(0, SOURCE_ID_MAX);
    }
}
