package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReaderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String CSV = "来源编号,成果名称,成果摘要,关键词\na-1,交通流预测,时空图卷积模型,交通流;图神经网络\n";

    @TempDir
    Path dir;

    private List<RawRow> read(String name, byte[] content) {
        return ReadRows.read(dir, name, content);
    }

    @Test
    void readsUtf8WithAndWithoutBomAndGbkAlike() {
        List<RawRow> plain = read("a.csv", CSV.getBytes(StandardCharsets.UTF_8));
        List<RawRow> bom = read("a.csv", ReadRows.bom(CSV.getBytes(StandardCharsets.UTF_8)));
        List<RawRow> gbk = read("a.csv", CSV.getBytes(GBK));

        assertThat(plain).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.values())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "sourceId", "a-1",
                            "title", "交通流预测",
                            "description", "时空图卷积模型",
                            "keywords", "交通流;图神经网络"));
            assertThat(row.errors()).isEmpty();
        });
        assertThat(bom).isEqualTo(plain);
        assertThat(gbk).isEqualTo(plain);
    }

    @Test
    void matchesHeadersLoosely() {
        String csv = "來源編號,ＴＩＴＬＥ, Description ,key_words,地區代碼\n1,t,d,k,110000\n";

        assertThat(read("a.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(row -> assertThat(row.values())
                        .containsOnlyKeys("sourceId", "title", "description", "keywords", "regionCode"));
    }

    @Test
    void acceptsTheSourceIdAliasesOfTheTargetAndTabSeparatedFiles() {
        String tsv = "代码\t标题\t成果摘要\nx1\t标题一\t摘要\n";

        assertThat(read("a.txt", tsv.getBytes(GBK)))
                .singleElement()
                .satisfies(row -> assertThat(row.values()).containsEntry("sourceId", "x1"));
    }

    @Test
    void refusesAHeaderWithUnknownRepeatedOrMissingColumns() {
        byte[] csv = "来源编号,标题,Title,颜色\n1,a,b,c\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read("a.csv", csv)).isInstanceOfSatisfying(ImportRefused.class, refused -> {
            assertThat(refused.key()).isEqualTo("imports.header.invalid");
            assertThat(refused.errors())
                    .extracting(
                            e -> e.row(), e -> e.error().key(), e -> e.error().field())
                    .containsExactly(
                            tuple(1, "imports.header.repeated", "title"),
                            tuple(1, "imports.header.unknown", "颜色"),
                            tuple(1, "imports.header.missing", "description"));
        });
    }

    @Test
    void numbersRowsAsASpreadsheetAndSkipsBlankRowsAndTheInstructionsRow() {
        String csv = "来源编号,成果名称,成果摘要\n【填写说明】必填,最多 200 字,\n\n\"b-1\",\"两行\n标题\",摘要\nb-2,t,d\n";

        assertThat(read("a.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .extracting(RawRow::number, row -> row.values().get("sourceId"))
                .containsExactly(tuple(4, "b-1"), tuple(5, "b-2"));
    }

    @Test
    void flagsRowsWithTooFewOrTooManyCells() {
        String csv = "来源编号,成果名称,成果摘要\nc-1,t\nc-2,t,d,多余\nc-3,t,d,\n";

        assertThat(read("a.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .extracting(
                        RawRow::number,
                        row -> row.errors().stream().map(ImportFieldError::key).toList())
                .containsExactly(
                        tuple(2, List.of("imports.row.column-count")),
                        tuple(3, List.of("imports.row.column-count")),
                        tuple(4, List.of()));
    }

    @Test
    void aBrokenQuoteEndsTheReadingAtItsRow() {
        String csv = "来源编号,成果名称,成果摘要\nd-1,t,d\nd-2,\"未闭合,d\nd-3,t,d\n";

        assertThat(read("a.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .extracting(
                        RawRow::number,
                        row -> row.errors().stream().map(ImportFieldError::key).toList())
                .containsExactly(tuple(2, List.of()), tuple(3, List.of("imports.csv.broken-quotes")));
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorGbkAndBrokenUtf8AfterABom() {
        byte[] broken = ReadRows.bom(Arrays.copyOf(CSV.getBytes(GBK), CSV.getBytes(GBK).length));

        assertThatThrownBy(() -> read("a.csv", broken))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.file.encoding"));
        assertThatThrownBy(() -> read("a.csv", new byte[] {'a', ',', (byte) 0x81, (byte) 0x20, '\n'}))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.file.encoding"));
    }

    @Test
    void readsAWorkbookWithRowNumbersAndMissingCells() {
        byte[] xlsx = ReadRows.xlsx(List.of(
                List.of("来源编号", "成果名称", "成果摘要", "地区代码"),
                Arrays.asList("x-1", "标题", "摘要", null),
                Arrays.asList(null, null, null, null),
                Arrays.asList("x-2", "标题二", "摘要二", "３３０１００")));

        assertThat(read("book.xlsx", xlsx))
                .extracting(RawRow::number, RawRow::values)
                .containsExactly(
                        tuple(2, Map.of("sourceId", "x-1", "title", "标题", "description", "摘要")),
                        tuple(
                                4,
                                Map.of(
                                        "sourceId",
                                        "x-2",
                                        "title",
                                        "标题二",
                                        "description",
                                        "摘要二",
                                        "regionCode",
                                        "３３０１００")));
    }

    @Test
    void refusesATruncatedWorkbook() {
        byte[] xlsx = ReadRows.xlsx(List.of(List.of("来源编号", "成果名称", "成果摘要"), List.of("x-1", "t", "d")));

        assertThatThrownBy(() -> read("cut.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2)))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.xlsx.unreadable"));
    }

    @Test
    void readsJsonLinesWithArraysAndReportsBadLinesOneByOne() {
        String jsonl = """
                {"sourceId": "j-1", "title": "标题", "description": "摘要", "keywords": ["交通流", "预测"]}

                {"sourceId": "j-2", "title": "标题"
                [1, 2]
                {"sourceId": "j-4", "title": "t", "description": "d", "colour": "red", "keywords": [{"a": 1}]}
                """;

        assertThat(read("a.jsonl", jsonl.getBytes(StandardCharsets.UTF_8)))
                .extracting(
                        RawRow::number,
                        row -> row.errors().stream().map(ImportFieldError::key).toList())
                .containsExactly(
                        tuple(1, List.of()),
                        tuple(3, List.of("imports.json.malformed")),
                        tuple(4, List.of("imports.json.not-object")),
                        tuple(5, List.of("imports.json.unknown-property", "imports.json.nested")));
    }
}
