package org.kechuang.caselib;

import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.shared.PublicationStatus;

/**
 * Who may see and do what with a case. Visitors and other members see published cases only; the author, the admins of
 * the case's station and operators see every status. A station admin acts only while their station is active.
 */
final class CaseAccess {

    private CaseAccess() {}

    /** Operators everywhere; station admins in their own active station. */
    static boolean curates(CurrentUser user, ApplicationCase found, boolean stationActive) {
        if (user == null) {
            return false;
        }
        if (user.isOperator()) {
            return true;
        }
        return found.stationId() != null && stationActive && user.administers(found.stationId());
    }

    /** The author, the station's admins and operators: they see drafts, returned cases and the history. */
    static boolean seesEverything(CurrentUser user, ApplicationCase found) {
        if (user == null) {
            return false;
        }
        return user.isOperator()
                || found.createdBy(user.id())
                || (found.stationId() != null && user.administers(found.stationId()));
    }

    static boolean maySee(CurrentUser user, ApplicationCase found) {
        return seesEverything(user, found) || found.status() == PublicationStatus.PUBLISHED;
    }

    /** Editing, submitting and withdrawing (archiving): the author and the curators. */
    static boolean mayEdit(CurrentUser user, ApplicationCase found, boolean stationActive) {
        return user != null && (found.createdBy(user.id()) || curates(user, found, stationActive));
    }

    /**
     * Those who were part of a case write it up: enterprises (demand side), experts (supply side), technology managers
     * (brokers), and operators. Reviewers score rankings and do not post.
     */
    static boolean mayPost(CurrentUser user) {
        return user != null
                && (user.has(Role.ENTERPRISE) || user.has(Role.EXPERT) || user.has(Role.MANAGER) || user.isOperator());
    }
}
