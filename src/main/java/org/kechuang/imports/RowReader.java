package org.kechuang.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads the data rows of one file format and hands them over one at a time, so a file of any size streams. */
interface RowReader {

    /** Rows whose first cell starts with this are the templates' instructions, not data. */
    String INSTRUCTIONS_MARK = "【填写说明】";

    /**
     * @throws ImportRefused when the file cannot be read at all or its header is unusable; nothing has been handed
     *     over then, or the rows handed over must be discarded
     */
    void read(Path file, ImportColumns columns, Consumer<RawRow> sink) throws IOException;

    static RowReader of(FileFormat format) {
        return switch (format) {
            case CSV -> new CsvRowReader();
            case XLSX -> new XlsxRowReader();
            case JSON_LINES -> new JsonLinesRowReader();
        };
    }
}
