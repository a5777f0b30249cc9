package org.kechuang.brokerage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;

/**
 * What a signed contract must carry: its type, a value above zero, the signing date (not in the future) and, when
 * given, a well-formed registration number. Every broken rule is reported at once.
 */
final class ContractRules {

    private ContractRules() {}

    /** The contract as typed: any member may be null or malformed. */
    record Typed(String type, String value, String signedOn, String registrationNumber) {}

    static Contract check(Typed typed, LocalDate today, Predicate<String> knownProvince) {
        List<Violation> violations = new ArrayList<>();
        ContractType type = null;
        String typeText = typed == null ? null : Text.cleanOrNull(typed.type());
        if (typeText == null) {
            violations.add(new Violation("contract.type", "engagement.contract.type.required"));
        } else {
            try {
                type = ContractType.valueOf(typeText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                violations.add(new Violation("contract.type", "engagement.contract.type.invalid", typeText));
            }
        }
        BigDecimal value = null;
        String valueText = typed == null ? null : Text.cleanOrNull(typed.value());
        if (valueText == null) {
            violations.add(new Violation("contract.value", "engagement.contract.value.required"));
        } else {
            try {
                value = new BigDecimal(valueText.replace(",", ""));
                if (value.signum() <= 0 || value.compareTo(Engagement.MAX_VALUE) > 0 || value.scale() > 2) {
                    violations.add(new Violation("contract.value", "engagement.contract.value.range", valueText));
                    value = null;
                }
            } catch (NumberFormatException notNumber) {
                violations.add(new Violation("contract.value", "engagement.contract.value.invalid", valueText));
            }
        }
        LocalDate signedOn = null;
        String dateText = typed == null ? null : Text.cleanOrNull(typed.signedOn());
        if (dateText == null) {
            violations.add(new Violation("contract.signedOn", "engagement.contract.date.required"));
        } else {
            try {
                signedOn = LocalDate.parse(dateText);
                if (signedOn.isAfter(today)) {
                    violations.add(new Violation("contract.signedOn", "engagement.contract.date.future", dateText));
                }
            } catch (java.time.format.DateTimeParseException bad) {
                violations.add(new Violation("contract.signedOn", "engagement.contract.date.invalid", dateText));
            }
        }
        String registration = typed == null ? null : Text.cleanOrNull(typed.registrationNumber());
        if (registration != null) {
            try {
                registration = RegistrationNumber.check(registration, signedOn, today, knownProvince);
            } catch (DomainException wrong) {
                violations.add(new Violation(wrong.field(), wrong.key(), wrong.args()));
            }
        }
        if (!violations.isEmpty()) {
            throw new EngagementRefused(violations);
        }
        return new Contract(type, value, signedOn, registration);
    }
}
