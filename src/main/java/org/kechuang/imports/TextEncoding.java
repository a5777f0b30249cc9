package org.kechuang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a text file (CSV, JSON Lines). Files come as UTF-8, with or without the byte order mark Excel
 * writes, or, saved by Excel on a Chinese Windows, as GBK. A GBK file is practically never valid UTF-8, so the whole
 * file is checked as strict UTF-8 first and read as GB18030 (the superset of GBK: every GBK file reads the same) when
 * that fails. A UTF-8 byte order mark promises UTF-8: broken bytes after it are a damaged file, not GBK. UTF-16 with
 * its byte order mark (Excel's "Unicode text") is read too.
 */
record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    static TextEncoding detect(Path file) throws IOException {
        byte[] head = new byte[3];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 3);
        }
        if (read >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            if (!decodes(file, StandardCharsets.UTF_8, 3)) {
                throw ImportRefused.of("imports.file.encoding");
            }
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (read >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return checked(file, StandardCharsets.UTF_16LE, 2);
        }
        if (read >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return checked(file, StandardCharsets.UTF_16BE, 2);
        }
        if (decodes(file, StandardCharsets.UTF_8, 0)) {
            return new TextEncoding(StandardCharsets.UTF_8, 0);
        }
        return checked(file, GB18030, 0);
    }

    private static TextEncoding checked(Path file, Charset charset, int bom) throws IOException {
        if (!decodes(file, charset, bom)) {
            throw ImportRefused.of("imports.file.encoding");
        }
        return new TextEncoding(charset, bom);
    }

    /** A reader that refuses malformed bytes instead of replacing them. */
    Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bomLength);
        return new InputStreamReader(in, strict(charset));
    }

    private static boolean decodes(Path file, Charset charset, int skip) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8.valid(file, skip);
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            Reader reader = new InputStreamReader(in, strict(charset));
            char[] buffer = new char[1 << 16];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException notThisCharset) {
            return false;
        }
    }

    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Strict UTF-8 checked on the bytes, without decoding them to characters (most of a large file's reading time went
     * to decoding it twice): what the JDK's decoder refuses, this refuses too — a stray continuation byte, a sequence
     * cut short, an overlong form, a surrogate, anything above U+10FFFF ({@code TextEncodingTest}).
     */
    static final class Utf8 {
        private Utf8() {}

        static boolean valid(Path file, int skip) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(skip);
                byte[] buffer = new byte[1 << 16];
                int kept = 0;
                int read;
                while ((read = in.read(buffer, kept, buffer.length - kept)) >= 0) {
                    int end = kept + read;
                    int checked = check(buffer, end, false);
                    if (checked < 0) {
                        return false;
                    }
                    // an incomplete sequence at the end of the buffer waits for the next read
                    kept = end - checked;
                    System.arraycopy(buffer, checked, buffer, 0, kept);
                }
                return check(buffer, kept, true) == kept;
            }
        }

        /**
         * Checks {@code bytes[0, end)}; the index up to which every sequence is whole and valid, or -1 for invalid
         * bytes. With {@code last}, a sequence cut short at the end is invalid.
         */
        static int check(byte[] bytes, int end, boolean last) {
            int i = 0;
            while (i < end) {
                int b = bytes[i];
                if (b >= 0) {
                    i++;
                    continue;
                }
                int lead = b & 0xFF;
                int length;
                int min;
                if (lead >= 0xC2 && lead <= 0xDF) {
                    length = 2;
                    min = 0x80;
                } else if (lead >= 0xE0 && lead <= 0xEF) {
                    length = 3;
                    min = 0x800;
                } else if (lead >= 0xF0 && lead <= 0xF4) {
                    length = 4;
                    min = 0x10000;
                } else {
                    return -1;
                }
                if (i + length > end) {
                    return last ? -1 : i;
                }
                int codePoint = lead & (0xFF >> (length + 1));
                for (int k = 1; k < length; k++) {
                    int next = bytes[i + k] & 0xFF;
                    if ((next & 0xC0) != 0x80) {
                        return -1;
                    }
                    codePoint = (codePoint << 6) | (next & 0x3F);
                }
                if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    return -1;
                }
                i += length;
            }
            return i;
        }
    }
}
