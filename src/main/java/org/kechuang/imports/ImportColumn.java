package org.kechuang.imports;

import java.util.List;
import java.util.Objects;

/**
 * One column of an import file, as the templates show it and as files may name it.
 *
 * @param field the canonical field name: the JSON Lines property, the key of {@link ImportRow} and the {@code field}
 *     of row errors
 * @param header the Chinese header the templates use
 * @param englishHeader the English header, also accepted in files
 * @param aliases further header names accepted in files (older lists, other systems' exports)
 * @param required whether a row without a value is refused by the pipeline itself
 * @param kind how the pipeline cleans the cell
 * @param description what to fill in, in Chinese, shown on the templates' instructions
 */
public record ImportColumn(
        String field,
        String header,
        String englishHeader,
        List<String> aliases,
        boolean required,
        Kind kind,
        String description) {

    public ImportColumn {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(englishHeader, "englishHeader");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
    }

    /** How a cell is cleaned before the target sees it. */
    public enum Kind {
        /** Trimmed, otherwise kept exactly as entered (full-width punctuation, traditional characters, …). */
        TEXT,
        /** Codes and numbers: trimmed and NFKC-normalized, so {@code ４４０３００} reads as {@code 440300}. */
        CODE,
        /**
         * Several values: a JSON array, or a cell separated by {@code ;}, {@code ；}, {@code ,}, {@code ，}, {@code 、} or
         * line breaks; each item trimmed.
         */
        LIST
    }

    public static ImportColumn required(String field, String header, String englishHeader, String description) {
        return new ImportColumn(field, header, englishHeader, List.of(), true, Kind.TEXT, description);
    }

    public static ImportColumn optional(String field, String header, String englishHeader, String description) {
        return new ImportColumn(field, header, englishHeader, List.of(), false, Kind.TEXT, description);
    }

    public ImportColumn withAliases(String... more) {
        return new ImportColumn(field, header, englishHeader, List.of(more), required, kind, description);
    }

    public ImportColumn asCode() {
        return new ImportColumn(field, header, englishHeader, aliases, required, Kind.CODE, description);
    }

    public ImportColumn asList() {
        return new ImportColumn(field, header, englishHeader, aliases, required, Kind.LIST, description);
    }
}
