package org.kechuang.platform.text;

import com.github.houbb.opencc4j.support.data.impl.OpenccDatas;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * What users type, made comparable: full-width digits and Latin letters to half-width (NFKC), surrounding blanks
 * trimmed, and a key form that also maps traditional to simplified characters so that 機構 and 机构 compare equal.
 */
public final class Text {

    private static final Pattern MARKUP =
            Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u3000]+");

    /**
     * The characters that opencc4j's traditional → simplified conversion may change: those its character table maps to
     * something else, and every character of a phrase it maps to something else whose characters it would not change
     * one by one. A text without any of them comes out
     * of the conversion as it went in, so it is not converted at all: most text on the platform is simplified already,
     * and the conversion (phrase by phrase) is by far the dearest part of making a key.
     */
    private static final BitSet CONVERTIBLE = convertible();

    private Text() {}

    private static BitSet convertible() {
        BitSet changed = new BitSet(Character.MAX_VALUE + 1);
        OpenccDatas.tsChar().data().getDataMap().forEach((from, to) -> {
            if (from.length() != 1 || to.isEmpty() || !to.getFirst().equals(from)) {
                from.chars().forEach(changed::set);
            }
        });
        // a phrase that changes although none of its characters does on its own (opencc converts a text phrase by
        // phrase first): its characters may change too
        BitSet convertible = (BitSet) changed.clone();
        OpenccDatas.tsPhrase().data().getDataMap().forEach((from, to) -> {
            boolean byCharacters = from.chars().anyMatch(changed::get);
            if (!byCharacters && (to.isEmpty() || !to.getFirst().equals(from))) {
                from.chars().forEach(convertible::set);
            }
        });
        return convertible;
    }

    /** Traditional characters to simplified ones (opencc4j), skipping the conversion for text that has none. */
    public static String simplified(String input) {
        return input == null || !mayChangeWhenSimplified(input) ? input : ZhConverterUtil.toSimple(input);
    }

    /** False when opencc4j's traditional → simplified conversion would give the text back as it is. */
    public static boolean mayChangeWhenSimplified(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (CONVERTIBLE.get(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

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
        return BLANKS.matcher(simplified(cleaned)).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the text carries HTML markup or a script URL, which plain-text fields refuse. */
    public static boolean hasMarkup(String input) {
        // markup needs a '<', a script address a ':': most text has neither and needs no pattern search
        return input != null
                && (input.indexOf('<') >= 0 || input.indexOf(':') >= 0)
                && MARKUP.matcher(input).find();
    }
}
