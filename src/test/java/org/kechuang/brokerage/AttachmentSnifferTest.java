package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentSnifferTest {

    @TempDir
    Path dir;

    private Optional<AttachmentType> sniff(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("f"), content);
        return AttachmentSniffer.sniff(content, file);
    }

    @Test
    void tellsEachAcceptedTypeByItsContent() throws IOException {
        assertThat(sniff(EngagementFixtures.pdf())).hasValue(AttachmentType.PDF);
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .hasValue(AttachmentType.PNG);
        assertThat(sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0}))
                .hasValue(AttachmentType.JPG);
        assertThat(sniff(EngagementFixtures.docx())).hasValue(AttachmentType.DOCX);
        assertThat(sniff(EngagementFixtures.zip(
                        Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"))))
                .hasValue(AttachmentType.XLSX);
        assertThat(sniff(EngagementFixtures.zip(
                        Map.of("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<presentation/>"))))
                .hasValue(AttachmentType.PPTX);
        assertThat(sniff(EngagementFixtures.zip(Map.of("readme.txt", "hello")))).hasValue(AttachmentType.ZIP);
        assertThat(sniff("缩痕深度 ≤ 0.05 mm\r\n第二行\t完".getBytes(StandardCharsets.UTF_8)))
                .hasValue(AttachmentType.TXT);
        assertThat(sniff("国标编码的文本".getBytes(Charset.forName("GBK")))).hasValue(AttachmentType.TXT);
    }

    @Test
    void refusesWhatIsNoneOfThem() throws IOException {
        assertThat(sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})).isEmpty();
        assertThat(sniff(new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
                .as("a broken ZIP")
                .isEmpty();
        assertThat(sniff(new byte[] {'a', 'b', 0, 'c'})).isEmpty();
    }

    @Test
    void namesOnlyTheTypeItsExtensionClaims() {
        assertThat(AttachmentType.byName("方案.PDF")).hasValue(AttachmentType.PDF);
        assertThat(AttachmentType.byName("photo.jpeg")).hasValue(AttachmentType.JPG);
        assertThat(AttachmentType.byName("setup.exe")).isEmpty();
        assertThat(AttachmentType.byName("README")).isEmpty();
    }

    @Test
    void sanitisesTheUploadersFileName() {
        assertThat(AttachmentNames.sanitise("C:\\Users\\张三\\报价单.pdf", AttachmentType.PDF))
                .isEqualTo("报价单.pdf");
        assertThat(AttachmentNames.sanitise("../../etc/passwd.txt", AttachmentType.TXT))
                .isEqualTo("passwd.txt");
        assertThat(AttachmentNames.sanitise("<img src=x onerror=alert(1)>.png", AttachmentType.PNG))
                .isEqualTo("img src=x onerror=alert(1).png");
        assertThat(AttachmentNames.sanitise("a\u0000b\r\nc;d&e.txt", AttachmentType.TXT))
                .isEqualTo("abcde.txt");
        assertThat(AttachmentNames.sanitise("...hidden.txt", AttachmentType.TXT))
                .isEqualTo("hidden.txt");
        assertThat(AttachmentNames.sanitise(".pdf", AttachmentType.PDF)).isEqualTo("attachment.pdf");
        assertThat(AttachmentNames.sanitise(null, AttachmentType.ZIP)).isEqualTo("attachment.zip");
        String longName = AttachmentNames.sanitise("长".repeat(300) + ".docx", AttachmentType.DOCX);
        assertThat(longName).hasSize(AttachmentNames.MAX).endsWith("长.docx");
    }
}
