package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;

class RegistrationNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Predicate<String> PROVINCES = Set.of("11", "31", "44")::contains;

    private static String check(String typed, LocalDate signedOn) {
        return RegistrationNumber.check(typed, signedOn, TODAY, PROVINCES);
    }

    private static String refusal(String typed, LocalDate signedOn) {
        try {
            check(typed, signedOn);
        } catch (DomainException refused) {
            assertThat(refused.field()).isEqualTo("contract.registrationNumber");
            return refused.key();
        }
        throw new AssertionError("accepted: " + typed);
    }

    @Test
    void acceptsSixteenDigitsOfYearRegionAndSerial() {
        assertThat(check("2026110108000123", LocalDate.of(2026, 5, 1))).isEqualTo("2026110108000123");
    }

    @Test
    void keepsThePlainFormOfFullWidthDigitsBlanksAndHyphens() {
        assertThat(check("２０２６ 310104-000567", LocalDate.of(2026, 1, 2))).isEqualTo("2026310104000567");
    }

    @Test
    void refusesAnotherLengthOrLetters() {
        assertThat(refusal("202611010800012", null)).isEqualTo("engagement.registration.form");
        assertThat(refusal("20261101080001234", null)).isEqualTo("engagement.registration.form");
        assertThat(refusal("2026AB0108000123", null)).isEqualTo("engagement.registration.form");
    }

    @Test
    void refusesAYearBeforeTheSigningOrAfterToday() {
        assertThat(refusal("2025110108000123", LocalDate.of(2026, 3, 1))).isEqualTo("engagement.registration.year");
        assertThat(refusal("2027110108000123", LocalDate.of(2026, 3, 1))).isEqualTo("engagement.registration.year");
        assertThat(refusal("1986110108000123", null)).isEqualTo("engagement.registration.year");
    }

    @Test
    void refusesAnUnknownProvinceAndAZeroSerial() {
        assertThat(refusal("2026990108000123", null)).isEqualTo("engagement.registration.region");
        assertThat(refusal("2026110108000000", null)).isEqualTo("engagement.registration.serial");
    }

    @Test
    void refusesMarkupTypedAsANumber() {
        assertThatThrownBy(() -> check("<script>", null)).isInstanceOf(DomainException.class);
    }
}
