package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static Contract check(String type, String value, String date, String number) {
        return ContractRules.check(new ContractRules.Typed(type, value, date, number), TODAY, "11"::equals);
    }

    @Test
    void readsATypedContract() {
        Contract contract = check("development", "1,250,000.50", "2026-11-30", "2026110108000001");
        assertThat(contract.type()).isEqualTo(ContractType.DEVELOPMENT);
        assertThat(contract.value()).isEqualByComparingTo("1250000.50");
        assertThat(contract.registrationNumber()).isEqualTo("2026110108000001");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> check("barter", "-5", "2027-01-01", "x"))
                .isInstanceOfSatisfying(
                        EngagementRefused.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::key)
                                .containsExactly(
                                        "engagement.contract.type.invalid",
                                        "engagement.contract.value.range",
                                        "engagement.contract.date.future",
                                        "engagement.registration.form"));
    }

    @Test
    void refusesNonNumbersAndBadDatesWithTheirFields() {
        assertThatThrownBy(() -> check("LICENSE", "五十万", "30/11/2026", null))
                .isInstanceOfSatisfying(
                        EngagementRefused.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::field)
                                .containsExactly("contract.value", "contract.signedOn"));
    }

    @Test
    void aRegistrationNumberIsOptional() {
        assertThat(check("SERVICE", "1", "2026-12-03", " ").registrationNumber())
                .isNull();
    }
}
