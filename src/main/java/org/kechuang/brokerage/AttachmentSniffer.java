package org.kechuang.brokerage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a file really is, told by its content and never by its name: the signature bytes of PDF, PNG, JPEG and ZIP; an
 * Office Open XML document is a ZIP whose central directory lists the parts of a Word, Excel or PowerPoint file; text
 * is UTF-8 or GB18030 without NUL or other binary control bytes. Only the central directory of a ZIP is read (nothing
 * is inflated), so a small archive that unpacks to gigabytes costs nothing here.
 */
final class AttachmentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};

    private AttachmentSniffer() {}

    /**
     * @param content the whole file
     * @param stored the same bytes on disk, for reading a ZIP's directory
     */
    static Optional<AttachmentType> sniff(byte[] content, Path stored) {
        if (startsWith(content, PDF)) {
            return Optional.of(AttachmentType.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(AttachmentType.PNG);
        }
        if (startsWith(content, JPG)) {
            return Optional.of(AttachmentType.JPG);
        }
        if (startsWith(content, EMPTY_ZIP)) {
            return Optional.of(AttachmentType.ZIP);
        }
        if (startsWith(content, ZIP)) {
            return zip(stored);
        }
        if (isText(content)) {
            return Optional.of(AttachmentType.TXT);
        }
        return Optional.empty();
    }

    private static Optional<AttachmentType> zip(Path stored) {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(stored.toFile())) {
            zip.stream().forEach(entry -> names.add(entry.getName()));
        } catch (ZipException broken) {
            return Optional.empty();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("word/document.xml")) {
                return Optional.of(AttachmentType.DOCX);
            }
            if (names.contains("xl/workbook.xml")) {
                return Optional.of(AttachmentType.XLSX);
            }
            if (names.contains("ppt/presentation.xml")) {
                return Optional.of(AttachmentType.PPTX);
            }
        }
        return Optional.of(AttachmentType.ZIP);
    }

    /** Text a person wrote: no NUL or other control bytes than tab, line feed, form feed and carriage return. */
    static boolean isText(byte[] content) {
        for (byte b : content) {
            int c = b & 0xff;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7f) {
                return false;
            }
        }
        return decodes(content, StandardCharsets.UTF_8) || decodes(content, Charset.forName("GB18030"));
    }

    private static boolean decodes(byte[] content, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException not) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
