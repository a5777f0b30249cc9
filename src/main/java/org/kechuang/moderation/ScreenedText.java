package org.kechuang.moderation;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A field's text in the form the word lists are matched against, keeping for every character where it came from so
 * that a finding can quote the text exactly as the author typed it.
 *
 * <p>Each character is normalized like {@code Text.key} (NFKC: full-width to half-width; traditional to simplified;
 * lower case), then the characters that spammers put between the letters of a word to slip past a filter (blanks,
 * zero-width and other format characters, punctuation, symbols, combining marks) are dropped: 星-空-体-育, 星 空 体 育 and
 * 星\u200b空体育 all read 星空体育. Which characters are dropped is chosen by the caller: term matching drops them all, link
 * matching keeps punctuation because a dot is part of a host name.
 */
final class ScreenedText {

    enum Drop {
        /** Blanks, format characters and combining marks only. */
        INVISIBLE,
        /** Also punctuation and symbols. */
        SEPARATORS
    }

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] gapBefore;

    private ScreenedText(String original, String text, int[] starts, int[] ends, boolean[] gapBefore) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.gapBefore = gapBefore;
    }

    static ScreenedText of(String original, Drop drop) {
        int length = original.length();
        char[] normalized = new char[length + 16];
        int[] starts = new int[length + 16];
        int[] ends = new int[length + 16];
        boolean[] gaps = new boolean[length + 16];
        int dropMask = drop == Drop.INVISIBLE ? DROPPED_INVISIBLE : DROPPED_INVISIBLE | DROPPED_SEPARATOR;
        boolean gap = false;
        int at = 0;
        int index = 0;
        while (index < length) {
            char unit = original.charAt(index);
            int entry = Character.isSurrogate(unit) ? MULTIPLE : single(unit);
            if (entry != MULTIPLE) {
                // the common case: a character of the Basic Multilingual Plane whose form is one character
                if ((entry & dropMask) != 0) {
                    gap = true;
                } else {
                    if (at == normalized.length) {
                        normalized = Arrays.copyOf(normalized, at * 2);
                        starts = Arrays.copyOf(starts, at * 2);
                        ends = Arrays.copyOf(ends, at * 2);
                        gaps = Arrays.copyOf(gaps, at * 2);
                    }
                    normalized[at] = (char) (entry & 0xFFFF);
                    starts[at] = index;
                    ends[at] = index + 1;
                    gaps[at] = gap;
                    at++;
                    gap = false;
                }
                index++;
                continue;
            }
            int codePoint = original.codePointAt(index);
            int next = index + Character.charCount(codePoint);
            String form = normalize(codePoint);
            for (int i = 0; i < form.length(); ) {
                int c = form.codePointAt(i);
                i += Character.charCount(c);
                if (dropped(c, drop)) {
                    gap = true;
                    continue;
                }
                for (char formUnit : Character.toChars(c)) {
                    if (at == normalized.length) {
                        normalized = Arrays.copyOf(normalized, at * 2);
                        starts = Arrays.copyOf(starts, at * 2);
                        ends = Arrays.copyOf(ends, at * 2);
                        gaps = Arrays.copyOf(gaps, at * 2);
                    }
                    normalized[at] = formUnit;
                    starts[at] = index;
                    ends[at] = next;
                    gaps[at] = gap;
                    at++;
                }
                gap = false;
            }
            index = next;
        }
        return new ScreenedText(original, new String(normalized, 0, at), starts, ends, gaps);
    }

    /**
     * This text with a blank put back where blanks separated two words of Latin letters or digits, so that a link
     * ends where its word ends ("…gov.cn https://…"), while letters spaced out one by one (w w w . x k . c o m) stay
     * joined.
     */
    ScreenedText withWordBreaks() {
        StringBuilder broken = new StringBuilder(text.length() + 16);
        int[] newStarts = new int[text.length() * 2 + 1];
        int[] newEnds = new int[text.length() * 2 + 1];
        boolean[] newGaps = new boolean[text.length() * 2 + 1];
        for (int i = 0; i < text.length(); i++) {
            if (gapBefore[i] && wordBefore(i) > 1 && wordAfter(i) > 1) {
                int at = broken.length();
                broken.append(' ');
                newStarts[at] = ends[i - 1];
                newEnds[at] = starts[i];
                newGaps[at] = true;
            }
            int at = broken.length();
            broken.append(text.charAt(i));
            newStarts[at] = starts[i];
            newEnds[at] = ends[i];
            newGaps[at] = gapBefore[i];
        }
        return new ScreenedText(original, broken.toString(), newStarts, newEnds, newGaps);
    }

    /** Length of the run of Latin letters and digits ending just before {@code at}, with nothing dropped inside. */
    private int wordBefore(int at) {
        int length = 0;
        for (int i = at - 1; i >= 0 && isWordCharacter(text.charAt(i)); i--) {
            length++;
            if (gapBefore[i]) {
                break;
            }
        }
        return length;
    }

    /** Length of the run of Latin letters and digits starting at {@code at}, with nothing dropped inside. */
    private int wordAfter(int at) {
        int length = 0;
        for (int i = at; i < text.length() && isWordCharacter(text.charAt(i)); i++) {
            if (i > at && gapBefore[i]) {
                break;
            }
            length++;
        }
        return length;
    }

    static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The normalized text with dropped characters removed. */
    String text() {
        return text;
    }

    /** The original text behind the normalized characters {@code [from, to)}. */
    String original(int from, int to) {
        return original.substring(starts[from], ends[to - 1]);
    }

    int originalStart(int from) {
        return starts[from];
    }

    int originalEnd(int to) {
        return ends[to - 1];
    }

    /** True when something was dropped between the normalized characters {@code at - 1} and {@code at}. */
    boolean gapBefore(int at) {
        return at < text.length() && gapBefore[at];
    }

    /** True when the original text behind {@code [from, to)} had characters dropped inside it. */
    boolean hadGapsInside(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (gapBefore[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Basic Multilingual Plane character whose normalized form is one character: that character in the low 16 bits,
     * {@link #DROPPED_INVISIBLE} and {@link #DROPPED_SEPARATOR} telling whether it is dropped; {@link #MULTIPLE} for a
     * character whose form is none or several characters (taken the long way); 0 for one not looked at yet. Filled as
     * characters are met, like {@link #FORMS}; an int is written whole, so a race only computes an entry twice.
     */
    private static final int[] SINGLE = new int[0x10000];

    private static final int KNOWN = 1 << 16;
    private static final int DROPPED_INVISIBLE = 1 << 17;
    private static final int DROPPED_SEPARATOR = 1 << 18;
    private static final int MULTIPLE = -1;

    private static int single(char unit) {
        int entry = SINGLE[unit];
        if (entry == 0) {
            String form = normalize(unit);
            if (form.length() != 1 || Character.isSurrogate(form.charAt(0))) {
                entry = MULTIPLE;
            } else {
                char c = form.charAt(0);
                entry = KNOWN | c;
                if (dropped(c, Drop.INVISIBLE)) {
                    entry |= DROPPED_INVISIBLE;
                } else if (dropped(c, Drop.SEPARATORS)) {
                    entry |= DROPPED_SEPARATOR;
                }
            }
            SINGLE[unit] = entry;
        }
        return entry;
    }

    /**
     * Normalized forms of the Basic Multilingual Plane's characters, filled as they are met: opencc and NFKC are costly
     * per call, and a technical text uses a few thousand distinct characters. Strings are immutable, so a race only
     * computes a form twice.
     */
    private static final String[] FORMS = new String[0x10000];

    static String normalize(int codePoint) {
        if (codePoint < 0x10000) {
            String form = FORMS[codePoint];
            if (form == null) {
                form = computeForm(codePoint);
                FORMS[codePoint] = form;
            }
            return form;
        }
        return computeForm(codePoint);
    }

    private static String computeForm(int codePoint) {
        if (codePoint < 0x80) {
            return String.valueOf((char) Character.toLowerCase(codePoint));
        }
        String form = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC);
        if (Character.isIdeographic(codePoint)) {
            // one character at a time keeps the offsets exact; opencc maps characters, phrases do not matter here
            form = ZhConverterUtil.toSimple(form);
        }
        return form.toLowerCase(Locale.ROOT);
    }

    static boolean dropped(int c, Drop drop) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        boolean invisible = type == Character.FORMAT
                || type == Character.CONTROL
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || c == 0x3164
                || c == 0xffa0;
        if (invisible || drop == Drop.INVISIBLE) {
            return invisible;
        }
        return switch (type) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
