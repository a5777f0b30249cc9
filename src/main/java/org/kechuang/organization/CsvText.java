package org.kechuang.organization;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.kechuang.platform.web.DomainException;

/**
 * The text of an uploaded CSV file. Files come as UTF-8 (with or without the BOM Excel writes) or, when saved by Excel
 * on a Chinese Windows, as GBK. A GBK file is practically never valid UTF-8, so the file is decoded as strict UTF-8
 * first and as GB18030 (the superset of GBK, so every GBK file reads the same) when that fails.
 */
final class CsvText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvText() {}

    /** The decoded text and the encoding it was read in. */
    record Decoded(String text, Charset charset) {}

    static Decoded decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return new Decoded(strict(StandardCharsets.UTF_8).decode(content).toString(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            content.rewind();
            content.position(start);
        }
        if (start > 0) {
            // a UTF-8 BOM promises UTF-8: broken bytes after it are a damaged file, not GBK
            throw DomainException.invalid("file", "organization.import.encoding");
        }
        try {
            return new Decoded(strict(GB18030).decode(content).toString(), GB18030);
        } catch (CharacterCodingException neither) {
            throw DomainException.invalid("file", "organization.import.encoding");
        }
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
