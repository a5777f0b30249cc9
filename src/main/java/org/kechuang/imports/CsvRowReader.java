package org.kechuang.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV in UTF-8 (with or without BOM), GBK or UTF-16, separated by commas or, when the header has tabs and no commas,
 * by tabs. Rows are numbered as a spreadsheet shows them (the header is row 1; a quoted cell with line breaks is one
 * row). A row with fewer or more cells than the header is refused; a broken quote ends the reading at its row, since
 * nothing after it can be told apart.
 */
final class CsvRowReader implements RowReader {

    private static final int HEADER_PEEK = 1 << 20;

    @Override
    public void read(Path file, ImportColumns columns, Consumer<RawRow> sink) throws IOException {
        TextEncoding encoding = TextEncoding.detect(file);
        try (BufferedReader text = new BufferedReader(encoding.open(file), 1 << 16)) {
            char delimiter = delimiter(text);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get();
            try (CSVParser parser = format.parse(text)) {
                Iterator<CSVRecord> records = parser.iterator();
                HeaderRow header = null;
                long number = 0;
                boolean first = true;
                while (true) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException broken) {
                        if (broken.getCause() instanceof CharacterCodingException) {
                            throw ImportRefused.of("imports.file.encoding");
                        }
                        if (header == null) {
                            throw ImportRefused.of("imports.csv.header-unreadable");
                        }
                        sink.accept(RawRow.broken(
                                (int) number + 1, ImportFieldError.of(null, "imports.csv.broken-quotes")));
                        return;
                    }
                    number = record.getRecordNumber();
                    List<String> cells = record.toList();
                    if (header == null) {
                        if (HeaderRow.blank(cells)) {
                            continue;
                        }
                        header = HeaderRow.read(cells, columns);
                        continue;
                    }
                    if (HeaderRow.blank(cells) || (first && HeaderRow.instructions(cells))) {
                        first = false;
                        continue;
                    }
                    first = false;
                    List<ImportFieldError> shape = List.of();
                    if (cells.size() < header.width() || tooWide(cells, header.width())) {
                        shape = List.of(
                                ImportFieldError.of(null, "imports.row.column-count", header.width(), cells.size()));
                    }
                    sink.accept(header.map((int) number, cells, shape));
                }
                if (header == null) {
                    throw ImportRefused.of("imports.file.empty");
                }
            }
        }
    }

    /** Cells beyond the header's width are tolerated only when blank (a trailing separator). */
    private static boolean tooWide(List<String> cells, int width) {
        return cells.size() > width
                && cells.subList(width, cells.size()).stream().anyMatch(cell -> !cell.isBlank());
    }

    private static char delimiter(BufferedReader text) throws IOException {
        text.mark(HEADER_PEEK);
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = text.read()) >= 0 && c != '\n' && line.length() < HEADER_PEEK - 1) {
            line.append((char) c);
        }
        text.reset();
        return line.indexOf("\t") >= 0 && line.indexOf(",") < 0 ? '\t' : ',';
    }
}
