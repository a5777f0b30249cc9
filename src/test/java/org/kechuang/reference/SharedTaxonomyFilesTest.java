package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kechuang.support.SharedData;

/** The importer's checks against the real published lists in ../shared/data, and the built-in facts against them. */
@Tag("shared-data")
class SharedTaxonomyFilesTest {

    private static final Set<String> DEPARTMENTS = Set.of("A", "B", "C", "D", "E", "F", "G", "H");

    @Test
    void thePublishedIndustryListIsRefusedOnlyForItsDuplicateCode() throws IOException {
        List<RowProblem> problems = problems(SharedIndustryList.published());

        // 海洋石油开采 is 0712 in the standard; nothing in the file says so, so only the operator can correct it
        assertThat(problems)
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key, RowProblem::args)
                .containsExactly(tuple(116, "industry_id", "reference.import.code.duplicate", List.of("0711", 115)));
    }

    @Test
    void withItsDuplicateCorrectedThePublishedListHasNineteenHundredSeventyOneCodesPlacedByTheirCodes()
            throws IOException {
        CheckedList list = IndustryList.read(SharedIndustryList.corrected(), Set.of(), SectionRanges.NONE);
        List<TaxonomyEntry> entries = list.entries();

        assertThat(entries).hasSize(1971);
        Map<Integer, Long> perLevel =
                entries.stream().collect(Collectors.groupingBy(TaxonomyEntry::level, Collectors.counting()));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(0, 20L, 1, 97L, 2, 473L, 3, 1381L));
        assertThat(entries)
                .filteredOn(e -> e.level() >= 2)
                .allSatisfy(e -> assertThat(e.parentCode()).isEqualTo(e.code().substring(0, e.level())));
        assertThat(list.warnings()).containsExactlyElementsOf(SharedIndustryList.PARENT_CORRECTIONS);
        assertThat(entries)
                .filteredOn(e -> e.code().equals("0712"))
                .singleElement()
                .extracting(TaxonomyEntry::name, TaxonomyEntry::parentCode)
                .containsExactly("海洋石油开采", "071");
    }

    @Test
    void theBuiltInSectionsAndDivisionsAreThoseOfThePublishedList() throws IOException {
        List<TaxonomyEntry> published =
                IndustryList.read(SharedIndustryList.corrected(), Set.of(), SectionRanges.NONE).entries().stream()
                        .filter(e -> e.level() <= 1)
                        .toList();

        List<List<Object>> builtIn = builtInIndustries();

        assertThat(builtIn)
                .hasSize(117)
                .containsExactlyInAnyOrderElementsOf(published.stream()
                        .map(e -> List.<Object>of(e.code(), e.level(), e.name(), String.valueOf(e.parentCode())))
                        .toList());
    }

    @Test
    void theNsfcListHasTwentyNineHundredSixteenCodesUnderTheEightDepartments() throws IOException {
        List<TaxonomyEntry> entries =
                DisciplineList.read(Files.readString(SharedData.file("taxonomy/nsfc-disciplines.jsonl")), DEPARTMENTS);

        assertThat(entries).hasSize(2916);
        Map<Integer, Long> perLevel =
                entries.stream().collect(Collectors.groupingBy(TaxonomyEntry::level, Collectors.counting()));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(1, 86L, 2, 1013L, 3, 1817L));
        assertThat(entries)
                .filteredOn(e -> e.level() == 1)
                .allMatch(e -> e.parentCode().equals(e.code().substring(0, 1)));
        assertThat(entries.stream().map(e -> e.code().substring(0, 1)).distinct())
                .containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
    }

    private static List<List<Object>> builtInIndustries() throws IOException {
        String sql;
        try (InputStream in = SharedTaxonomyFilesTest.class
                .getClassLoader()
                .getResourceAsStream("db/migration/reference/V12__industry_sections_and_divisions.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher row = Pattern.compile("\\('([A-Z0-9]+)', ([01]), '([^']*)', '(?:[^']|'')*', (?:NULL|'([A-Z])')\\)")
                .matcher(sql);
        List<List<Object>> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(List.of(row.group(1), Integer.parseInt(row.group(2)), row.group(3), String.valueOf(row.group(4))));
        }
        return rows;
    }

    private static List<RowProblem> problems(String text) {
        try {
            IndustryList.read(text, Set.of(), SectionRanges.NONE);
        } catch (TaxonomyImportRejected rejected) {
            return rejected.problems();
        }
        throw new AssertionError("the published list was accepted");
    }
}
