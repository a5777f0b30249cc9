package org.kechuang.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts for code that runs without a user at the keyboard (the demo seeder, the production bootstrap, other modules
 * looking people up). Station admins are appointed through {@link StationAdministration}, not here.
 */
public interface Accounts {

    /**
     * Makes sure a verified account with this username exists. When none does, it is created with the given e-mail,
     * password, display name and roles; when it does, it keeps its e-mail, password and display name and only gains the
     * roles it lacks, so running this twice changes nothing. Refuses malformed values and an e-mail address that belongs
     * to another account with a {@code DomainException}; refuses {@link Role#STATION_ADMIN}, which always comes with a
     * station ({@link StationAdministration#appoint}).
     */
    Account ensure(String username, String email, String password, String displayName, Set<Role> roles);

    /** Looks the account up by username, ignoring case and full-width/half-width differences. */
    Optional<Account> findByUsername(String username);

    Optional<Account> findById(long id);

    /** Every account that holds the role, by id. */
    List<Account> holding(Role role);

    /** Grants a role other than {@link Role#STATION_ADMIN}; granting a role held already changes nothing. */
    void grant(long accountId, Role role);

    /** Revokes a role other than {@link Role#STATION_ADMIN}; revoking a role not held changes nothing. */
    void revoke(long accountId, Role role);

    /** Whether at least one account holds the role. */
    boolean anyoneHolds(Role role);
}
