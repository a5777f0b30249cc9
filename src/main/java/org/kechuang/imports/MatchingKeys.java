package org.kechuang.imports;

import org.kechuang.platform.text.Text;

/**
 * The form of a value that matching and duplicate detection compare, while the record keeps the text as entered:
 * traditional characters as simplified ones, full-width forms as half-width, blanks collapsed, lower case. 機構 and
 * 机构, {@code ＡＢＣ 1} and {@code abc  1} have the same key.
 */
public final class MatchingKeys {

    private MatchingKeys() {}

    /** The key of the text, or {@code null} for {@code null}. */
    public static String of(String text) {
        return Text.key(text);
    }
}
