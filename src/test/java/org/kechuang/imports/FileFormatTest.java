package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileFormatTest {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1};

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkbookIsRecognizedByItsZipSignatureWhateverItsName() {
        assertThat(FileFormat.detect("data.xlsx", ZIP)).isEqualTo(FileFormat.XLSX);
        assertThat(FileFormat.detect("renamed.csv", ZIP)).isEqualTo(FileFormat.XLSX);
        assertThat(FileFormat.detect(null, ZIP)).isEqualTo(FileFormat.XLSX);
    }

    @Test
    void textFilesAreToldByTheirNameThenByTheirFirstCharacter() {
        assertThat(FileFormat.detect("a.csv", text("{\"x\":1}"))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect("a.JSONL", text("来源编号,标题"))).isEqualTo(FileFormat.JSON_LINES);
        assertThat(FileFormat.detect("a.ndjson", text("{}"))).isEqualTo(FileFormat.JSON_LINES);
        assertThat(FileFormat.detect("upload", text("\uFEFF  {\"title\":\"x\"}")))
                .isEqualTo(FileFormat.JSON_LINES);
        assertThat(FileFormat.detect(null, text("来源编号,标题\n"))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect("C:\\Users\\李\\成果.CSV", text("x"))).isEqualTo(FileFormat.CSV);
    }

    @Test
    void refusesEmptyFilesOldExcelAndWorkbooksThatAreNoZip() {
        assertThatThrownBy(() -> FileFormat.detect("a.csv", new byte[0]))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.file.empty"));
        assertThatThrownBy(() -> FileFormat.detect("a.xlsx", OLE2))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.file.xls"));
        assertThatThrownBy(() -> FileFormat.detect("old.xls", text("x")))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.file.xls"));
        assertThatThrownBy(() -> FileFormat.detect("fake.xlsx", text("a,b\n1,2")))
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.key()).isEqualTo("imports.xlsx.unreadable"));
    }
}
