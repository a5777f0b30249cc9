package org.kechuang.organization;

import java.util.Collection;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may change what. Operators may do everything. A station admin acts only inside an active station they
 * administer: on organizations that station owns and on the station's own organization. Visitors change nothing; they
 * are sent to sign in (401 or the login page) rather than refused outright.
 */
final class CurationPolicy {

    private CurationPolicy() {}

    static CurrentUser requireSignedIn(CurrentUser user) {
        if (user == null) {
            // handled by Spring Security's entry point: 401 for the API, the login page for browsers
            throw new AccessDeniedException("sign-in required");
        }
        return user;
    }

    static void requireOperator(CurrentUser user) {
        if (!requireSignedIn(user).isOperator()) {
            throw DomainException.forbidden("organization.operator-only");
        }
    }

    static boolean mayActIn(CurrentUser user, Station station) {
        if (user == null) {
            return false;
        }
        return user.isOperator() || (station.active() && user.administers(station.id()));
    }

    /**
     * @param curators the stations with a claim on the organization: the one that owns it and the one it is the seat
     *     of, where they exist
     */
    static boolean mayEdit(CurrentUser user, Collection<Station> curators) {
        if (user == null) {
            return false;
        }
        return user.isOperator() || curators.stream().anyMatch(station -> mayActIn(user, station));
    }

    static void requireActIn(CurrentUser user, Station station) {
        requireSignedIn(user);
        if (!mayActIn(user, station)) {
            throw DomainException.forbidden(station.active() ? "station.not-yours" : "station.suspended");
        }
    }
}
