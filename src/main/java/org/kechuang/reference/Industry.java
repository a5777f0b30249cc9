package org.kechuang.reference;

/**
 * An industry of GB/T 4754-2017 (国民经济行业分类).
 *
 * @param code {@code C} (section), {@code 39} (division), {@code 397} (group) or {@code 3973} (class)
 * @param nameEn the English name where the platform has one, else {@code null}
 * @param parentCode the enclosing industry, {@code null} for a section
 */
public record Industry(
        String code, IndustryLevel level, String name, String nameEn, String parentCode, String description) {}
