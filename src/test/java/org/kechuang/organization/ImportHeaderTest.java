package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportHeaderTest {

    @Test
    void mapsChineseHeaders() {
        ImportHeader header =
                ImportHeader.read(List.of("名称", "类型", "统一社会信用代码", "地区代码", "中小企业", "网站", "简介", "来源编号"), false);
        List<String> row = List.of("华为技术有限公司", "企业", "914403001922038216", "440300", "否", "www.huawei.com", "通信", "H1");
        assertThat(header.cell(row, ImportColumn.NAME)).isEqualTo("华为技术有限公司");
        assertThat(header.cell(row, ImportColumn.TYPE)).isEqualTo("企业");
        assertThat(header.cell(row, ImportColumn.CREDIT_CODE)).isEqualTo("914403001922038216");
        assertThat(header.cell(row, ImportColumn.REGION)).isEqualTo("440300");
        assertThat(header.cell(row, ImportColumn.SME)).isEqualTo("否");
        assertThat(header.cell(row, ImportColumn.WEBSITE)).isEqualTo("www.huawei.com");
        assertThat(header.cell(row, ImportColumn.DESCRIPTION)).isEqualTo("通信");
        assertThat(header.cell(row, ImportColumn.SOURCE_ID)).isEqualTo("H1");
    }

    @Test
    void mapsEnglishHeadersInAnyCaseAndSpelling() {
        ImportHeader header =
                ImportHeader.read(List.of("Name", "TYPE", "Credit Code", "region", "SME", "source-id"), false);
        List<String> row = List.of("ACME", "enterprise", "914403001922038216", "440300", "yes", "7");
        assertThat(header.cell(row, ImportColumn.NAME)).isEqualTo("ACME");
        assertThat(header.cell(row, ImportColumn.CREDIT_CODE)).isEqualTo("914403001922038216");
        assertThat(header.cell(row, ImportColumn.SOURCE_ID)).isEqualTo("7");
        assertThat(header.cell(row, ImportColumn.SME)).isEqualTo("yes");
    }

    @Test
    void mapsTheColumnsOfTheCastSocietyList() {
        ImportHeader header = ImportHeader.read(List.of("code", "name", "group"), true);
        List<String> row = List.of("A-01", "中国数学会", "理科");
        assertThat(header.cell(row, ImportColumn.SOURCE_ID)).isEqualTo("A-01");
        assertThat(header.cell(row, ImportColumn.NAME)).isEqualTo("中国数学会");
        assertThat(header.cell(row, ImportColumn.DISCIPLINE_GROUP)).isEqualTo("理科");
        assertThat(header.has(ImportColumn.TYPE)).isFalse();
    }

    @Test
    void readsFullWidthAndTraditionalHeaders() {
        ImportHeader header = ImportHeader.read(List.of("名稱", "類型", "ＷＥＢＳＩＴＥ"), false);
        assertThat(header.has(ImportColumn.NAME)).isTrue();
        assertThat(header.has(ImportColumn.TYPE)).isTrue();
        assertThat(header.has(ImportColumn.WEBSITE)).isTrue();
    }

    @Test
    void namesErrorsAfterTheFilesOwnHeader() {
        ImportHeader header = ImportHeader.read(List.of("名称", "类型", "统一社会信用代码"), false);
        assertThat(header.nameOf("creditCode")).isEqualTo("统一社会信用代码");
        assertThat(header.nameOf("regionCode")).isEqualTo("regionCode");
    }

    @Test
    void givesNoCellForAShortRowOrAnAbsentColumn() {
        ImportHeader header = ImportHeader.read(List.of("name", "type", "website"), false);
        assertThat(header.cell(List.of("ACME", "ENTERPRISE"), ImportColumn.WEBSITE))
                .isNull();
        assertThat(header.cell(List.of("ACME", "ENTERPRISE", ""), ImportColumn.REGION))
                .isNull();
    }

    @Test
    void toleratesTheTrailingEmptyColumnExcelWrites() {
        assertThat(ImportHeader.read(List.of("name", "type", ""), false).has(ImportColumn.NAME))
                .isTrue();
    }

    @Test
    void refusesUnknownAndRepeatedColumnsAllAtOnce() {
        assertThatThrownBy(() -> ImportHeader.read(List.of("名称", "类型", "邮编", "name"), false))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.errors())
                                .extracting(
                                        ImportRejected.RowError::row,
                                        ImportRejected.RowError::field,
                                        ImportRejected.RowError::key)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                1, "邮编", "organization.import.column.unknown"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                1, "name", "organization.import.column.repeated")));
    }

    @Test
    void refusesAFileWithoutNames() {
        assertThatThrownBy(() -> ImportHeader.read(List.of("类型", "网站"), false))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.errors().getFirst().key())
                                .isEqualTo("organization.import.column.name-missing"));
    }

    @Test
    void refusesAFileWithoutTypesUnlessTheRequestSuppliesOne() {
        assertThatThrownBy(() -> ImportHeader.read(List.of("名称"), false))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.errors().getFirst().key())
                                .isEqualTo("organization.import.column.type-missing"));
        assertThat(ImportHeader.read(List.of("名称"), true).has(ImportColumn.NAME))
                .isTrue();
    }
}
