package org.kechuang.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kechuang.support.SharedData;

/**
 * The published GB/T 4754-2017 list of ../shared/data with its errata corrected as the standard has them: the second
 * 0711 (海洋石油开采) is 0712, and a group's or class's parent is its code without the last digit.
 */
final class SharedIndustryList {

    private static final Pattern CLASS_ROW = Pattern.compile("(?m)^(\\d+),(\\d{3,4}),([^,]*),(\\d{2,3}),([23]),");

    private SharedIndustryList() {}

    static String corrected() throws IOException {
        String text = Files.readString(SharedData.file("taxonomy/gb4754-2017.csv"))
                .replace(",0711,海洋石油开采,071,3,", ",0712,海洋石油开采,071,3,");
        Matcher row = CLASS_ROW.matcher(text);
        StringBuilder fixed = new StringBuilder();
        while (row.find()) {
            String code = row.group(2);
            String parent = code.substring(0, code.length() - 1);
            row.appendReplacement(
                    fixed,
                    row.group(1) + "," + code + "," + Matcher.quoteReplacement(row.group(3)) + "," + parent + ","
                            + row.group(5) + ",");
        }
        row.appendTail(fixed);
        return fixed.toString();
    }
}
