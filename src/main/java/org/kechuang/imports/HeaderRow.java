package org.kechuang.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kechuang.platform.text.Text;

/**
 * The header row of a CSV file or a worksheet: which column sits where. Unknown and repeated names refuse the file (a
 * typo would otherwise drop a whole column of data silently), and so does a missing required column. A column with a
 * blank name is ignored; a value under it is an error of its row.
 */
final class HeaderRow {

    private static final int SHOWN_MAX = 50;

    private final ImportColumn[] positions;

    private HeaderRow(ImportColumn[] positions) {
        this.positions = positions;
    }

    static HeaderRow read(List<String> cells, ImportColumns columns) {
        ImportColumn[] positions = new ImportColumn[cells.size()];
        List<ImportFieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i) == null ? "" : Text.clean(cells.get(i).replace('\uFEFF', ' '));
            if (name.isEmpty()) {
                continue;
            }
            String shown = name.length() > SHOWN_MAX ? name.substring(0, SHOWN_MAX) + "…" : name;
            var column = columns.forName(name);
            if (column.isEmpty()) {
                errors.add(ImportFieldError.of(shown, "imports.header.unknown", shown));
            } else if (!seen.add(column.get().field())) {
                errors.add(ImportFieldError.of(column.get().field(), "imports.header.repeated", shown));
            } else {
                positions[i] = column.get();
            }
        }
        for (ImportColumn column : columns.all()) {
            if (column.required() && !seen.contains(column.field())) {
                errors.add(ImportFieldError.of(column.field(), "imports.header.missing", column.header()));
            }
        }
        if (!errors.isEmpty()) {
            throw ImportRefused.header(errors);
        }
        return new HeaderRow(positions);
    }

    int width() {
        return positions.length;
    }

    /**
     * The row's values by field, and an error when it has values under no column. The column count itself is the
     * reader's concern: a spreadsheet leaves trailing blank cells out, a CSV file does not.
     */
    RawRow map(int number, List<String> cells, List<ImportFieldError> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ImportFieldError> found = new ArrayList<>(errors);
        boolean stray = false;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            if (i >= positions.length || positions[i] == null) {
                stray = true;
            } else {
                values.put(positions[i].field(), cell);
            }
        }
        if (stray && errors.isEmpty()) {
            found.add(ImportFieldError.of(null, "imports.row.extra-cells", positions.length, cells.size()));
        }
        return new RawRow(number, values, found);
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    static boolean instructions(List<String> cells) {
        return !cells.isEmpty()
                && cells.getFirst() != null
                && cells.getFirst().strip().startsWith(RowReader.INSTRUCTIONS_MARK);
    }
}
