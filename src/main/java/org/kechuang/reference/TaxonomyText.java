package org.kechuang.reference;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.kechuang.platform.web.DomainException;

/**
 * The text of an uploaded list. Excel on Chinese Windows saves CSV in GBK, elsewhere in UTF-8 with or without a byte
 * order mark: a file that is valid UTF-8 is read as UTF-8, anything else as GB18030 (a superset of GBK). Workbooks and
 * UTF-16 text are refused with a hint instead of being read as garbage.
 */
final class TaxonomyText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TaxonomyText() {}

    static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw DomainException.invalid("file", "reference.import.empty");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw DomainException.invalid("file", "reference.import.workbook");
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF) || contains(bytes, (byte) 0)) {
            throw DomainException.invalid("file", "reference.import.encoding");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(StandardCharsets.UTF_8, bytes, 3);
        }
        String utf8 = strictOrNull(StandardCharsets.UTF_8, bytes, 0);
        return utf8 != null ? utf8 : strict(GB18030, bytes, 0);
    }

    private static String strict(Charset charset, byte[] bytes, int offset) {
        String text = strictOrNull(charset, bytes, offset);
        if (text == null) {
            throw DomainException.invalid("file", "reference.import.encoding");
        }
        return text;
    }

    private static String strictOrNull(Charset charset, byte[] bytes, int offset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte wanted) {
        for (byte b : bytes) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }
}
