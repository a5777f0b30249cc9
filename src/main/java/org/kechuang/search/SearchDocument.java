package org.kechuang.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A library record as the index sees it. Codes are the record's own; the engine derives the levels above them (a
 * county's city and province, an industry class's group, division and section, a chain node's chain) so that a filter
 * on a higher level finds the records below it.
 *
 * @param type the library: {@code demand}, {@code achievement}, …
 * @param id the record's id in its library
 * @param title weighs most
 * @param keywords weigh less than the title, more than the body
 * @param body the rest of the record's text
 * @param industrySection the GB/T 4754 section letter of {@code industryCode}
 * @param industryCode a GB/T 4754 division, group or class code (digits)
 * @param chainNodeCode an industry chain node code ({@code <chain>-<node>}) or a chain code
 * @param regionCode a GB/T 2260 code of six digits
 * @param trl technology readiness level 1–9, for achievements
 * @param status the publication status (null for a library without one), shown with the results
 * @param access who may find it
 * @param updatedAt the record's last change, for sorting by date
 */
public record SearchDocument(
        String type,
        long id,
        String title,
        List<String> keywords,
        String body,
        String industrySection,
        String industryCode,
        String chainNodeCode,
        String regionCode,
        Integer trl,
        String status,
        Access access,
        Instant updatedAt) {

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(updatedAt, "updatedAt");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        body = body == null ? "" : body;
    }
}
