package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisciplineListTest {

    private static final Set<String> DEPARTMENTS = Set.of("A", "B", "C", "D", "E", "F", "G", "H");

    @Test
    void hangsFirstLevelCodesUnderTheirDepartmentAndDeeperCodesUnderTheShorterCode() {
        List<TaxonomyEntry> entries = DisciplineList.read("""
                {"_id": "A0101", "name": "数论", "name_en": "Number Theory", "parents": ["A01"], "children": [], "is_leaf": false}
                {"_id": "A010101", "name": "解析数论", "name_en": "Analytical number theory", "parents": ["A0101"]}

                {"_id": "A01", "name": "数学", "name_en": "mathematics", "parents": [], "children": ["A0101"]}
                """, DEPARTMENTS);

        assertThat(entries)
                .extracting(TaxonomyEntry::row, TaxonomyEntry::code, TaxonomyEntry::level, TaxonomyEntry::parentCode)
                .containsExactly(tuple(1, "A0101", 2, "A01"), tuple(2, "A010101", 3, "A0101"), tuple(4, "A01", 1, "A"));
        assertThat(entries.getFirst().nameEn()).isEqualTo("Number Theory");
    }

    @Test
    void anEnglishNameIsOptional() {
        List<TaxonomyEntry> entries = DisciplineList.read("{\"_id\": \"ａ０２\", \"name\": \"力学\"}\n", DEPARTMENTS);

        assertThat(entries)
                .singleElement()
                .extracting(TaxonomyEntry::code, TaxonomyEntry::nameEn, TaxonomyEntry::parentCode)
                .containsExactly("A02", null, "A");
    }

    @Test
    void refusesBrokenLinesNamingTheLine() {
        assertThat(problems("""
                        {"_id": "A01", "name": "数学"}
                        {"_id": "A02", "name": "力学"
                        ["A03"]
                        {"_id": 4, "name": "物理"}
                        {"_id": "A05"}
                        {"_id": "A5", "name": "物理"}
                        """))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(
                        tuple(2, null, "reference.import.json"),
                        tuple(3, null, "reference.import.json"),
                        tuple(4, "_id", "reference.import.not-text"),
                        tuple(5, "name", "reference.import.required"),
                        tuple(6, "_id", "reference.import.discipline.code"));
    }

    @Test
    void refusesUnknownOrContradictoryParentsAndDuplicates() {
        assertThat(problems("""
                        {"_id": "A01", "name": "数学", "parents": []}
                        {"_id": "A0101", "name": "数论", "parents": ["A02"]}
                        {"_id": "B0101", "name": "无机合成", "parents": ["B01"]}
                        {"_id": "Z01", "name": "未知", "parents": []}
                        {"_id": "A01", "name": "数学"}
                        {"_id": "A0102", "name": "代数", "parents": ["A01", "A02"]}
                        {"_id": "A0103", "name": "几何"}
                        """))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(
                        tuple(2, "parents", "reference.import.parent.mismatch"),
                        tuple(3, "parents", "reference.import.parent.unknown"),
                        tuple(4, "parents", "reference.import.parent.unknown"),
                        tuple(5, "_id", "reference.import.code.duplicate"),
                        tuple(6, "parents", "reference.import.discipline.parents"),
                        tuple(7, "parents", "reference.import.required"));
    }

    @Test
    void refusesMarkupInNames() {
        assertThat(problems("{\"_id\": \"A01\", \"name\": \"数学\", \"name_en\": \"<img src=x onerror=alert(1)>\"}"))
                .extracting(RowProblem::field, RowProblem::key)
                .containsExactly(tuple("name_en", "reference.import.markup"));
    }

    @Test
    void refusesAFileWithoutLines() {
        assertThat(problems("\n\n")).extracting(RowProblem::key).containsExactly("reference.import.no-rows");
    }

    private static List<RowProblem> problems(String text) {
        try {
            DisciplineList.read(text, DEPARTMENTS);
        } catch (TaxonomyImportRejected rejected) {
            return rejected.problems();
        }
        throw new AssertionError("accepted: " + text);
    }
}
