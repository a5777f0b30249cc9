package org.kechuang.organization;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kechuang.platform.text.Text;

/** The header row of an import file: which column sits where, under the name the file gives it. */
final class ImportHeader {

    static final int ROW = 1;

    private final Map<ImportColumn, Integer> positions;
    private final Map<ImportColumn, String> names;
    private final int width;

    private ImportHeader(Map<ImportColumn, Integer> positions, Map<ImportColumn, String> names, int width) {
        this.positions = positions;
        this.names = names;
        this.width = width;
    }

    /**
     * Reads the header row; refuses unknown and repeated columns (a typo would otherwise drop a whole column of data
     * silently) and a file without names, or without types when the request supplies none.
     */
    static ImportHeader read(List<String> cells, boolean typeSupplied) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> names = new EnumMap<>(ImportColumn.class);
        List<ImportRejected.RowError> errors = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = Text.clean(cells.get(i));
            if (name.isEmpty() && i == cells.size() - 1) {
                // Excel leaves a trailing separator after the last column
                continue;
            }
            String shown = ProfileRules.echo(name);
            Optional<ImportColumn> column = ImportColumn.forHeader(name);
            if (column.isEmpty()) {
                errors.add(error(shown, "organization.import.column.unknown", shown));
            } else if (positions.containsKey(column.get())) {
                errors.add(error(shown, "organization.import.column.repeated", shown));
            } else {
                positions.put(column.get(), i);
                names.put(column.get(), shown);
            }
        }
        if (errors.isEmpty() && !positions.containsKey(ImportColumn.NAME)) {
            errors.add(error("name", "organization.import.column.name-missing"));
        }
        if (errors.isEmpty() && !positions.containsKey(ImportColumn.TYPE) && !typeSupplied) {
            errors.add(error("type", "organization.import.column.type-missing"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return new ImportHeader(positions, names, cells.size());
    }

    private static ImportRejected.RowError error(String field, String key, Object... args) {
        return new ImportRejected.RowError(ROW, field, key, List.of(args));
    }

    boolean has(ImportColumn column) {
        return positions.containsKey(column);
    }

    /** The cell of the column in the row, or {@code null} when the file has no such column or the row is short. */
    String cell(List<String> row, ImportColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= row.size()) {
            return null;
        }
        return row.get(position);
    }

    int width() {
        return width;
    }

    /** How the file names the column that fills the field; the field itself when the file has no such column. */
    String nameOf(String field) {
        if (field == null) {
            return null;
        }
        return ImportColumn.forField(field).map(names::get).orElse(field);
    }
}
