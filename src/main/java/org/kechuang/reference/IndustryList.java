package org.kechuang.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks a GB/T 4754 code list in the published CSV layout
 * {@code id,industry_id,name,parent_id,level_type,description} ({@code level_type} 0..3 = 门类/大类/中类/小类). Every row
 * is checked before anything is stored; a group's or class's parent must be its code without the last digit, a
 * division's parent a section, and every parent must be in the file or already stored.
 */
final class IndustryList {

    static final String CODE = "industry_id";
    static final String NAME = "name";
    static final String PARENT = "parent_id";
    static final String LEVEL = "level_type";
    static final String DESCRIPTION = "description";
    static final String SOURCE_ID = "id";
    static final List<String> HEADER = List.of(SOURCE_ID, CODE, NAME, PARENT, LEVEL, DESCRIPTION);
    private static final Set<String> REQUIRED_COLUMNS = Set.of(CODE, NAME, PARENT, LEVEL);

    private static final List<Pattern> CODE_FORMATS = List.of(
            Pattern.compile("[A-Z]"),
            Pattern.compile("[0-9]{2}"),
            Pattern.compile("[0-9]{3}"),
            Pattern.compile("[0-9]{4}"));

    private IndustryList() {}

    /**
     * @param stored the codes already stored, which rows may name as parents
     * @throws TaxonomyImportRejected listing every wrong row
     */
    static List<TaxonomyEntry> read(String text, Set<String> stored) {
        List<RowProblem> problems = new ArrayList<>();
        List<CSVRecord> records = records(text);
        if (records.isEmpty()) {
            throw new TaxonomyImportRejected(
                    List.of(RowProblem.of(1, null, "reference.import.header.missing", CODE, String.join(",", HEADER))));
        }
        Map<String, Integer> columns = header(records.getFirst(), problems);
        if (!problems.isEmpty()) {
            throw new TaxonomyImportRejected(problems);
        }
        List<TaxonomyEntry> entries = new ArrayList<>();
        Map<String, Integer> firstRows = new HashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int row = (int) record.getRecordNumber();
            if (record.size() != columns.size()) {
                problems.add(RowProblem.of(row, null, "reference.import.columns", record.size(), columns.size()));
                continue;
            }
            TaxonomyEntry entry = entry(record, row, columns, problems);
            if (entry == null) {
                continue;
            }
            Integer first = firstRows.putIfAbsent(entry.code(), row);
            if (first != null) {
                problems.add(RowProblem.of(row, CODE, "reference.import.code.duplicate", entry.code(), first));
                continue;
            }
            entries.add(entry);
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(RowProblem.of(2, null, "reference.import.no-rows"));
        }
        Set<String> known = new HashSet<>(stored);
        known.addAll(firstRows.keySet());
        for (TaxonomyEntry entry : entries) {
            if (entry.parentCode() != null && !known.contains(entry.parentCode())) {
                problems.add(RowProblem.of(entry.row(), PARENT, "reference.import.parent.unknown", entry.parentCode()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(RowProblem::row));
            throw new TaxonomyImportRejected(problems);
        }
        return entries;
    }

    private static Map<String, Integer> header(CSVRecord header, List<RowProblem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Codes.normalized(header.get(i));
            String column = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (!HEADER.contains(column) || columns.putIfAbsent(column, i) != null) {
                problems.add(
                        RowProblem.of(1, column, "reference.import.header.unknown", column, String.join(",", HEADER)));
            }
        }
        for (String required : HEADER) {
            if (REQUIRED_COLUMNS.contains(required) && !columns.containsKey(required)) {
                problems.add(RowProblem.of(
                        1, required, "reference.import.header.missing", required, String.join(",", HEADER)));
            }
        }
        return columns;
    }

    private static TaxonomyEntry entry(
            CSVRecord record, int row, Map<String, Integer> columns, List<RowProblem> problems) {
        String code = Codes.normalized(record.get(columns.get(CODE)));
        String levelText = Codes.normalized(record.get(columns.get(LEVEL)));
        String parent = Codes.normalized(record.get(columns.get(PARENT)));
        String name = Cells.text(record.get(columns.get(NAME)), true, Cells.NAME_LENGTH, row, NAME, problems);
        String description = columns.containsKey(DESCRIPTION)
                ? Cells.text(
                        record.get(columns.get(DESCRIPTION)),
                        false,
                        Cells.DESCRIPTION_LENGTH,
                        row,
                        DESCRIPTION,
                        problems)
                : null;

        // a row with a readable code and parent still takes part in the duplicate and parent checks
        List<RowProblem> structural = new ArrayList<>();
        Integer level = level(levelText, row, structural);
        if (code == null) {
            structural.add(RowProblem.of(row, CODE, "reference.import.required", CODE));
        } else if (level != null && !CODE_FORMATS.get(level).matcher(code).matches()) {
            structural.add(RowProblem.of(row, CODE, "reference.import.industry.code", code, level));
        }
        if (code != null && level != null) {
            parent(code, level, parent, row, structural);
        }
        problems.addAll(structural);
        return structural.isEmpty() ? new TaxonomyEntry(row, code, level, name, null, description, parent) : null;
    }

    private static Integer level(String text, int row, List<RowProblem> problems) {
        if (text == null) {
            problems.add(RowProblem.of(row, LEVEL, "reference.import.required", LEVEL));
            return null;
        }
        if (!text.matches("[0-3]")) {
            problems.add(RowProblem.of(row, LEVEL, "reference.import.industry.level", text));
            return null;
        }
        return Integer.parseInt(text);
    }

    private static void parent(String code, int level, String parent, int row, List<RowProblem> problems) {
        if (level == 0) {
            if (parent != null) {
                problems.add(RowProblem.of(row, PARENT, "reference.import.parent.unexpected", parent));
            }
        } else if (parent == null) {
            problems.add(RowProblem.of(row, PARENT, "reference.import.required", PARENT));
        } else if (level == 1) {
            if (!CODE_FORMATS.getFirst().matcher(parent).matches()) {
                problems.add(RowProblem.of(row, PARENT, "reference.import.industry.section-parent", parent, code));
            }
        } else {
            String expected = code.substring(0, code.length() - 1);
            if (!parent.equals(expected)) {
                problems.add(RowProblem.of(row, PARENT, "reference.import.parent.mismatch", parent, code, expected));
            }
        }
    }

    private static List<CSVRecord> records(String text) {
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            Iterator<CSVRecord> rows = parser.iterator();
            while (rows.hasNext()) {
                records.add(rows.next());
            }
        } catch (IOException | UncheckedIOException e) {
            // an unclosed quote swallows the rest of the file: name the row where it starts
            throw new TaxonomyImportRejected(List.of(RowProblem.of(records.size() + 1, null, "reference.import.csv")));
        }
        return records;
    }
}
