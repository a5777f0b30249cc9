package org.kechuang.search;

import java.util.Set;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;

/**
 * Who is searching, as far as visibility goes: a search shows them what they may see and nothing else.
 *
 * @param accountId null for a visitor
 * @param stations the stations they are station admin of
 */
public record Searcher(Long accountId, boolean operator, boolean manager, Set<Long> stations) {

    public static final Searcher VISITOR = new Searcher(null, false, false, Set.of());

    public Searcher {
        stations = Set.copyOf(stations);
    }

    public static Searcher of(CurrentUser user) {
        if (user == null) {
            return VISITOR;
        }
        return new Searcher(
                user.id(),
                user.isOperator(),
                user.has(Role.MANAGER),
                user.has(Role.STATION_ADMIN) ? user.administeredStations() : Set.of());
    }

    /**
     * The libraries' common rule ({@code DemandAccess}, {@code AchievementAccess}, {@code ExpertAccess}, {@code
     * CaseAccess}): operators see everything; owners and the admins of the record's station see every status; others
     * see published records, and confidential ones only as technology managers.
     */
    public boolean maySee(Access access) {
        if (operator) {
            return true;
        }
        if (accountId != null && access.owners().contains(accountId)) {
            return true;
        }
        if (access.stationId() != null && stations.contains(access.stationId())) {
            return true;
        }
        return access.published() && (!access.confidential() || manager);
    }
}
