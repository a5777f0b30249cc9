package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndustryListTest {

    private static final String HEADER = "id,industry_id,name,parent_id,level_type,description\n";
    private static final Set<String> BUILT_IN = Set.of("C", "39");
    /** Sections A and C as far as two stored divisions of each tell: A is 01–05, C is 13–43. */
    private static final SectionRanges SECTIONS = SectionRanges.of(Map.of("01", "A", "05", "A", "13", "C", "43", "C"));

    @Test
    void readsAllFourLevelsWithTheirParents() {
        CheckedList list = IndustryList.read(HEADER + """
                        1,C,制造业,,0,本门类包括 13～43 大类
                        2,39,计算机、通信和其他电子设备制造业,C,1,
                        3,397,电子器件制造,39,2,
                        4,3973,集成电路制造,397,3,"指单片集成电路、混合式集成电路的制造"
                        """, Set.of(), SECTIONS);
        List<TaxonomyEntry> entries = list.entries();

        assertThat(entries)
                .extracting(TaxonomyEntry::row, TaxonomyEntry::code, TaxonomyEntry::level, TaxonomyEntry::parentCode)
                .containsExactly(
                        tuple(2, "C", 0, null),
                        tuple(3, "39", 1, "C"),
                        tuple(4, "397", 2, "39"),
                        tuple(5, "3973", 3, "397"));
        assertThat(entries.get(1).description()).isNull();
        assertThat(entries.get(3).description()).isEqualTo("指单片集成电路、混合式集成电路的制造");
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void parentsMayBeCodesAlreadyStored() {
        List<TaxonomyEntry> entries = read(HEADER + "3,397,电子器件制造,39,2,\n", BUILT_IN);

        assertThat(entries)
                .singleElement()
                .extracting(TaxonomyEntry::parentCode)
                .isEqualTo("39");
    }

    @Test
    void acceptsFullWidthCodesAndLevelsAndKeepsOfficialFullWidthBracketsInNames() {
        List<TaxonomyEntry> entries = read(HEADER.replace("\n", "\r\n") + "1,３９７,电子器件（含晶圆）制造,３９,２,\r\n", BUILT_IN);

        assertThat(entries)
                .singleElement()
                .extracting(TaxonomyEntry::code, TaxonomyEntry::parentCode, TaxonomyEntry::level, TaxonomyEntry::name)
                .containsExactly("397", "39", 2, "电子器件（含晶圆）制造");
    }

    @Test
    void refusesAWrongHeaderNamingTheMissingAndUnknownColumns() {
        assertThat(problems("code,名称,parent_id,level_type\n3973,集成电路制造,397,3\n", BUILT_IN))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactlyInAnyOrder(
                        tuple(1, "code", "reference.import.header.unknown"),
                        tuple(1, "名称", "reference.import.header.unknown"),
                        tuple(1, "industry_id", "reference.import.header.missing"),
                        tuple(1, "name", "reference.import.header.missing"));
    }

    @Test
    void refusesALevelOutsideZeroToThreeAndACodeThatDoesNotFitItsLevel() {
        assertThat(problems(HEADER + """
                                1,3973,集成电路制造,397,5,
                                2,39A,电子器件制造,39,2,
                                3,3973,集成电路制造,397,二,
                                """, BUILT_IN))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(
                        tuple(2, "level_type", "reference.import.industry.level"),
                        tuple(3, "industry_id", "reference.import.industry.code"),
                        tuple(4, "level_type", "reference.import.industry.level"));
    }

    @Test
    void placesAGroupOrClassUnderItsCodeWithoutTheLastDigitAndWarnsWhereTheListSaysOtherwise() {
        CheckedList list = IndustryList.read(HEADER + """
                        1,397,电子器件制造,39,2,
                        2,398,电子元件及电子专用材料制造,39,2,
                        3,3973,集成电路制造,398,3,
                        4,3981,电阻电容电感元件制造,398,3,
                        5,396,智能消费设备制造,C,2,
                        """, BUILT_IN, SECTIONS);

        assertThat(list.entries())
                .extracting(TaxonomyEntry::code, TaxonomyEntry::parentCode)
                .containsExactly(
                        tuple("397", "39"),
                        tuple("398", "39"),
                        tuple("3973", "397"),
                        tuple("3981", "398"),
                        tuple("396", "39"));
        assertThat(list.warnings())
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key, RowProblem::args)
                .containsExactly(
                        tuple(4, "parent_id", "reference.import.parent-corrected", List.of("398", "3973", "397")),
                        tuple(6, "parent_id", "reference.import.parent-corrected", List.of("C", "396", "39")));
    }

    @Test
    void takesADivisionsSectionFromTheListWhereTheStoredDivisionsDoNotTell() {
        assertThat(read(HEADER + "1,20,木材加工和木、竹、藤、棕、草制品业,C,1,\n2,98,测试大类,T,1,\n", Set.of("C", "T")))
                .extracting(TaxonomyEntry::code, TaxonomyEntry::parentCode)
                .containsExactly(tuple("20", "C"), tuple("98", "T"));
    }

    @Test
    void refusesParentsThatExistNowhereOrContradictWhatTheStandardFixes() {
        assertThat(problems(HEADER + """
                                1,9999,测试,999,3,
                                2,3973,集成电路制造,555,3,
                                3,8421,社区卫生服务中心（站）,39,3,
                                4,98,测试大类,99,1,
                                5,Z,测试门类,A,0,
                                6,13,农副食品加工业,A,1,
                                """, BUILT_IN))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key, RowProblem::args)
                .containsExactly(
                        tuple(2, "parent_id", "reference.import.parent.unknown", List.of("999")),
                        tuple(3, "parent_id", "reference.import.parent.unknown", List.of("555")),
                        tuple(4, "parent_id", "reference.import.parent.derived-unknown", List.of("39", "8421", "842")),
                        tuple(5, "parent_id", "reference.import.industry.section-parent", List.of("99", "98")),
                        tuple(6, "parent_id", "reference.import.parent.unexpected", List.of("A")),
                        tuple(
                                7,
                                "parent_id",
                                "reference.import.industry.section-range",
                                List.of("A", "13", "C", "13", "43")));
    }

    @Test
    void refusesADuplicateCodeNamingTheFirstRow() {
        assertThat(problems(HEADER + """
                                1,0711,陆地石油开采,071,3,
                                2,0711,海洋石油开采,071,3,
                                """, Set.of("071")))
                .extracting(RowProblem::row, RowProblem::key, RowProblem::args)
                .containsExactly(tuple(3, "reference.import.code.duplicate", List.of("0711", 2)));
    }

    @Test
    void refusesMissingNamesMarkupAndTenMegabyteCells() {
        String huge = "长".repeat(10 * 1024 * 1024);
        assertThat(problems(
                        HEADER + "1,397,  ,39,2,\n"
                                + "2,398,<script>alert(1)</script>,39,2,\n"
                                + "3,399," + huge + ",39,2,\n"
                                + "4,396,智能消费设备制造,,2,\n",
                        BUILT_IN))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(
                        tuple(2, "name", "reference.import.required"),
                        tuple(3, "name", "reference.import.markup"),
                        tuple(4, "name", "reference.import.too-long"),
                        tuple(5, "parent_id", "reference.import.required"));
    }

    @Test
    void refusesRowsWithTheWrongNumberOfCellsAndAnUnclosedQuote() {
        assertThat(problems(HEADER + "1,397,电子器件制造,39\n", BUILT_IN))
                .extracting(RowProblem::row, RowProblem::key, RowProblem::args)
                .containsExactly(tuple(2, "reference.import.columns", List.of(4, 6)));
        assertThat(problems(HEADER + "1,397,电子器件制造,39,2,\n2,398,\"电子元件,39,2,\n", BUILT_IN))
                .extracting(RowProblem::row, RowProblem::key)
                .containsExactly(tuple(3, "reference.import.csv"));
    }

    @Test
    void refusesAFileWithoutDataRows() {
        assertThat(problems(HEADER, BUILT_IN)).extracting(RowProblem::key).containsExactly("reference.import.no-rows");
        assertThat(problems("", BUILT_IN))
                .extracting(RowProblem::key)
                .containsExactly("reference.import.header.missing");
    }

    @Test
    void aRowWithABadNameIsStillCheckedForItsParentAndDuplicates() {
        assertThat(problems(HEADER + """
                                1,9899,<b>测试</b>,989,3,
                                2,9899,,989,3,
                                """, BUILT_IN))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(
                        tuple(2, "name", "reference.import.markup"),
                        tuple(2, "parent_id", "reference.import.parent.unknown"),
                        tuple(3, "name", "reference.import.required"),
                        tuple(3, "industry_id", "reference.import.code.duplicate"));
    }

    @Test
    void listsEveryWrongRowInRowOrder() {
        List<RowProblem> problems = problems(HEADER + """
                        1,9999,测试,999,3,
                        2,397,,39,2,
                        3,3973,集成电路制造,397,7,
                        """, BUILT_IN);

        assertThat(problems).extracting(RowProblem::row).containsExactly(2, 3, 4);
    }

    private static List<TaxonomyEntry> read(String text, Set<String> stored) {
        return IndustryList.read(text, stored, SECTIONS).entries();
    }

    private static List<RowProblem> problems(String text, Set<String> stored) {
        try {
            IndustryList.read(text, stored, SECTIONS);
        } catch (TaxonomyImportRejected rejected) {
            return rejected.problems();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void theRejectionCarriesAllProblems() {
        assertThatThrownBy(() -> read(HEADER + "1,397,,39,2,\n", BUILT_IN))
                .isInstanceOf(TaxonomyImportRejected.class)
                .hasMessageContaining("1 rows refused");
    }
}
