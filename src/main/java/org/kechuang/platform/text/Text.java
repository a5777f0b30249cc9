package org.kechuang.platform.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What users type, made comparable: full-width digits and Latin letters to half-width (NFKC), surrounding blanks
 * trimmed, and a key form that also maps traditional to simplified characters so that 機構 and 机构 compare equal.
 */
public final class Text {

    private static final Pattern MARKUP =
            Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u3000]+");

    private Text() {}

    /** NFKC (full-width → half-width, ideographic space → space), trimmed; {@code null} stays {@code null}. */
    public static String clean(String input) {
        if (input == null) {
            return null;
        }
        return Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
    }

    /** {@link #clean} that turns a blank result into {@code null}. */
    public static String cleanOrNull(String input) {
        String cleaned = clean(input);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** A comparison key: cleaned, simplified characters, lower case, inner blanks collapsed. */
    public static String key(String input) {
        String cleaned = clean(input);
        if (cleaned == null) {
            return null;
        }
        return BLANKS.matcher(ZhConverterUtil.toSimple(cleaned)).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the text carries HTML markup or a script URL, which plain-text fields refuse. */
    public static boolean hasMarkup(String input) {
        return input != null && MARKUP.matcher(input).find();
    }
}
