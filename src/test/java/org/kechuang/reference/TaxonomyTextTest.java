package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;

class TaxonomyTextTest {

    private static final String SAMPLE = "industry_id,name\n3973,集成电路制造（含晶圆）\n";

    @Test
    void readsUtf8WithoutAByteOrderMark() {
        assertThat(TaxonomyText.decode(SAMPLE.getBytes(StandardCharsets.UTF_8))).isEqualTo(SAMPLE);
    }

    @Test
    void dropsTheByteOrderMarkExcelWritesBeforeUtf8() {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(TaxonomyText.decode(withBom)).isEqualTo(SAMPLE);
    }

    @Test
    void readsGbkAsWrittenByExcelOnChineseWindows() {
        byte[] gbk = SAMPLE.getBytes(Charset.forName("GBK"));

        assertThat(TaxonomyText.decode(gbk)).isEqualTo(SAMPLE);
    }

    @Test
    void refusesAnExcelWorkbookWithAHint() {
        byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00};

        assertThatThrownBy(() -> TaxonomyText.decode(xlsx))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("reference.import.workbook"));
    }

    @Test
    void refusesUtf16AndEmptyFiles() {
        assertThatThrownBy(() -> TaxonomyText.decode(SAMPLE.getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("reference.import.encoding"));
        assertThatThrownBy(() -> TaxonomyText.decode(new byte[0]))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("reference.import.empty"));
    }
}
