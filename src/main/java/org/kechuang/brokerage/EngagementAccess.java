package org.kechuang.brokerage;

import org.kechuang.identity.CurrentUser;

/**
 * Who sees what of an engagement. Its parties (the demand's side, the counterpart's side, the manager) and operators
 * see all of it; the admins of the demand's station see it too, to follow overdue work, but in a confidential
 * engagement they do not learn who the parties are. Nobody else knows it exists.
 */
final class EngagementAccess {

    private EngagementAccess() {}

    static boolean maySee(CurrentUser user, Engagement engagement) {
        if (user == null) {
            return false;
        }
        return user.isOperator()
                || engagement.hasParty(user.id())
                || (engagement.stationId() != null && user.administers(engagement.stationId()));
    }

    /** Whether the caller may learn the demand, the counterpart and the parties' names. */
    static boolean seesParties(CurrentUser user, Engagement engagement) {
        return maySee(user, engagement)
                && (!engagement.confidential() || user.isOperator() || engagement.hasParty(user.id()));
    }

    /** The audit trail: the parties and operators. */
    static boolean maySeeAudit(CurrentUser user, Engagement engagement) {
        return user != null && (user.isOperator() || engagement.hasParty(user.id()));
    }
}
