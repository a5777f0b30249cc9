package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed lists, made here, are refused row by row and leave the taxonomy exactly as it was; well-formed ones in
 * GBK or UTF-8 with a byte order mark are read. The lists here only repeat what is stored, so they change nothing
 * that other tests rely on.
 */
@IntegrationTest
class TaxonomyImportIT {

    private static final String HEADER = "id,industry_id,name,parent_id,level_type,description\n";

    @Autowired
    TaxonomyImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readsAGbkFileFromExcelAndReportsTheUnchangedRow() {
        byte[] gbk = (HEADER + storedRow("39")).getBytes(Charset.forName("GBK"));

        assertThat(importer.importIndustries(gbk)).isEqualTo(new ImportReport(1, 0, 0, 1, java.util.List.of()));
    }

    @Test
    void readsUtf8WithAByteOrderMark() {
        byte[] body = (HEADER + storedRow("C") + storedRow("36")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(importer.importIndustries(withBom)).isEqualTo(new ImportReport(2, 0, 0, 2, java.util.List.of()));
    }

    @Test
    void aGbkFileWithAWrongLevelIsRefusedAndNothingChanges() {
        String before = industryFingerprint();
        byte[] gbk = (HEADER + "1,98,测试大类甲,T,1,\n2,3973,集成电路制造,397,9,\n").getBytes(Charset.forName("GBK"));

        assertThat(refusal(() -> importer.importIndustries(gbk)))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(tuple(3, "level_type", "reference.import.industry.level"));
        assertThat(industryFingerprint()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM reference_industry WHERE code = '98'"))
                .isZero();
    }

    @Test
    void unknownParentsDuplicatesMissingNamesAndAWrongHeaderAreRefusedAndNothingChanges() {
        String before = industryFingerprint();

        assertThat(refusal(() -> importer.importIndustries(utf8(HEADER + """
                        1,98,测试大类乙,T,1,
                        2,9899,测试小类,989,3,
                        3,98,测试大类乙,T,1,
                        4,99,,T,1,
                        """))))
                .extracting(RowProblem::row, RowProblem::field, RowProblem::key)
                .containsExactly(
                        tuple(3, "parent_id", "reference.import.parent.unknown"),
                        tuple(4, "industry_id", "reference.import.code.duplicate"),
                        tuple(5, "name", "reference.import.required"));
        assertThat(refusal(() -> importer.importIndustries(utf8("code,name,parent,level\n98,测试,T,1\n"))))
                .extracting(RowProblem::row)
                .containsOnly(1);
        assertThat(industryFingerprint()).isEqualTo(before);
    }

    @Test
    void aBrokenJsonLineRefusesTheWholeDisciplineListAndNothingChanges() {
        String before = disciplineFingerprint();

        assertThat(refusal(() -> importer.importDisciplines(utf8("""
                        {"_id": "A99", "name": "测试学科", "name_en": "Test discipline", "parents": []}
                        {"_id": "A9901", "name": "测试分支", "parents": ["A99"]
                        """))))
                .extracting(RowProblem::row, RowProblem::key)
                .containsExactly(tuple(2, "reference.import.json"));
        assertThat(disciplineFingerprint()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM reference_discipline WHERE code = 'A99'"))
                .isZero();
    }

    @Test
    void aWorkbookIsRefusedAsAFileWithAHint() {
        assertThatThrownBy(() -> importer.importIndustries(new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0}))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("reference.import.workbook"));
    }

    /** The stored row as the CSV layout writes it, so that importing it changes nothing. */
    private String storedRow(String code) {
        return jdbc.sql("""
                        SELECT '0,' || code || ',' || name || ',' || coalesce(parent_code, '') || ',' || level || ','
                               || coalesce('"' || replace(description, '"', '""') || '"', '') || E'\\n'
                        FROM reference_industry WHERE code = ?""").param(code).query(String.class).single();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.List<RowProblem> refusal(Runnable importing) {
        try {
            importing.run();
        } catch (TaxonomyImportRejected rejected) {
            return rejected.problems();
        }
        throw new AssertionError("the list was accepted");
    }

    private String industryFingerprint() {
        return jdbc.sql(
                        "SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY code)) FROM reference_industry t")
                .query(String.class)
                .single();
    }

    private String disciplineFingerprint() {
        return jdbc.sql(
                        "SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY code)) FROM reference_discipline t")
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
