package org.kechuang.imports;

import java.util.Locale;

/**
 * The kinds of file the pipeline reads. The content decides where it can (a ZIP signature is an Excel workbook whatever
 * the name says), the name where it cannot.
 */
enum FileFormat {
    CSV,
    XLSX,
    JSON_LINES;

    /**
     * Whether the reader decodes the whole file before it hands over the first row (the text formats check their
     * encoding on every byte first), so that reading can refuse the file only before its first row, or for a failing
     * disk. A workbook's sheet is parsed as it is read: a damaged one can fail half-way.
     */
    boolean decodedBeforeRows() {
        return this != XLSX;
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /**
     * @param fileName the name the file came with, or {@code null}
     * @param head the first bytes of the file (a few hundred are enough)
     * @throws ImportRefused for an empty file, an old binary Excel file, or an {@code .xlsx} that is no ZIP
     */
    static FileFormat detect(String fileName, byte[] head) {
        if (head.length == 0) {
            throw ImportRefused.of("imports.file.empty");
        }
        String extension = extension(fileName);
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        if (startsWith(head, OLE2) || extension.equals("xls")) {
            throw ImportRefused.of("imports.file.xls");
        }
        return switch (extension) {
            case "xlsx", "xlsm" -> throw ImportRefused.of("imports.xlsx.unreadable");
            case "jsonl", "ndjson", "json" -> JSON_LINES;
            case "csv", "txt", "tsv" -> CSV;
            default -> firstVisible(head) == '{' ? JSON_LINES : CSV;
        };
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replaceAll(".*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first character that is neither blank nor a UTF-8 byte order mark, as a byte. */
    private static int firstVisible(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        for (; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }
}
