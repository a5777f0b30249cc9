package org.kechuang.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks an NSFC application-code list in JSON Lines, one object per line:
 * {@code {"_id": "A0101", "name": "数论", "name_en": "Number Theory", "parents": ["A01"], …}} (other members are
 * ignored). The department is the code's letter: a first-level code (A01) hangs under department A, a deeper code
 * under its code without the last two digits, and that parent must be in the file or already stored.
 */
final class DisciplineList {

    static final String CODE = "_id";
    static final String NAME = "name";
    static final String NAME_EN = "name_en";
    static final String PARENTS = "parents";

    private static final Pattern CODE_FORMAT = Pattern.compile("[A-Z]([0-9]{2}){0,3}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DisciplineList() {}

    /**
     * @param stored the codes already stored (at least the departments), which rows may name as parents
     * @throws TaxonomyImportRejected listing every wrong line
     */
    static List<TaxonomyEntry> read(String text, Set<String> stored) {
        List<RowProblem> problems = new ArrayList<>();
        List<TaxonomyEntry> entries = new ArrayList<>();
        Map<String, Integer> firstRows = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int row = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            TaxonomyEntry entry = entry(lines[i], row, problems);
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
            problems.add(RowProblem.of(1, null, "reference.import.no-rows"));
        }
        Set<String> known = new HashSet<>(stored);
        known.addAll(firstRows.keySet());
        for (TaxonomyEntry entry : entries) {
            if (entry.parentCode() != null && !known.contains(entry.parentCode())) {
                problems.add(
                        RowProblem.of(entry.row(), PARENTS, "reference.import.parent.unknown", entry.parentCode()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(RowProblem::row));
            throw new TaxonomyImportRejected(problems);
        }
        return entries;
    }

    private static TaxonomyEntry entry(String line, int row, List<RowProblem> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            problems.add(RowProblem.of(row, null, "reference.import.json"));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(RowProblem.of(row, null, "reference.import.json"));
            return null;
        }
        String name = Cells.text(string(node, NAME, row, problems), true, Cells.NAME_LENGTH, row, NAME, problems);
        String nameEn =
                Cells.text(string(node, NAME_EN, row, problems), false, Cells.NAME_EN_LENGTH, row, NAME_EN, problems);

        // a line with a readable code and parent still takes part in the duplicate and parent checks
        List<RowProblem> structural = new ArrayList<>();
        String code = Codes.normalized(string(node, CODE, row, structural));
        List<String> parents = parents(node, row, structural);
        if (code == null && structural.isEmpty()) {
            structural.add(RowProblem.of(row, CODE, "reference.import.required", CODE));
        } else if (code != null && !CODE_FORMAT.matcher(code).matches()) {
            structural.add(RowProblem.of(row, CODE, "reference.import.discipline.code", code));
        }
        String parent = null;
        if (structural.isEmpty()) {
            parent = parent(code, (code.length() - 1) / 2, parents, row, structural);
        }
        problems.addAll(structural);
        return structural.isEmpty()
                ? new TaxonomyEntry(row, code, (code.length() - 1) / 2, name, nameEn, null, parent)
                : null;
    }

    /** The stored parent: none for a department, the department for a first-level code, else the shorter code. */
    private static String parent(String code, int level, List<String> parents, int row, List<RowProblem> problems) {
        if (level == 0) {
            if (!parents.isEmpty()) {
                problems.add(RowProblem.of(row, PARENTS, "reference.import.parent.unexpected", parents.getFirst()));
            }
            return null;
        }
        String expected = code.substring(0, code.length() - 2);
        if (level == 1 && parents.isEmpty()) {
            return expected;
        }
        if (parents.isEmpty()) {
            problems.add(RowProblem.of(row, PARENTS, "reference.import.required", PARENTS));
        } else if (!parents.getFirst().equals(expected)) {
            problems.add(RowProblem.of(
                    row, PARENTS, "reference.import.parent.mismatch", parents.getFirst(), code, expected));
        }
        return expected;
    }

    private static String string(JsonNode node, String member, int row, List<RowProblem> problems) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(RowProblem.of(row, member, "reference.import.not-text", member));
            return null;
        }
        return value.stringValue();
    }

    private static List<String> parents(JsonNode node, int row, List<RowProblem> problems) {
        JsonNode value = node.get(PARENTS);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(RowProblem.of(row, PARENTS, "reference.import.discipline.parents"));
            return null;
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : value) {
            if (!parent.isString() || Codes.normalized(parent.stringValue()) == null) {
                problems.add(RowProblem.of(row, PARENTS, "reference.import.discipline.parents"));
                return null;
            }
            parents.add(Codes.normalized(parent.stringValue()));
        }
        if (parents.size() > 1) {
            problems.add(RowProblem.of(row, PARENTS, "reference.import.discipline.parents"));
            return null;
        }
        return parents;
    }
}
