package org.kechuang.search.analysis;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.kechuang.platform.text.Text;

/**
 * Makes the text comparable before it is cut into tokens: NFKC per code point (full-width letters, digits and
 * punctuation to half-width, {@code ①} → {@code 1}, {@code …} → {@code ...}) and traditional → simplified characters
 * (opencc4j, phrase-aware). Offsets are corrected, so highlights fall on the characters the author typed.
 *
 * <p>The traditional → simplified step keeps the length of each run of Chinese characters (the conversion is
 * character-aligned); where a phrase conversion would change a run's length, that run is converted character by
 * character instead, so the offsets never need a second correction.
 *
 * <p>opencc4j leaves a character alone when it is also a simplified character in its own right, though technical
 * text almost always means the traditional form: 乾 (干 of 冻干, 干燥), and the Taiwan forms 矽 (硅), 醯 (酰), 痺, 簷 and
 * some element names. {@link #FOLDED} maps those too, on both the indexed and the searched side, so a record and a
 * query always agree (a rare 乾坤 is then searched as 干坤, on both sides). Measured by the parity test.
 */
final class NormalizingCharFilter extends BaseCharFilter {

    /** Characters opencc4j keeps that are folded onto their mainland form; one character each way. */
    static final Map<Character, Character> FOLDED =
            Map.of('乾', '干', '矽', '硅', '醯', '酰', '痺', '痹', '簷', '檐', '砈', '砹', '鉲', '锎', '鎝', '锝');

    private String normalized;
    private int position;

    NormalizingCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (normalized == null) {
            normalized = normalize(readAll(input));
        }
        if (position >= normalized.length()) {
            return -1;
        }
        int count = Math.min(length, normalized.length() - position);
        normalized.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int diff = 0;
        for (int in = 0; in < text.length(); ) {
            int codePoint = text.codePointAt(in);
            int width = Character.charCount(codePoint);
            String mapped = Normalizer.normalize(text.substring(in, in + width), Normalizer.Form.NFKC);
            int outStart = out.length();
            out.append(mapped);
            if (mapped.length() != width) {
                // characters inside an expansion point at its source character, the end of it at the source's end
                for (int k = 1; k < mapped.length(); k++) {
                    diff = in - (outStart + k);
                    addOffCorrectMap(outStart + k, diff);
                }
                diff = in + width - out.length();
                addOffCorrectMap(out.length(), diff);
            }
            in += width;
        }
        return simplified(out);
    }

    /** Traditional → simplified, run by run of Chinese characters, keeping every run's length. */
    static String simplified(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean han = i < text.length() && isHan(text.charAt(i));
            if (han && start < 0) {
                start = i;
            } else if (!han && start >= 0) {
                out.append(simplifiedRun(text.subSequence(start, i).toString()));
                start = -1;
            }
            if (!han && i < text.length()) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static String simplifiedRun(String run) {
        if (unchanged(run)) {
            return folded(run);
        }
        String converted = ZhConverterUtil.toSimple(run);
        if (converted.length() == run.length()) {
            return folded(converted);
        }
        StringBuilder out = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            List<String> options = ZhConverterUtil.toSimple(run.charAt(i));
            String first = options.isEmpty() ? null : options.getFirst();
            out.append(first != null && first.length() == 1 ? first : String.valueOf(run.charAt(i)));
        }
        return folded(out.toString());
    }

    /** A run that opencc4j's conversion gives back as it is (most text is simplified already: no conversion). */
    static boolean unchanged(String run) {
        return !Text.mayChangeWhenSimplified(run);
    }

    private static String folded(String run) {
        StringBuilder out = null;
        for (int i = 0; i < run.length(); i++) {
            Character mainland = FOLDED.get(run.charAt(i));
            if (mainland != null) {
                if (out == null) {
                    out = new StringBuilder(run);
                }
                out.setCharAt(i, mainland);
            }
        }
        return out == null ? run : out.toString();
    }

    /** Chinese characters in the basic multilingual plane; the rare supplementary ones are left as they are. */
    static boolean isHan(char c) {
        return !Character.isSurrogate(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[4096];
        for (int n; (n = reader.read(chunk)) != -1; ) {
            text.append(chunk, 0, n);
        }
        return text.toString();
    }
}
