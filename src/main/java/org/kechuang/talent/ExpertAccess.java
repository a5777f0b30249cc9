package org.kechuang.talent;

import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.shared.PublicationStatus;

/**
 * Who may see and do what with an expert profile. Visitors and members see published profiles; the expert (the
 * claiming account), the author, the admins of the profile's station and operators see every status. Contact details
 * are gated: see {@link #maySeeContact}. A station admin acts only while their station is active.
 */
final class ExpertAccess {

    private ExpertAccess() {}

    /** Operators everywhere; station admins in their own active station. */
    static boolean curates(CurrentUser user, Expert expert, boolean stationActive) {
        if (user == null) {
            return false;
        }
        if (user.isOperator()) {
            return true;
        }
        return expert.stationId() != null && stationActive && user.administers(expert.stationId());
    }

    /** The expert, the author, the station's admins and operators: they see every status and the history. */
    static boolean seesEverything(CurrentUser user, Expert expert) {
        if (user == null) {
            return false;
        }
        return user.isOperator()
                || expert.createdBy(user.id())
                || expert.claimedBy(user.id())
                || (expert.stationId() != null && user.administers(expert.stationId()));
    }

    static boolean maySee(CurrentUser user, Expert expert) {
        return seesEverything(user, expert) || expert.status() == PublicationStatus.PUBLISHED;
    }

    /**
     * The contact details (phone, e-mail): always for the expert themself, for operators and for the admins of the
     * profile's station, who keep the record; for technology managers, who broker engagements, only when the profile
     * is published and the expert consented to showing them. Never for visitors or other members.
     */
    static boolean maySeeContact(CurrentUser user, Expert expert) {
        if (user == null) {
            return false;
        }
        if (user.isOperator()
                || expert.claimedBy(user.id())
                || (expert.stationId() != null && user.administers(expert.stationId()))) {
            return true;
        }
        return user.has(Role.MANAGER) && expert.status() == PublicationStatus.PUBLISHED && expert.contactConsented();
    }

    /** Editing, submitting and withdrawing (archiving): the expert themself, the author and the curators. */
    static boolean mayEdit(CurrentUser user, Expert expert, boolean stationActive) {
        return user != null
                && (expert.claimedBy(user.id()) || expert.createdBy(user.id()) || curates(user, expert, stationActive));
    }

    /** Experts keep their own profile; operators enter any (station admins enter profiles into their station). */
    static boolean mayPost(CurrentUser user) {
        return user != null && (user.has(Role.EXPERT) || user.isOperator());
    }

    /** Claiming a profile is for accounts with the expert role. */
    static boolean mayClaim(CurrentUser user) {
        return user != null && user.has(Role.EXPERT);
    }
}
