package org.kechuang.search;

import java.util.Set;

/**
 * Who may find a document, in the terms of the libraries' access rules: everyone once it is published, but only
 * technology managers when it is also confidential; whatever its status, the accounts that own it (its author, the
 * expert who claimed a profile) and the admins of its station; operators always. The library states the facts; {@link
 * Searcher#maySee} applies the rule.
 *
 * @param stationId the station the record belongs to, if any
 * @param owners the accounts that see the record in every status
 */
public record Access(boolean published, boolean confidential, Long stationId, Set<Long> owners) {

    public Access {
        owners = owners == null ? Set.of() : Set.copyOf(owners);
    }

    /** A record everyone may find and nobody owns (an organization). */
    public static Access everyone() {
        return new Access(true, false, null, Set.of());
    }
}
