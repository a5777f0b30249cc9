package org.kechuang.brokerage;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kechuang.inbox.Inbox;
import org.kechuang.inbox.Notice;
import org.springframework.stereotype.Component;

/**
 * Tells the other parties of an engagement that someone wrote in it. Only parties are told (never a station admin,
 * whatever the engagement), and the notice names the demand and the author but carries neither the text nor the
 * file, which stay behind the engagement's access rules.
 */
@Component
class EngagementMessageNotices {

    private final Inbox inbox;
    private final Clock clock;

    EngagementMessageNotices(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    void posted(Engagement e, String demandTitle, String authorName, long messageId, long authorId) {
        for (long recipient : recipients(e, authorId)) {
            inbox.deliver(new Notice(
                    recipient,
                    BrokerageNoticeKinds.MESSAGE,
                    "engagement:" + e.id() + ":message:" + messageId,
                    Notice.Message.of("engagement-message.notice.title", demandTitle),
                    Notice.Message.of("engagement-message.notice.text", authorName),
                    EngagementMessagePages.path(e.id()),
                    clock.instant()));
        }
    }

    /** The manager and the parties with an account, but not the author. */
    static Set<Long> recipients(Engagement e, long authorId) {
        Set<Long> recipients = new LinkedHashSet<>();
        recipients.add(e.managerId());
        if (e.demandPartyId() != null) {
            recipients.add(e.demandPartyId());
        }
        if (e.counterpartPartyId() != null) {
            recipients.add(e.counterpartPartyId());
        }
        recipients.remove(authorId);
        return recipients;
    }
}
