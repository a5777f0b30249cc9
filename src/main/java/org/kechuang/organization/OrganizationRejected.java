package org.kechuang.organization;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** A draft refused with every broken rule at once, so a form can mark all its wrong fields in one round. */
class OrganizationRejected extends DomainException {

    private final transient List<Violation> violations;

    OrganizationRejected(List<Violation> violations) {
        super(
                HttpStatus.BAD_REQUEST,
                violations.getFirst().key(),
                violations.getFirst().field(),
                violations.getFirst().argArray());
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
