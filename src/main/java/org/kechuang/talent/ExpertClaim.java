package org.kechuang.talent;

import java.time.Instant;

/**
 * An expert account's claim of a profile (认领): granted at once when the account's verified e-mail is the profile's,
 * otherwise waiting for a curator of the profile's station.
 */
record ExpertClaim(
        long id,
        long expertId,
        long accountId,
        Method method,
        Status status,
        String reason,
        Instant createdAt,
        Long decidedBy,
        Instant decidedAt) {

    enum Method {
        /** the claimant's verified account e-mail is the profile's e-mail */
        EMAIL,
        /** a station admin (an operator for profiles without a station) decided */
        STATION
    }

    enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }
}
