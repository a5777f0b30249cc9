package org.kechuang.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Excel {@code .xlsx}, read as a stream of SAX events from the first worksheet, so that a workbook of a million rows
 * never sits in memory. The first non-empty row is the header; rows keep the numbers Excel shows. A file that is not a
 * complete workbook (cut off, damaged, another ZIP) is refused as a whole.
 */
final class XlsxRowReader implements RowReader {

    @Override
    public void read(Path file, ImportColumns columns, Consumer<RawRow> sink) throws IOException {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException damaged) {
            // POI reports a cut-off or foreign ZIP with several types (InvalidFormatException,
            // NotOfficeXmlFileException, …)
            throw ImportRefused.of("imports.xlsx.unreadable");
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportRefused.of("imports.file.empty");
            }
            Rows rows = new Rows(columns, sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                DataFormatter formatter = new DataFormatter(Locale.ROOT);
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, formatter, false));
                parser.parse(new InputSource(sheet));
            }
            if (rows.header == null) {
                throw ImportRefused.of("imports.file.empty");
            }
        } catch (ImportRefused refused) {
            throw refused;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException damaged) {
            throw ImportRefused.of("imports.xlsx.unreadable");
        } catch (RuntimeException damaged) {
            throw ImportRefused.of("imports.xlsx.unreadable");
        } finally {
            workbook.revert();
        }
    }

    /** Collects a row's cells by column and hands the row over at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final ImportColumns columns;
        private final Consumer<RawRow> sink;
        private HeaderRow header;
        private List<String> cells = new ArrayList<>();
        private int nextColumn;
        private boolean first = true;

        Rows(ImportColumns columns, Consumer<RawRow> sink) {
            this.columns = columns;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (HeaderRow.blank(cells)) {
                return;
            }
            if (header == null) {
                header = HeaderRow.read(cells, columns);
                return;
            }
            if (first && HeaderRow.instructions(cells)) {
                first = false;
                return;
            }
            first = false;
            sink.accept(header.map(rowNum + 1, cells, List.of()));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
            nextColumn = column + 1;
        }
    }
}
