package org.kechuang.reference;

/**
 * An administrative division of GB/T 2260.
 *
 * @param code six digits, e.g. {@code 110101}
 * @param level 1 province, 2 prefecture city, 3 county
 * @param parentCode the enclosing division, {@code null} for a province
 */
public record Region(String code, String name, int level, String parentCode) {}
