package org.kechuang.inbox;

import java.util.Collection;
import java.util.Set;

/** The inbox as other modules use it: delivering notices and asking which are still unread. */
public interface Inbox {

    /**
     * Delivers the notice, unless one with the same delivery key was delivered to the recipient before, by the channels
     * the recipient chose for its kind ({@link NoticeKind}): shown in the inbox, and/or mailed once after the caller's
     * transaction commits. A notice the recipient does not receive in the inbox is kept hidden, as the record of the
     * delivery.
     *
     * @return the id of the new notice, or of the one delivered before
     */
    Delivery deliver(Notice notice);

    /** How many notices the account has not read. */
    long unreadCount(long recipientId);

    /** Those of the notices that the account has not read yet (ids of other accounts' notices are left out). */
    Set<Long> unreadAmong(long recipientId, Collection<Long> noticeIds);

    /** @param created false when the notice had been delivered before and nothing was added */
    record Delivery(long noticeId, boolean created) {}
}
