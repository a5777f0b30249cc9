package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The full published lists through the importer. This is the only test class that imports them for real. */
@IntegrationTest
@Tag("shared-data")
class TaxonomyImportSharedDataIT {

    @Autowired
    TaxonomyImporter importer;

    @Autowired
    IndustryChains chains;

    @Autowired
    Industries industries;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePublishedIndustryListIsRefusedForItsDuplicateCodeAndNothingChanges() throws IOException {
        String before = fingerprint("reference_industry");
        byte[] published = Files.readAllBytes(SharedData.file("taxonomy/gb4754-2017.csv"));

        try {
            importer.importIndustries(published);
            throw new AssertionError("the published list with a duplicate code was accepted");
        } catch (TaxonomyImportRejected rejected) {
            assertThat(rejected.problems())
                    .containsExactly(RowProblem.of(116, "industry_id", "reference.import.code.duplicate", "0711", 115));
        }
        assertThat(fingerprint("reference_industry")).isEqualTo(before);
    }

    @Test
    void withItsDuplicateCorrectedThePublishedListGivesNineteenHundredSeventyOneCodesUnderTheirCodeParents()
            throws IOException {
        String corrected = SharedIndustryList.corrected();
        List<TaxonomyEntry> builtInsDescribed =
                IndustryList.read(corrected, Set.of(), SectionRanges.NONE).entries().stream()
                        .filter(entry -> entry.level() <= 1 && entry.description() != null)
                        .toList();
        assertThat(count("SELECT count(*) FROM reference_industry")).isEqualTo(117);
        String divisionsBefore = divisionSections();

        ImportReport first = importer.importIndustries(corrected.getBytes(StandardCharsets.UTF_8));

        // the built-in sections and divisions gain their descriptions in place; nothing else about them changes
        assertThat(first)
                .isEqualTo(new ImportReport(
                        1971,
                        1854,
                        builtInsDescribed.size(),
                        117 - builtInsDescribed.size(),
                        SharedIndustryList.PARENT_CORRECTIONS));
        assertThat(jdbc.sql("SELECT level || ':' || count(*) FROM reference_industry GROUP BY level ORDER BY level")
                        .query(String.class)
                        .list())
                .containsExactly("0:20", "1:97", "2:473", "3:1381");
        // a group's or class's parent is its code without the last digit; a division keeps its built-in section
        assertThat(count(
                        "SELECT count(*) FROM reference_industry WHERE level >= 2 AND parent_code = left(code, level)"))
                .isEqualTo(473 + 1381);
        assertThat(divisionSections()).isEqualTo(divisionsBefore);
        assertThat(industries.find("8421"))
                .hasValueSatisfying(
                        industry -> assertThat(industry.parentCode()).isEqualTo("842"));
        assertThat(industries.find("C"))
                .hasValueSatisfying(section -> assertThat(section.nameEn()).isEqualTo("Manufacturing"));
        assertThat(industries.find("0712"))
                .hasValueSatisfying(industry -> assertThat(industry.name()).isEqualTo("海洋石油开采"));

        String after = fingerprint("reference_industry");
        assertThat(importer.importIndustries(corrected.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ImportReport(1971, 0, 0, 1971, SharedIndustryList.PARENT_CORRECTIONS));
        assertThat(fingerprint("reference_industry")).isEqualTo(after);

        // every chain node now links to codes that exist exactly
        assertThat(chains.all().stream()
                        .flatMap(chain -> chain.nodes().stream())
                        .flatMap(node -> node.industryCodes().stream()))
                .isNotEmpty()
                .allMatch(industries::exists);
    }

    @Test
    void theNsfcListGivesTwentyNineHundredSixteenDisciplinesUnderTheDepartmentsAndAReimportChangesNothing()
            throws IOException {
        byte[] nsfc = Files.readAllBytes(SharedData.file("taxonomy/nsfc-disciplines.jsonl"));
        assertThat(count("SELECT count(*) FROM reference_discipline")).isEqualTo(8);

        assertThat(importer.importDisciplines(nsfc)).isEqualTo(new ImportReport(2916, 2916, 0, 0, List.of()));

        assertThat(jdbc.sql("SELECT level || ':' || count(*) FROM reference_discipline GROUP BY level ORDER BY level")
                        .query(String.class)
                        .list())
                .containsExactly("0:8", "1:86", "2:1013", "3:1817");
        assertThat(count("""
                        SELECT count(*) FROM reference_discipline c JOIN reference_discipline p ON p.code = c.parent_code
                        WHERE p.level = c.level - 1 AND left(c.code, length(p.code)) = p.code""")).isEqualTo(2916);
        assertThat(jdbc.sql(
                                "SELECT name || '/' || name_en || '/' || parent_code FROM reference_discipline WHERE code = 'F02'")
                        .query(String.class)
                        .single())
                .isEqualTo("计算机科学/computer science/F");

        String after = fingerprint("reference_discipline");
        assertThat(importer.importDisciplines(nsfc)).isEqualTo(new ImportReport(2916, 0, 0, 2916, List.of()));
        assertThat(fingerprint("reference_discipline")).isEqualTo(after);
    }

    private String divisionSections() {
        return jdbc.sql(
                        "SELECT string_agg(code || '>' || parent_code, ',' ORDER BY code) FROM reference_industry WHERE level = 1")
                .query(String.class)
                .single();
    }

    private String fingerprint(String table) {
        return jdbc.sql("SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY code)) FROM " + table + " t")
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
