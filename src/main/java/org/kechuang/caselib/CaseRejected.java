package org.kechuang.caselib;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * A case refused with every broken rule at once, so a form marks all its wrong fields in one round and an
 * import reports every bad field of a row. Public so that the import pipeline can read the violations.
 */
public class CaseRejected extends DomainException {

    private final transient List<Violation> violations;

    CaseRejected(List<Violation> violations) {
        super(
                HttpStatus.BAD_REQUEST,
                violations.getFirst().key(),
                violations.getFirst().field(),
                violations.getFirst().argArray());
        this.violations = List.copyOf(violations);
    }

    /** Every broken rule as (field, key, message args); the message is {@code problem.<key>} in the bundles. */
    public List<FieldViolation> fieldViolations() {
        return violations.stream()
                .map(v -> new FieldViolation(v.field(), v.key(), v.args()))
                .toList();
    }

    List<Violation> violations() {
        return violations;
    }

    public record FieldViolation(String field, String key, List<Object> args) {}
}
