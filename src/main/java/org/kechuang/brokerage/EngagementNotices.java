package org.kechuang.brokerage;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kechuang.inbox.Inbox;
import org.kechuang.inbox.Notice;
import org.springframework.stereotype.Component;

/**
 * Tells the parties of an engagement what they must act on, in their inbox: the engagement started, moved, was rated
 * or handed over, or is overdue. The one who acted is not told of their own act. A notice is keyed by the engagement's
 * version, so a retried delivery adds nothing.
 */
@Component
class EngagementNotices {

    static final String KIND = "brokerage.engagement";

    private final Inbox inbox;
    private final Clock clock;

    EngagementNotices(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    void started(Engagement e, String demandTitle, String counterpartName, long actorId) {
        for (long recipient : parties(e, actorId)) {
            deliver(
                    e,
                    recipient,
                    "v" + e.version(),
                    Notice.Message.of("engagement.notice.started.title", demandTitle),
                    Notice.Message.of("engagement.notice.started.text", counterpartName));
        }
    }

    void moved(Engagement e, String demandTitle, long actorId) {
        for (long recipient : parties(e, actorId)) {
            deliver(
                    e,
                    recipient,
                    "v" + e.version(),
                    Notice.Message.of("engagement.notice.moved.title", demandTitle),
                    Notice.Message.of(
                            "engagement.notice.moved." + e.stage().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    void rated(Engagement e, String demandTitle, long actorId) {
        for (long recipient : parties(e, actorId)) {
            deliver(
                    e,
                    recipient,
                    "v" + e.version(),
                    Notice.Message.of("engagement.notice.rated.title", demandTitle),
                    Notice.Message.of("engagement.notice.rated.text"));
        }
    }

    void handedOver(Engagement e, String demandTitle, long actorId) {
        for (long recipient : parties(e, actorId)) {
            deliver(
                    e,
                    recipient,
                    "v" + e.version(),
                    Notice.Message.of("engagement.notice.handed-over.title", demandTitle),
                    Notice.Message.of("engagement.notice.handed-over.text"));
        }
    }

    /**
     * The stage's deadline passed: the manager and the station's admins are told. The admins are not parties, so a
     * confidential engagement's notice names no demand.
     */
    void overdue(Engagement e, String demandTitle, Set<Long> stationAdmins) {
        String key = "overdue:" + e.stageEnteredAt().toEpochMilli();
        Notice.Message text = Notice.Message.of("engagement.notice.overdue.text");
        deliver(
                BrokerageNoticeKinds.OVERDUE,
                e,
                e.managerId(),
                key,
                Notice.Message.of("engagement.notice.overdue.title", demandTitle),
                text);
        for (long admin : stationAdmins) {
            if (e.hasParty(admin)) {
                continue;
            }
            Notice.Message title = e.confidential()
                    ? Notice.Message.of("engagement.notice.overdue.confidential", Long.toString(e.id()))
                    : Notice.Message.of("engagement.notice.overdue.title", demandTitle);
            deliver(BrokerageNoticeKinds.OVERDUE, e, admin, key, title, text);
        }
    }

    private void deliver(Engagement e, long recipient, String event, Notice.Message title, Notice.Message text) {
        deliver(KIND, e, recipient, event, title, text);
    }

    private void deliver(
            String kind, Engagement e, long recipient, String event, Notice.Message title, Notice.Message text) {
        inbox.deliver(new Notice(
                recipient,
                kind,
                "engagement:" + e.id() + ":" + event,
                title,
                text,
                "/engagements/" + e.id(),
                clock.instant()));
    }

    private static Set<Long> parties(Engagement e, long actorId) {
        Set<Long> recipients = new LinkedHashSet<>();
        recipients.add(e.managerId());
        if (e.demandPartyId() != null) {
            recipients.add(e.demandPartyId());
        }
        if (e.counterpartPartyId() != null) {
            recipients.add(e.counterpartPartyId());
        }
        recipients.remove(actorId);
        return recipients;
    }
}
