package org.kechuang.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An account as other modules see it (never with its password hash).
 *
 * @param username as typed at registration, after NFKC normalization (full-width letters and digits made half-width)
 * @param verified whether the e-mail address was confirmed; unverified accounts cannot sign in
 * @param administeredStations the stations this account is station admin of
 */
public record Account(
        long id,
        String username,
        String email,
        String displayName,
        boolean verified,
        Set<Role> roles,
        Set<Long> administeredStations,
        Instant createdAt) {

    public Account {
        roles = Set.copyOf(roles);
        administeredStations = Set.copyOf(administeredStations);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The principal this account signs in as. */
    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, email, roles, administeredStations);
    }
}
