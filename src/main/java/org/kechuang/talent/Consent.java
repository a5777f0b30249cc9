package org.kechuang.talent;

import java.time.Instant;
import java.util.Objects;

/**
 * What an expert agreed the platform may show, and who recorded it when (同意记录).
 *
 * @param scope the profile only, or also the contact details (to entitled users, never to visitors)
 * @param basis the expert's own account, or a curator recording a consent given in writing
 * @param recordedBy the account that recorded it: the expert's for {@link Basis#SELF}, the curator's otherwise
 */
record Consent(Scope scope, Basis basis, long recordedBy, Instant at) {

    Consent {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(basis);
        Objects.requireNonNull(at);
    }

    boolean coversContact() {
        return scope == Scope.CONTACT;
    }

    /** What the history shows of it. */
    String shown() {
        return scope.name() + " (" + basis.name() + " #" + recordedBy + ")";
    }

    enum Scope {
        /** 公开简介: the profile without contact details */
        PROFILE,
        /** 公开简介并向有权用户提供联系方式 */
        CONTACT
    }

    enum Basis {
        /** given by the expert through their own (claiming) account */
        SELF,
        /** given in writing and recorded by a station admin or an operator */
        WRITTEN
    }
}
