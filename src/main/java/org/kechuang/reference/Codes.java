package org.kechuang.reference;

import java.util.Locale;
import org.kechuang.platform.text.Text;

/** Codes as users type them: full-width digits and letters made half-width, blanks trimmed, letters upper-case. */
final class Codes {

    private Codes() {}

    static String normalized(String code) {
        String cleaned = Text.cleanOrNull(code);
        return cleaned == null ? null : cleaned.toUpperCase(Locale.ROOT);
    }
}
