package org.kechuang.brokerage;

import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;

/**
 * The technology-contract registration number (技术合同登记号) given by a registration office: 16 digits, the
 * registration year, the GB/T 2260 code of the office's region and a six-digit serial number, e.g. {@code
 * 2024110108000123}. Typed with full-width digits, blanks or hyphens, it is kept in the plain form.
 */
final class RegistrationNumber {

    static final String FIELD = "contract.registrationNumber";
    private static final Pattern FORM = Pattern.compile("(\\d{4})(\\d{6})(\\d{6})");
    /** Technology contracts are registered under the 1987 technology contract law and its successors. */
    private static final int FIRST_YEAR = 1987;

    private RegistrationNumber() {}

    /**
     * The number in its plain form; refused when it does not have the form, its year lies before the contract's
     * signing or after today, its region is unknown, or its serial number is zero.
     *
     * @param knownProvince whether a two-digit province code (GB/T 2260) exists
     */
    static String check(String typed, LocalDate signedOn, LocalDate today, Predicate<String> knownProvince) {
        String plain = Text.clean(typed).replaceAll("[\\s-]", "");
        var matcher = FORM.matcher(plain);
        if (!matcher.matches()) {
            throw DomainException.invalid(FIELD, "engagement.registration.form", typed);
        }
        int year = Integer.parseInt(matcher.group(1));
        int earliest = Math.max(FIRST_YEAR, signedOn == null ? FIRST_YEAR : signedOn.getYear());
        if (year < earliest || year > today.getYear()) {
            throw DomainException.invalid(FIELD, "engagement.registration.year", year, earliest, today.getYear());
        }
        if (!knownProvince.test(matcher.group(2).substring(0, 2))) {
            throw DomainException.invalid(FIELD, "engagement.registration.region", matcher.group(2));
        }
        if (Integer.parseInt(matcher.group(3)) == 0) {
            throw DomainException.invalid(FIELD, "engagement.registration.serial");
        }
        return plain;
    }
}
