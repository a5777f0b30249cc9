package org.kechuang.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which full code lists enter the platform, used by the API, the operator page and the tests. A list
 * is read and checked completely before the first write; then, in the same transaction, new codes are inserted and
 * known ones (the built-in sections, divisions and departments among them) updated in place. Codes are never deleted:
 * records elsewhere may be tagged with them.
 */
@Service
class TaxonomyImporter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TaxonomyImporter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A GB/T 4754 list in the CSV layout of the published code list, UTF-8 or GBK. */
    @Transactional
    ImportReport importIndustries(byte[] file) {
        return run(Taxonomy.INDUSTRIES, file);
    }

    /** An NSFC application-code list in JSON Lines. */
    @Transactional
    ImportReport importDisciplines(byte[] file) {
        return run(Taxonomy.DISCIPLINES, file);
    }

    private ImportReport run(Taxonomy taxonomy, byte[] file) {
        String text = TaxonomyText.decode(file);
        // one import at a time per taxonomy; readers are not blocked
        jdbc.sql("LOCK TABLE " + taxonomy.table + " IN EXCLUSIVE MODE").update();
        Map<String, Stored> stored = stored(taxonomy);
        CheckedList list = taxonomy == Taxonomy.INDUSTRIES
                ? IndustryList.read(text, stored.keySet(), sections(stored))
                : new CheckedList(DisciplineList.read(text, stored.keySet()), List.of());
        List<TaxonomyEntry> entries = list.entries();

        List<TaxonomyEntry> inserts = new ArrayList<>();
        List<TaxonomyEntry> updates = new ArrayList<>();
        for (TaxonomyEntry entry : entries) {
            Stored current = stored.get(entry.code());
            if (current == null) {
                inserts.add(entry);
            } else if (!current.matches(entry)) {
                updates.add(entry);
            }
        }
        inserts.sort(Comparator.comparingInt(TaxonomyEntry::level).thenComparing(TaxonomyEntry::code));
        template.batchUpdate(
                taxonomy.insert, inserts.stream().map(taxonomy.insertValues).toList());
        template.batchUpdate(
                taxonomy.update, updates.stream().map(taxonomy.updateValues).toList());
        return new ImportReport(
                entries.size(),
                inserts.size(),
                updates.size(),
                entries.size() - inserts.size() - updates.size(),
                list.warnings());
    }

    private static SectionRanges sections(Map<String, Stored> stored) {
        return SectionRanges.of(stored.values().stream()
                .filter(industry -> industry.level() == IndustryLevel.DIVISION.depth())
                .collect(Collectors.toMap(Stored::code, Stored::parentCode)));
    }

    private Map<String, Stored> stored(Taxonomy taxonomy) {
        return jdbc
                .sql("SELECT code, level, name, name_en, " + taxonomy.description + " AS description, parent_code FROM "
                        + taxonomy.table)
                .query(Stored.class)
                .list()
                .stream()
                .collect(Collectors.toMap(Stored::code, Function.identity()));
    }

    /** Where each list is stored and which columns the list decides. */
    private enum Taxonomy {
        // the published GB/T 4754 list has no English names: the built-in ones stay
        INDUSTRIES(
                "reference_industry",
                "description",
                "INSERT INTO reference_industry (code, level, name, description, parent_code) VALUES (?, ?, ?, ?, ?)",
                e -> new Object[] {e.code(), e.level(), e.name(), e.description(), e.parentCode()},
                "UPDATE reference_industry SET level = ?, name = ?, description = ?, parent_code = ? WHERE code = ?",
                e -> new Object[] {e.level(), e.name(), e.description(), e.parentCode(), e.code()}),
        // a line without an English name keeps the stored one
        DISCIPLINES(
                "reference_discipline",
                "NULL",
                "INSERT INTO reference_discipline (code, level, name, name_en, parent_code) VALUES (?, ?, ?, ?, ?)",
                e -> new Object[] {e.code(), e.level(), e.name(), e.nameEn(), e.parentCode()},
                """
                UPDATE reference_discipline SET level = ?, name = ?, name_en = coalesce(?, name_en), parent_code = ?
                WHERE code = ?""",
                e -> new Object[] {e.level(), e.name(), e.nameEn(), e.parentCode(), e.code()});

        private final String table;
        private final String description;
        private final String insert;
        private final Function<TaxonomyEntry, Object[]> insertValues;
        private final String update;
        private final Function<TaxonomyEntry, Object[]> updateValues;

        Taxonomy(
                String table,
                String description,
                String insert,
                Function<TaxonomyEntry, Object[]> insertValues,
                String update,
                Function<TaxonomyEntry, Object[]> updateValues) {
            this.table = table;
            this.description = description;
            this.insert = insert;
            this.insertValues = insertValues;
            this.update = update;
            this.updateValues = updateValues;
        }
    }

    /** A row as stored before the import. */
    record Stored(String code, int level, String name, String nameEn, String description, String parentCode) {

        boolean matches(TaxonomyEntry entry) {
            return level == entry.level()
                    && name.equals(entry.name())
                    && Objects.equals(parentCode, entry.parentCode())
                    && (entry.nameEn() == null || entry.nameEn().equals(nameEn))
                    && Objects.equals(description, entry.description());
        }
    }
}
