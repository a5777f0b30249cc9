package org.kechuang.achievement;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese patent number as CNIPA writes it, normalized from what people type (full-width characters, blanks, a
 * missing or lower-case prefix):
 *
 * <ul>
 *   <li>application numbers since 2003: year (4), type (1), serial (7), optionally {@code .} and the check digit, e.g.
 *       {@code CN202310123456.6}; with the {@code ZL} prefix the number of the granted patent, e.g.
 *       {@code ZL 2019 1 0123456.X};
 *   <li>application numbers before 2003: year (2), type (1), serial (5) and check digit, e.g. {@code 97101765.4};
 *   <li>publication numbers: {@code CN}, 7 to 9 digits and the kind code, e.g. {@code CN114123456A}, {@code CN1234567B}.
 * </ul>
 *
 * The check digit of an application number is the sum of its digits weighted 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 (from
 * the left) modulo 11, written {@code X} for 10; a number typed with a wrong check digit is refused, one typed without
 * it gets it.
 *
 * @param canonical the number as stored and shown: {@code CN202310123456.6}, {@code ZL201910123456.X},
 *     {@code CN97101765.4}, {@code CN114123456A}
 * @param key the same patent whatever its prefix ({@code ZL} and {@code CN} of one application compare equal), for
 *     finding duplicates across stations
 */
public record PatentNumber(String canonical, String key) {

    /** Application types: 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model. */
    private static final String TYPES = "12389";

    private static final Pattern APPLICATION = Pattern.compile("(CN|ZL)?(\\d{12}|\\d{8})(?:\\.?([0-9X]))?");
    private static final Pattern PUBLICATION = Pattern.compile("CN(\\d{7,9})([ABCUYS]\\d?)");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    /** Why a typed number is refused. */
    enum Problem {
        FORMAT,
        CHECK_DIGIT
    }

    /** The parsed number, or the reason it is refused (with the expected check digit for a wrong one). */
    record Parsed(PatentNumber number, Problem problem, String expectedCheckDigit) {}

    static Parsed parse(String typed) {
        if (typed == null || typed.length() > 100) {
            return new Parsed(null, Problem.FORMAT, null);
        }
        String compact = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u3000]", "")
                .replace('·', '.')
                .toUpperCase(Locale.ROOT);
        Matcher publication = PUBLICATION.matcher(compact);
        if (publication.matches()) {
            String canonical = "CN" + publication.group(1) + publication.group(2);
            return new Parsed(new PatentNumber(canonical, canonical), null, null);
        }
        Matcher application = APPLICATION.matcher(compact);
        if (!application.matches()) {
            return new Parsed(null, Problem.FORMAT, null);
        }
        String digits = application.group(2);
        char type = digits.length() == 12 ? digits.charAt(4) : digits.charAt(2);
        if (TYPES.indexOf(type) < 0) {
            return new Parsed(null, Problem.FORMAT, null);
        }
        if (digits.length() == 12) {
            int year = Integer.parseInt(digits.substring(0, 4));
            if (year < 2003 || year > 2099) {
                return new Parsed(null, Problem.FORMAT, null);
            }
        }
        String expected = checkDigit(digits);
        String typedCheck = application.group(3);
        if (typedCheck != null && !typedCheck.equals(expected)) {
            return new Parsed(null, Problem.CHECK_DIGIT, expected);
        }
        String prefix = "ZL".equals(application.group(1)) ? "ZL" : "CN";
        return new Parsed(new PatentNumber(prefix + digits + "." + expected, digits + expected), null, null);
    }

    /** The parsed number, if the text is one. */
    public static Optional<PatentNumber> of(String typed) {
        return Optional.ofNullable(parse(typed).number());
    }

    /** The CNIPA check digit of an application number of 8 or 12 digits. */
    static String checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = sum % 11;
        return check == 10 ? "X" : Integer.toString(check);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
