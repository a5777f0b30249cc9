package org.kechuang.demand;

import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.shared.PublicationStatus;

/**
 * Who may see and do what with a demand. Visitors and other members see published demands only, and a confidential
 * demand only if they are technology managers; the author, the admins of the demand's station and operators see every
 * status. Contact details are for signed-in users. A station admin acts only while their station is active.
 */
final class DemandAccess {

    private DemandAccess() {}

    /** Operators everywhere; station admins in their own active station. */
    static boolean curates(CurrentUser user, Demand demand, boolean stationActive) {
        if (user == null) {
            return false;
        }
        if (user.isOperator()) {
            return true;
        }
        return demand.stationId() != null && stationActive && user.administers(demand.stationId());
    }

    /** The author, the station's admins and operators: they see drafts, returned demands and the history. */
    static boolean seesEverything(CurrentUser user, Demand demand) {
        if (user == null) {
            return false;
        }
        return user.isOperator()
                || demand.createdBy(user.id())
                || (demand.stationId() != null && user.administers(demand.stationId()));
    }

    static boolean maySee(CurrentUser user, Demand demand) {
        if (seesEverything(user, demand)) {
            return true;
        }
        if (demand.status() != PublicationStatus.PUBLISHED) {
            return false;
        }
        return !demand.content().confidential() || (user != null && user.has(Role.MANAGER));
    }

    /** Its author, curators and technology managers, who diagnose demands: the completeness score and suggestions. */
    static boolean maySeeCompleteness(CurrentUser user, Demand demand) {
        return seesEverything(user, demand) || (user != null && user.has(Role.MANAGER) && maySee(user, demand));
    }

    static boolean maySeeContact(CurrentUser user, Demand demand) {
        return user != null && maySee(user, demand);
    }

    /** Editing, submitting and withdrawing (archiving): the author and the curators. */
    static boolean mayEdit(CurrentUser user, Demand demand, boolean stationActive) {
        return user != null && (demand.createdBy(user.id()) || curates(user, demand, stationActive));
    }

    /** Members who post problems, technology managers who enter them for enterprises, and operators. */
    static boolean mayPost(CurrentUser user) {
        return user != null && (user.has(Role.ENTERPRISE) || user.has(Role.MANAGER) || user.isOperator());
    }
}
