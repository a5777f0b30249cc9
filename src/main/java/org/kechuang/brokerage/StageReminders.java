package org.kechuang.brokerage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kechuang.demand.Demands;
import org.kechuang.inbox.Inbox;
import org.kechuang.inbox.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the manager, and the parties who must act in the current stage, that its deadline is near ({@code
 * kechuang.brokerage.reminder-before}, two days by default), once per stage entry: the mark and the notices are stored
 * in one transaction, as {@link OverdueWatch} does for the deadline passed. Only parties are reminded, so the notice
 * may name the demand even of a confidential engagement.
 */
@Component
class StageReminders {

    private static final int BATCH = 200;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final EngagementStore store;
    private final Inbox inbox;
    private final Demands demands;
    private final TransactionTemplate transactions;
    private final Duration before;
    private final Clock clock;

    StageReminders(
            JdbcClient jdbc,
            EngagementStore store,
            Inbox inbox,
            Demands demands,
            TransactionTemplate transactions,
            CollaborationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.inbox = inbox;
        this.demands = demands;
        this.transactions = transactions;
        this.before = properties.reminderBefore();
        this.clock = clock;
    }

    /**
     * Who must act for the engagement to leave the stage, besides the manager who runs it: the counterpart answers the
     * first contact and starts delivering the contract; both sides agree the contract and rate the outcome.
     */
    static Set<Engagement.Side> mustAct(Stage stage) {
        return switch (stage) {
            case CONTACTED, CONTRACTED -> EnumSet.of(Engagement.Side.COUNTERPART);
            case NEGOTIATING, DELIVERING -> EnumSet.of(Engagement.Side.DEMAND, Engagement.Side.COUNTERPART);
            case PROPOSED, EVALUATED, CLOSED -> EnumSet.noneOf(Engagement.Side.class);
        };
    }

    @Scheduled(
            fixedDelayString = "${kechuang.brokerage.overdue-check:PT10M}",
            initialDelayString = "${kechuang.brokerage.overdue-check:PT10M}")
    void check() {
        remindDueSoon();
    }

    /** @return how many engagements were newly reminded of */
    int remindDueSoon() {
        Instant now = clock.instant();
        int reminded = 0;
        for (long id : dueSoonUnreminded(now)) {
            Boolean sent = transactions.execute(status -> store.findForUpdate(id)
                    .filter(e -> dueSoon(e, now))
                    .filter(e -> mark(e, now))
                    .map(e -> {
                        remind(e);
                        return true;
                    })
                    .orElse(false));
            if (Boolean.TRUE.equals(sent)) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean dueSoon(Engagement e, Instant now) {
        return !e.stage().isFinal()
                && e.stageDueAt() != null
                && e.stageDueAt().isAfter(now)
                && !e.stageDueAt().isAfter(now.plus(before));
    }

    private List<Long> dueSoonUnreminded(Instant now) {
        return jdbc.sql("""
                select e.id from engagement e
                where e.stage not in ('CLOSED', 'EVALUATED') and e.stage_due_at > :now and e.stage_due_at <= :horizon
                  and not exists (select 1 from engagement_reminder_notice r
                                  where r.engagement_id = e.id and r.stage_entered_at = e.stage_entered_at)
                order by e.stage_due_at limit :limit""")
                .param("now", Timestamp.from(now))
                .param("horizon", Timestamp.from(now.plus(before)))
                .param("limit", BATCH)
                .query(Long.class)
                .list();
    }

    /** Marks this stage entry as reminded of; false when it was already. */
    private boolean mark(Engagement e, Instant now) {
        return jdbc.sql("""
                insert into engagement_reminder_notice (engagement_id, stage_entered_at, noticed_at)
                values (:id, :entered, :now) on conflict do nothing""")
                        .param("id", e.id())
                        .param("entered", Timestamp.from(e.stageEnteredAt()))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private void remind(Engagement e) {
        String title = demands.particulars(e.demandId())
                .map(Demands.Particulars::title)
                .orElse("#" + e.demandId());
        String due = DUE.format(e.stageDueAt().atZone(EngagementDesk.ZONE));
        String stage = e.stage().name().toLowerCase(Locale.ROOT);
        for (long recipient : recipients(e)) {
            inbox.deliver(new Notice(
                    recipient,
                    BrokerageNoticeKinds.REMINDER,
                    "engagement:" + e.id() + ":reminder:" + e.stageEnteredAt().toEpochMilli(),
                    Notice.Message.of("engagement-reminder.title", title),
                    Notice.Message.of("engagement-reminder.text." + stage, due),
                    "/engagements/" + e.id(),
                    clock.instant()));
        }
    }

    private static Set<Long> recipients(Engagement e) {
        Set<Long> recipients = new LinkedHashSet<>();
        recipients.add(e.managerId());
        Set<Engagement.Side> acting = mustAct(e.stage());
        if (acting.contains(Engagement.Side.DEMAND) && e.demandPartyId() != null) {
            recipients.add(e.demandPartyId());
        }
        if (acting.contains(Engagement.Side.COUNTERPART) && e.counterpartPartyId() != null) {
            recipients.add(e.counterpartPartyId());
        }
        return recipients;
    }
}
