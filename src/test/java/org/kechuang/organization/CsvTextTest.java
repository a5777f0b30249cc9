package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;

class CsvTextTest {

    static final String CONTENT = "名称,类型,统一社会信用代码\n华为技术有限公司,企业,914403001922038216\n";

    @Test
    void readsUtf8WithoutBom() {
        CsvText.Decoded decoded = CsvText.decode(CONTENT.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.text()).isEqualTo(CONTENT);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void dropsTheBomExcelWritesInFrontOfUtf8() {
        byte[] bytes = ("\uFEFF" + CONTENT).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(CsvText.decode(bytes).text()).isEqualTo(CONTENT).doesNotStartWith("\uFEFF");
    }

    @Test
    void readsGbkFromExcelOnChineseWindows() {
        byte[] gbk = CONTENT.getBytes(Charset.forName("GBK"));
        CsvText.Decoded decoded = CsvText.decode(gbk);
        assertThat(decoded.text()).isEqualTo(CONTENT);
        assertThat(decoded.charset().name()).isEqualTo("GB18030");
    }

    @Test
    void readsGbkTraditionalCharactersToo() {
        String traditional = "名稱\n中國機械工程學會\n";
        assertThat(CsvText.decode(traditional.getBytes(Charset.forName("GBK"))).text())
                .isEqualTo(traditional);
    }

    @Test
    void readsPlainAsciiAsUtf8() {
        assertThat(CsvText.decode("name,type\nACME,ENTERPRISE\n".getBytes(StandardCharsets.US_ASCII))
                        .charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void refusesBrokenBytesAfterAUtf8Bom() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3, '\n'};
        assertThatThrownBy(() -> CsvText.decode(bytes))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).key())
                .isEqualTo("organization.import.encoding");
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorGbk() {
        // 0xFF is never a byte of UTF-8 and no lead byte of GB18030
        byte[] bytes = {'a', (byte) 0xFF, (byte) 0x20, '\n'};
        assertThatThrownBy(() -> CsvText.decode(bytes))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).key())
                .isEqualTo("organization.import.encoding");
    }
}
