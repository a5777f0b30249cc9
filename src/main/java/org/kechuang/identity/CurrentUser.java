package org.kechuang.identity;

import java.util.Set;

/**
 * The signed-in user as every module sees it: the principal of both web sessions and API tokens, obtained with
 * {@code @AuthenticationPrincipal CurrentUser user} ({@code null} for a visitor).
 *
 * @param administeredStations the stations this user is station admin of
 */
public record CurrentUser(
        long id, String username, String displayName, String email, Set<Role> roles, Set<Long> administeredStations) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        administeredStations = Set.copyOf(administeredStations);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    /** True when the user may act inside the station: an operator anywhere, a station admin in their own stations. */
    public boolean administers(long stationId) {
        return isOperator() || (has(Role.STATION_ADMIN) && administeredStations.contains(stationId));
    }
}
