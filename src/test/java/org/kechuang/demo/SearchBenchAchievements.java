package org.kechuang.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.kechuang.platform.text.Text;
import org.kechuang.shared.CooperationMode;

/**
 * Benchmark data, not a test: the demo generator's achievements (its vocabulary, sentence patterns, spread over
 * stations, chains and regions) written as lines of PostgreSQL's {@code COPY} text format for the {@code achievement}
 * table, every one published, so that a benchmark can fill a database with a million realistic records in seconds
 * instead of seeding them through the content screen. Each line starts with the station's code, which the loader
 * replaces by the station's id: see {@link #COLUMNS}.
 */
public final class SearchBenchAchievements {

    /** The columns after the station id, in the order of the lines. */
    public static final String COLUMNS = "station_id, title, title_key, description, keywords, technology_field,"
            + " discipline_code, industry_code, industry_section, chain_node_code, trl, patents, transfer_modes,"
            + " price_min, price_max, region_code, source_system, source_id, status, created_at, updated_at";

    /** The day the generated ages count back from: fixed, so that the same file comes out on every machine. */
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static final int CHUNK = 2_000;

    private SearchBenchAchievements() {}

    /**
     * Writes achievements 1..rows to the file, generated on every processor in chunks (the records are the same
     * whatever the order they are generated in).
     *
     * @param sectionOfDivision the GB/T 4754 section letter of each two-digit division
     */
    public static void write(Path file, int rows, Map<String, String> sectionOfDivision) throws IOException {
        DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, DAY);
        Instant now = DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int from = 1; from <= rows; from += CHUNK * 8) {
                int first = from;
                int last = Math.min(rows, from + CHUNK * 8 - 1);
                // eight chunks at a time, generated in parallel, written in order
                List<String> chunks = IntStream.rangeClosed(0, (last - first) / CHUNK)
                        .parallel()
                        .mapToObj(c -> lines(
                                generator,
                                first + c * CHUNK,
                                Math.min(last, first + c * CHUNK + CHUNK - 1),
                                now,
                                sectionOfDivision))
                        .toList();
                for (String chunk : chunks) {
                    out.write(chunk);
                }
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String lines(
            DemoGenerator generator, int from, int to, Instant now, Map<String, String> sectionOfDivision) {
        StringBuilder out = new StringBuilder((to - from + 1) * 1200);
        for (int n = from; n <= to; n++) {
            GeneratedAchievement a = generator.achievement(n);
            Instant created = DemoLibrary.createdAt(now, a.ageHours());
            line(out, a, created, sectionOfDivision.get(a.industryCode()), n);
        }
        return out.toString();
    }

    private static void line(StringBuilder w, GeneratedAchievement a, Instant created, String section, int n) {
        w.append(a.stationCode());
        field(w, a.title());
        field(w, Text.key(a.title()));
        field(w, a.description());
        field(w, array(a.keywords()));
        field(w, a.technologyField());
        field(w, a.disciplineCode());
        field(w, a.industryCode());
        field(w, section);
        field(w, a.chainNodeCode());
        field(w, Integer.toString(a.trl()));
        field(w, array(a.patents()));
        field(
                w,
                array(a.transferModes().stream()
                        .map(CooperationMode::name)
                        .sorted()
                        .toList()));
        field(w, a.priceMin() == null ? null : a.priceMin().toPlainString());
        field(w, a.priceMax() == null ? null : a.priceMax().toPlainString());
        field(w, a.regionCode());
        field(w, "search-bench");
        field(w, "bench-achievement-" + n);
        field(w, "PUBLISHED");
        field(w, created.toString());
        field(w, created.toString());
        w.append('\n');
    }

    /** A text value of the COPY text format: tab first, {@code \N} for null, backslash, tab and line breaks escaped. */
    private static void field(StringBuilder w, String value) {
        w.append('\t');
        if (value == null) {
            w.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> w.append("\\\\");
                case '\t' -> w.append("\\t");
                case '\n' -> w.append("\\n");
                case '\r' -> w.append("\\r");
                default -> w.append(c);
            }
        }
    }

    /** A PostgreSQL array literal of quoted elements. */
    private static String array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }
}
