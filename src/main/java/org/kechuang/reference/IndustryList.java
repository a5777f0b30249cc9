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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks a GB/T 4754 code list in the published CSV layout
 * {@code id,industry_id,name,parent_id,level_type,description} ({@code level_type} 0..3 = 门类/大类/中类/小类). Every row
 * is checked before anything is stored. The standard's codes are hierarchical below the division: a group's or class's
 * parent is its code without the last digit, whatever {@code parent_id} says, so a {@code parent_id} naming another
 * code that exists is corrected with a warning (official lists have such slips: 8421 under 832). A division's section
 * is not in its code: it is taken from {@code parent_id} and checked against the sections of the stored divisions.
 * Every parent must be in the file or already stored.
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
     * @param sections the sections of the stored divisions, against which a division's section is checked
     * @throws TaxonomyImportRejected listing every wrong row
     */
    static CheckedList read(String text, Set<String> stored, SectionRanges sections) {
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
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstRows = new HashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int number = (int) record.getRecordNumber();
            if (record.size() != columns.size()) {
                problems.add(RowProblem.of(number, null, "reference.import.columns", record.size(), columns.size()));
                continue;
            }
            Row row = row(record, number, columns, problems);
            if (row == null) {
                continue;
            }
            Integer first = firstRows.putIfAbsent(row.code(), number);
            if (first != null) {
                problems.add(RowProblem.of(number, CODE, "reference.import.code.duplicate", row.code(), first));
                continue;
            }
            rows.add(row);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(RowProblem.of(2, null, "reference.import.no-rows"));
        }

        // parents are placed once every code of the file is known, since a parent may come after its children
        Set<String> known = new HashSet<>(stored);
        known.addAll(firstRows.keySet());
        List<TaxonomyEntry> entries = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        for (Row row : rows) {
            Placement placement = place(row, known, sections);
            if (placement.problem() != null) {
                problems.add(placement.problem());
                continue;
            }
            if (placement.warning() != null) {
                warnings.add(placement.warning());
            }
            entries.add(new TaxonomyEntry(
                    row.row(), row.code(), row.level(), row.name(), null, row.description(), placement.parent()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(RowProblem::row));
            throw new TaxonomyImportRejected(problems);
        }
        return new CheckedList(entries, warnings);
    }

    /** Where a row goes: its parent as stored, or why it cannot be placed. */
    private static Placement place(Row row, Set<String> known, SectionRanges sections) {
        String given = row.parent();
        return switch (row.level()) {
            case 0 -> Placement.under(null);
            case 1 -> {
                Optional<SectionRanges.Span> range = sections.enclosing(row.code());
                if (range.isPresent() && !range.get().section().equals(given)) {
                    SectionRanges.Span span = range.get();
                    yield Placement.refused(RowProblem.of(
                            row.row(),
                            PARENT,
                            "reference.import.industry.section-range",
                            given,
                            row.code(),
                            span.section(),
                            span.first(),
                            span.last()));
                }
                yield known.contains(given) ? Placement.under(given) : unknown(row);
            }
            default -> {
                String derived = row.code().substring(0, row.code().length() - 1);
                if (!known.contains(given)) {
                    yield unknown(row);
                }
                if (given.equals(derived)) {
                    yield Placement.under(derived);
                }
                if (!known.contains(derived)) {
                    yield Placement.refused(RowProblem.of(
                            row.row(), PARENT, "reference.import.parent.derived-unknown", given, row.code(), derived));
                }
                yield Placement.corrected(
                        derived,
                        RowProblem.of(
                                row.row(), PARENT, "reference.import.parent-corrected", given, row.code(), derived));
            }
        };
    }

    private static Placement unknown(Row row) {
        return Placement.refused(RowProblem.of(row.row(), PARENT, "reference.import.parent.unknown", row.parent()));
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

    /** The row as read, or {@code null} when its code, level or parent is unusable whatever else the file holds. */
    private static Row row(CSVRecord record, int row, Map<String, Integer> columns, List<RowProblem> problems) {
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
            parentCell(code, level, parent, row, structural);
        }
        problems.addAll(structural);
        return structural.isEmpty() ? new Row(row, code, level, name, description, parent) : null;
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

    /** What the {@code parent_id} cell must hold on its own: nothing for a section, a letter for a division. */
    private static void parentCell(String code, int level, String parent, int row, List<RowProblem> problems) {
        if (level == 0) {
            if (parent != null) {
                problems.add(RowProblem.of(row, PARENT, "reference.import.parent.unexpected", parent));
            }
        } else if (parent == null) {
            problems.add(RowProblem.of(row, PARENT, "reference.import.required", PARENT));
        } else if (level == 1 && !CODE_FORMATS.getFirst().matcher(parent).matches()) {
            problems.add(RowProblem.of(row, PARENT, "reference.import.industry.section-parent", parent, code));
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

    /** A row whose code, level and parent cell are readable; its name may still be refused. */
    private record Row(int row, String code, int level, String name, String description, String parent) {}

    /** A row's stored parent and the correction made to get it, or the reason it has none. */
    private record Placement(String parent, RowProblem warning, RowProblem problem) {

        static Placement under(String parent) {
            return new Placement(parent, null, null);
        }

        static Placement corrected(String parent, RowProblem warning) {
            return new Placement(parent, warning, null);
        }

        static Placement refused(RowProblem problem) {
            return new Placement(null, null, problem);
        }
    }
}
