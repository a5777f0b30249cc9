package org.kechuang.reference;

/**
 * A discipline: an NSFC department (level 0, one letter) or an application code below it (A01, A0101, A010101).
 *
 * @param parentCode the enclosing discipline, {@code null} for a department
 */
record Discipline(String code, int level, String name, String nameEn, String parentCode) {}
