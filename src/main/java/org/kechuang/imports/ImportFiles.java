package org.kechuang.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kechuang.platform.web.DomainException;

/**
 * Files in the import formats, for templates and exports: the source id column first, then the type's columns under
 * their Chinese headers, so that an exported file imports again as it is. CSV is UTF-8 with the byte order mark Excel
 * needs to show Chinese; workbooks are written as a stream, a row at a time. A cell that would start like a formula
 * gets a leading apostrophe, as spreadsheet programs expect, so that opening an export runs nothing.
 */
public final class ImportFiles {

    private static final int WINDOW = 200;

    private ImportFiles() {}

    /** The formats a file can be written in. */
    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** {@code csv} or {@code xlsx}, any case; refused with {@code imports.format.unknown} otherwise. */
        public static Format parse(String typed) {
            String value = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw DomainException.invalid("format", "imports.format.unknown");
            };
        }
    }

    /**
     * Writes the rows of the target's type: each row's source id and its values by field (lists joined with
     * {@code ;}). {@code rows} hands the rows to the consumer it is given, so a caller can stream them from the
     * database.
     */
    public static void write(Format format, ImportTarget target, Consumer<Consumer<ImportRow>> rows, OutputStream out) {
        List<ImportColumn> columns = new ImportColumns(target).all();
        try {
            if (format == Format.CSV) {
                writeCsv(columns, rows, null, out);
            } else {
                writeXlsx(columns, rows, false, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The empty template of the type: headers, and the instructions (a row in CSV, a sheet in a workbook). */
    static void template(Format format, ImportTarget target, OutputStream out) {
        List<ImportColumn> columns = new ImportColumns(target).all();
        try {
            if (format == Format.CSV) {
                writeCsv(columns, sink -> {}, instructions(columns), out);
            } else {
                writeXlsx(columns, sink -> {}, true, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> instructions(List<ImportColumn> columns) {
        List<String> cells = new ArrayList<>();
        for (ImportColumn column : columns) {
            String text = (column.required() ? "必填" : "选填")
                    + (column.description().isEmpty() ? "" : "；" + column.description());
            cells.add(cells.isEmpty() ? RowReader.INSTRUCTIONS_MARK + text : text);
        }
        return cells;
    }

    private static void writeCsv(
            List<ImportColumn> columns, Consumer<Consumer<ImportRow>> rows, List<String> instructions, OutputStream out)
            throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(columns.stream().map(ImportColumn::header).toList());
        if (instructions != null) {
            printer.printRecord(instructions);
        }
        rows.accept(row -> {
            try {
                printer.printRecord(cells(columns, row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    private static void writeXlsx(
            List<ImportColumn> columns, Consumer<Consumer<ImportRow>> rows, boolean withInstructions, OutputStream out)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = workbook.createSheet("数据");
            writeRow(
                    sheet.createRow(0),
                    columns.stream().map(ImportColumn::header).toList());
            int[] next = {1};
            rows.accept(row -> writeRow(sheet.createRow(next[0]++), cells(columns, row)));
            if (withInstructions) {
                Sheet help = workbook.createSheet("填写说明");
                writeRow(help.createRow(0), List.of("列名", "English", "是否必填", "说明"));
                int r = 1;
                for (ImportColumn column : columns) {
                    writeRow(
                            help.createRow(r++),
                            List.of(
                                    column.header(),
                                    column.englishHeader(),
                                    column.required() ? "必填" : "选填",
                                    column.description()));
                }
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void writeRow(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null) {
                Cell cell = row.createCell(c);
                cell.setCellValue(cells.get(c));
            }
        }
    }

    private static List<String> cells(List<ImportColumn> columns, ImportRow row) {
        List<String> cells = new ArrayList<>(columns.size());
        for (ImportColumn column : columns) {
            String value = column.field().equals(ImportRow.SOURCE_ID) ? row.sourceId() : row.text(column.field());
            cells.add(value == null ? null : CellRules.isFormula(value) ? "'" + value : value);
        }
        return cells;
    }

    /** The values of a row by field, for callers that build export rows. */
    public static ImportRow row(String sourceId, Map<String, Object> values) {
        Map<String, Object> stated = new java.util.LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                stated.put(
                        field,
                        value instanceof List<?> list
                                ? list.stream().map(String::valueOf).toList()
                                : value);
            }
        });
        return new ImportRow(0, sourceId, stated);
    }
}
