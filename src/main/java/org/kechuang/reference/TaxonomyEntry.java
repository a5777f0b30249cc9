package org.kechuang.reference;

/**
 * One checked row of an uploaded code list, ready to store.
 *
 * @param nameEn {@code null} when the list has no English name, which keeps the stored one
 * @param description {@code null} when the list has none
 */
record TaxonomyEntry(
        int row, String code, int level, String name, String nameEn, String description, String parentCode) {}
