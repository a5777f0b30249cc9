package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kechuang.support.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * False holds on real text: the 1,000 Chinese abstracts of the CSL dev set (title, abstract, keywords across every
 * discipline) and the 1,971 entries of the GB/T 4754-2017 industry classification (which has 彩票活动, 体育彩票服务) are
 * all legitimate, so every one the screen holds is a false hold. Measured: 0 of 1,000 and 0 of 1,971.
 */
@Tag("shared-data")
class CslFalseHoldsTest {

    private static final WordListScreen SCREEN = new WordListScreen(WordLists.shipped());

    @Test
    void holdsNoneOfTheThousandCslDevAbstracts() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        int screened = 0;
        List<String> falseHolds = new ArrayList<>();
        try (BufferedReader lines =
                Files.newBufferedReader(SharedData.file("eval/csl-dev.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = json.readTree(line);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("title", record.path("title").asString());
                fields.put("abstract", record.path("abstract").asString());
                List<String> keywords = new ArrayList<>();
                record.path("keywords").forEach(keyword -> keywords.add(keyword.asString()));
                fields.put("keywords", String.join("；", keywords));
                screened++;
                List<Match> matches = SCREEN.screen(fields);
                if (!matches.isEmpty()) {
                    falseHolds.add(record.path("id").asString() + " " + matches);
                }
            }
        }

        assertThat(screened).isEqualTo(1000);
        assertThat(falseHolds)
                .as("false holds among %d CSL dev abstracts", screened)
                .isEmpty();
    }

    @Test
    void holdsNoneOfTheIndustryClassification() throws IOException {
        int screened = 0;
        List<String> falseHolds = new ArrayList<>();
        try (BufferedReader reader =
                        Files.newBufferedReader(SharedData.file("taxonomy/gb4754-2017.csv"), StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            for (CSVRecord row : csv) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("name", row.get("name"));
                fields.put("description", row.get("description"));
                screened++;
                List<Match> matches = SCREEN.screen(fields);
                if (!matches.isEmpty()) {
                    falseHolds.add(row.get("industry_id") + " " + matches);
                }
            }
        }

        assertThat(screened).isEqualTo(1971);
        assertThat(falseHolds).as("false holds among %d industries", screened).isEmpty();
    }
}
