package org.kechuang.achievement;

import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.shared.PublicationStatus;

/**
 * Who may see and do what with an achievement. Visitors and other members see published achievements only; the author,
 * the admins of the achievement's station and operators see every status. A station admin acts only while their
 * station is active.
 */
final class AchievementAccess {

    private AchievementAccess() {}

    /** Operators everywhere; station admins in their own active station. */
    static boolean curates(CurrentUser user, Achievement achievement, boolean stationActive) {
        if (user == null) {
            return false;
        }
        if (user.isOperator()) {
            return true;
        }
        return achievement.stationId() != null && stationActive && user.administers(achievement.stationId());
    }

    /** The author, the station's admins and operators: they see drafts, returned achievements and the history. */
    static boolean seesEverything(CurrentUser user, Achievement achievement) {
        if (user == null) {
            return false;
        }
        return user.isOperator()
                || achievement.createdBy(user.id())
                || (achievement.stationId() != null && user.administers(achievement.stationId()));
    }

    static boolean maySee(CurrentUser user, Achievement achievement) {
        if (seesEverything(user, achievement)) {
            return true;
        }
        return achievement.status() == PublicationStatus.PUBLISHED;
    }

    /** Editing, submitting and withdrawing (archiving): the author and the curators. */
    static boolean mayEdit(CurrentUser user, Achievement achievement, boolean stationActive) {
        return user != null && (achievement.createdBy(user.id()) || curates(user, achievement, stationActive));
    }

    /** Researchers who offer their results, technology managers who enter them for their owners, and operators. */
    static boolean mayPost(CurrentUser user) {
        return user != null && (user.has(Role.EXPERT) || user.has(Role.MANAGER) || user.isOperator());
    }
}
