package org.kechuang.brokerage;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** A move refused with every missing or wrong field at once, so the form marks all of them in one round. */
class EngagementRefused extends DomainException {

    private final transient List<Violation> violations;

    EngagementRefused(List<Violation> violations) {
        super(
                HttpStatus.BAD_REQUEST,
                violations.getFirst().key(),
                violations.getFirst().field(),
                violations.getFirst().args());
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
