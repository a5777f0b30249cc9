package org.kechuang.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.kechuang.support.SharedData;

/**
 * The published GB/T 4754-2017 list of ../shared/data with its one erratum no importer can correct, made as the
 * standard has it: the second 0711 (海洋石油开采) is 0712. The 13 rows naming a sibling group as parent stay as
 * published: the importer places them by their codes.
 */
final class SharedIndustryList {

    /** The rows of the published list whose {@code parent_id} contradicts their code, as the importer corrects them. */
    static final List<RowProblem> PARENT_CORRECTIONS = List.of(
            corrected(1804, "832", "8421", "842"),
            corrected(1906, "904", "9051", "905"),
            corrected(1907, "904", "9052", "905"),
            corrected(1908, "904", "9053", "905"),
            corrected(1909, "904", "9054", "905"),
            corrected(1910, "904", "9059", "905"),
            corrected(1920, "921", "9221", "922"),
            corrected(1921, "921", "9222", "922"),
            corrected(1922, "921", "9223", "922"),
            corrected(1923, "921", "9224", "922"),
            corrected(1924, "921", "9225", "922"),
            corrected(1925, "921", "9226", "922"),
            corrected(1967, "961", "9620", "962"));

    private SharedIndustryList() {}

    private static RowProblem corrected(int row, String given, String code, String derived) {
        return RowProblem.of(row, IndustryList.PARENT, "reference.import.parent-corrected", given, code, derived);
    }

    static String published() throws IOException {
        return Files.readString(SharedData.file("taxonomy/gb4754-2017.csv"));
    }

    static String corrected() throws IOException {
        String published = published();
        String corrected = published.replace(",0711,海洋石油开采,071,3,", ",0712,海洋石油开采,071,3,");
        if (corrected.equals(published)) {
            throw new IllegalStateException("the shared list no longer has the duplicate 0711 this test corrects");
        }
        return corrected;
    }
}
