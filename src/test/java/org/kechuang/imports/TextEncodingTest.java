package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncodingTest {

    @TempDir
    Path dir;

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            TextEncoding.strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException refused) {
            return false;
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void refusesWhatTheStrictDecoderRefuses() {
        byte[][] cases = {
            "成果 LiFePO4 𠀋".getBytes(StandardCharsets.UTF_8),
            bytes(0x80), // a stray continuation byte
            bytes(0xE6, 0x88), // cut short
            bytes(0xC0, 0xAF), // overlong '/'
            bytes(0xE0, 0x80, 0xAF), // overlong, three bytes
            bytes(0xF0, 0x80, 0x80, 0xAF), // overlong, four bytes
            bytes(0xED, 0xA0, 0x80), // a surrogate
            bytes(0xF4, 0x90, 0x80, 0x80), // above U+10FFFF
            bytes(0xF5, 0x80, 0x80, 0x80),
            bytes(0xFF),
            bytes(0xE6, 0x88, 0x41), // a lead byte followed by ASCII
            "技术".getBytes(java.nio.charset.Charset.forName("GBK")),
        };
        for (byte[] bytes : cases) {
            boolean valid = TextEncoding.Utf8.check(bytes, bytes.length, true) == bytes.length;
            assertThat(valid)
                    .as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(bytes))
                    .isEqualTo(jdkDecodes(bytes));
        }
    }

    @Test
    void agreesWithTheStrictDecoderOnRandomlyDamagedText() {
        Random random = new Random(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                int kind = random.nextInt(4);
                text.appendCodePoint(
                        switch (kind) {
                            case 0 -> 0x20 + random.nextInt(0x5F);
                            case 1 -> 0x80 + random.nextInt(0x780);
                            case 2 -> 0x4E00 + random.nextInt(0x5000);
                            default -> 0x10000 + random.nextInt(0x1000);
                        });
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (bytes.length > 1 && random.nextInt(4) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            boolean valid = TextEncoding.Utf8.check(bytes, bytes.length, true) == bytes.length;
            assertThat(valid)
                    .as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(bytes))
                    .isEqualTo(jdkDecodes(bytes));
        }
    }

    @Test
    void checksSequencesThatStraddleTheReadBuffer() throws IOException {
        // 65,535 ASCII bytes put the first byte of 技 at the end of the first 64 KiB read
        byte[] head = "a".repeat((1 << 16) - 1).getBytes(StandardCharsets.US_ASCII);
        Path whole = dir.resolve("whole.csv");
        Files.write(whole, concat(head, "技术\n".getBytes(StandardCharsets.UTF_8)));
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, concat(head, bytes(0xE6, 0x8A)));

        assertThat(TextEncoding.Utf8.valid(whole, 0)).isTrue();
        assertThat(TextEncoding.Utf8.valid(cut, 0)).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
