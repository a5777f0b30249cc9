package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCleanerTest {

    private final RowCleaner cleaner = new RowCleaner(SampleTarget.COLUMNS, 10_000);

    private static RawRow raw(int number, Map<String, Object> values) {
        return new RawRow(number, values, List.of());
    }

    @Test
    void aJsonLinesRowOfTitleDescriptionKeywordsAndSourceIdIsEnough() {
        RowCleaner.Cleaned cleaned = cleaner.clean(raw(
                1,
                Map.of("sourceId", " ｃｓｌ-1 ", "title", " 標題 ", "description", "摘要", "keywords", List.of(" a ", ""))));

        assertThat(cleaned.valid()).isTrue();
        assertThat(cleaned.row().sourceId()).isEqualTo("csl-1");
        assertThat(cleaned.row().text("title")).isEqualTo("標題");
        assertThat(cleaned.row().list("keywords")).containsExactly("a");
        assertThat(cleaned.row().states("regionCode")).isFalse();
    }

    @Test
    void reportsEmptyRequiredCellsAndAMissingSourceId() {
        assertThat(cleaner.clean(raw(2, Map.of("title", "  "))).errors())
                .extracting(ImportFieldError::field, ImportFieldError::key)
                .containsExactly(
                        tuple("sourceId", "imports.cell.required"),
                        tuple("title", "imports.cell.required"),
                        tuple("description", "imports.cell.required"));
    }

    @Test
    void aSourceIdSeenEarlierInTheFileIsRefusedWithTheEarlierRow() {
        cleaner.clean(raw(2, Map.of("sourceId", "d-1", "title", "t", "description", "d")));

        assertThat(cleaner.clean(raw(7, Map.of("sourceId", "ｄ-1", "title", "t2", "description", "d2")))
                        .errors())
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.key()).isEqualTo("imports.source-id.repeated");
                    assertThat(error.args()).containsExactly(2);
                });
    }

    @Test
    void aRefusedCellIsNotAlsoReportedAsEmpty() {
        assertThat(cleaner.clean(raw(3, Map.of("sourceId", "e-1", "title", "=cmd|' /C calc'!A0", "description", "d")))
                        .errors())
                .extracting(ImportFieldError::field, ImportFieldError::key)
                .containsExactly(tuple("title", "imports.cell.formula"));
    }
}
