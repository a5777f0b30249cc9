package org.kechuang.caselib;

import java.util.List;
import org.kechuang.platform.web.DomainException;

/** One broken rule of a draft: the field, the stable key ({@code problem.<key>} in the bundles) and message args. */
record Violation(String field, String key, List<Object> args) {

    Violation {
        args = List.copyOf(args);
    }

    static Violation of(String field, String key, Object... args) {
        return new Violation(field, key, List.of(args));
    }

    static Violation of(DomainException refusal) {
        return new Violation(refusal.field(), refusal.key(), List.of(refusal.args()));
    }

    Object[] argArray() {
        return args.toArray();
    }
}
