package org.kechuang.brokerage;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.demand.Demands;
import org.kechuang.identity.StationAdministration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for open engagements past their stage's deadline and tells their manager and the demand's station admins, once
 * per stage entry: the mark and the notices are stored in one transaction, so a crash sends nothing twice and loses
 * nothing.
 */
@Component
class OverdueWatch {

    private static final int BATCH = 200;

    private final EngagementStore store;
    private final EngagementNotices notices;
    private final StationAdministration stations;
    private final Demands demands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverdueWatch(
            EngagementStore store,
            EngagementNotices notices,
            StationAdministration stations,
            Demands demands,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.notices = notices;
        this.stations = stations;
        this.demands = demands;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kechuang.brokerage.overdue-check:PT10M}",
            initialDelayString = "${kechuang.brokerage.overdue-check:PT10M}")
    void check() {
        noticeOverdue();
    }

    /** @return how many engagements were newly noticed as overdue */
    int noticeOverdue() {
        Instant now = clock.instant();
        int noticed = 0;
        for (Engagement e : store.overdueUnnoticed(now, BATCH)) {
            Boolean sent = transactions.execute(status -> {
                if (!store.markOverdueNoticed(e, now)) {
                    return false;
                }
                Set<Long> admins = e.stationId() == null
                        ? Set.of()
                        : stations.adminsOf(e.stationId()).stream()
                                .map(StationAdministration.StationAdmin::userId)
                                .collect(Collectors.toSet());
                String title = demands.particulars(e.demandId())
                        .map(Demands.Particulars::title)
                        .orElse("#" + e.demandId());
                notices.overdue(e, title, admins);
                return true;
            });
            if (Boolean.TRUE.equals(sent)) {
                noticed++;
            }
        }
        return noticed;
    }
}
