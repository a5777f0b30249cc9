package org.kechuang.search.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.List;

/**
 * The pinyin initials of a text, as people type them to find a term quickly: 人工智能 → {@code rgzn}. HanLP reads each
 * character in its context (重庆 → {@code cq}, 重量 → {@code zl}) and knows traditional characters (機器人 →
 * {@code jqr}); Latin letters and digits are kept, lower case; everything else is left out.
 */
public final class PinyinInitials {

    private PinyinInitials() {}

    public static String of(String text) {
        return String.join("", perCharacter(text));
    }

    /** The initial of each character of the text, in place: empty for a character left out. */
    public static String[] perCharacter(String text) {
        List<Pinyin> readings = HanLP.convertToPinyinList(text);
        String[] initials = new String[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Pinyin reading = i < readings.size() ? readings.get(i) : Pinyin.none5;
            if (reading != Pinyin.none5) {
                initials[i] = String.valueOf(reading.getFirstChar());
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                initials[i] = String.valueOf(Character.toLowerCase(c));
            } else {
                initials[i] = "";
            }
        }
        return initials;
    }
}
