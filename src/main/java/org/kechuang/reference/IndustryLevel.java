package org.kechuang.reference;

/** The four levels of GB/T 4754-2017, from the lettered section down to the four-digit class. */
public enum IndustryLevel {
    /** 门类, one letter A–T. */
    SECTION,
    /** 大类, two digits. */
    DIVISION,
    /** 中类, three digits. */
    GROUP,
    /** 小类, four digits. */
    CLASS;

    /** 0 for a section … 3 for a class, as in the {@code level_type} column of the published list. */
    public int depth() {
        return ordinal();
    }

    public static IndustryLevel ofDepth(int depth) {
        return values()[depth];
    }
}
