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
}
