package org.kechuang.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test files as bytes, read through the pipeline's readers. */
final class ReadRows {

    private ReadRows() {}

    static List<RawRow> read(Path dir, String name, byte[] content) {
        try {
            Path file = Files.createTempFile(dir, "import-", "-" + name);
            Files.write(file, content);
            FileFormat format = FileFormat.detect(name, Files.readAllBytes(file));
            List<RawRow> rows = new ArrayList<>();
            RowReader.of(format).read(file, SampleTarget.COLUMNS, rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook whose first sheet holds the rows (null cells left out), written by POI. */
    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("数据");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) != null) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bom(byte[] content) {
        byte[] withBom = new byte[content.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(content, 0, withBom, 3, content.length);
        return withBom;
    }
}
