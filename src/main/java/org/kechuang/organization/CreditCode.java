package org.kechuang.organization;

import java.util.Locale;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;

/**
 * A unified social credit code (统一社会信用代码) as defined by GB 32100-2015: 18 characters from the 31-character
 * alphabet {@code 0-9 A-Z} without I, O, Z, S and V, the last one a check character computed over the first 17.
 * People copy these codes from licences and web pages, so the constructor accepts full-width characters, lower case
 * letters and blanks or hyphens between groups, and keeps the canonical form. Every instance is valid.
 *
 * @param value the canonical 18-character code
 */
public record CreditCode(String value) {

    static final String FIELD = "creditCode";
    static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    public CreditCode {
        value = canonical(value);
    }

    public static CreditCode of(String typed) {
        return new CreditCode(typed);
    }

    private static String canonical(String typed) {
        String cleaned = Text.clean(typed);
        if (cleaned == null || cleaned.isEmpty()) {
            throw DomainException.invalid(FIELD, "organization.credit-code.required");
        }
        if (cleaned.length() > 4 * LENGTH) {
            throw DomainException.invalid(FIELD, "organization.credit-code.length", cleaned.length());
        }
        String code = SEPARATORS.matcher(cleaned).replaceAll("").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            throw DomainException.invalid(FIELD, "organization.credit-code.length", code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw DomainException.invalid(
                        FIELD, "organization.credit-code.character", String.valueOf(code.charAt(i)), i + 1);
            }
        }
        // the expected character is not revealed: a wrong check character usually means a mistyped earlier one
        if (code.charAt(LENGTH - 1) != checkCharacter(code)) {
            throw DomainException.invalid(FIELD, "organization.credit-code.checksum");
        }
        return code;
    }

    /** The check character GB 32100-2015 prescribes for the first 17 characters. */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
