package org.kechuang.brokerage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kechuang.demand.Demands;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Turns engagements into what their reader may see of them. */
@Component
class EngagementViews {

    private final Demands demands;
    private final Counterparts counterparts;
    private final Accounts accounts;
    private final Clock clock;

    EngagementViews(Demands demands, Counterparts counterparts, Accounts accounts, Clock clock) {
        this.demands = demands;
        this.counterparts = counterparts;
        this.accounts = accounts;
        this.clock = clock;
    }

    EngagementView of(Engagement e, CurrentUser reader) {
        boolean parties = EngagementAccess.seesParties(reader, e);
        EngagementView.Linked demand = parties
                ? new EngagementView.Linked(
                        e.demandId(),
                        demands.particulars(e.demandId())
                                .map(Demands.Particulars::title)
                                .orElse("#" + e.demandId()),
                        "/demands/" + e.demandId())
                : null;
        EngagementView.Counterpart counterpart = parties
                ? new EngagementView.Counterpart(
                        e.counterpartType().code(),
                        e.counterpartId(),
                        counterparts
                                .find(e.counterpartType(), e.counterpartId())
                                .map(Counterparts.Counterpart::name)
                                .orElse("#" + e.counterpartId()),
                        e.counterpartType().link(e.counterpartId()))
                : null;
        EngagementView.Person manager = new EngagementView.Person(
                e.managerId(),
                accounts.findById(e.managerId()).map(Account::displayName).orElse("#" + e.managerId()));
        List<Stage> next = new ArrayList<>();
        if (EngagementDesk.mayRun(reader, e)) {
            e.stage().next().ifPresent(next::add);
            if (!e.stage().isFinal()) {
                next.add(Stage.CLOSED);
            }
        }
        List<String> mayRate = new ArrayList<>();
        if (e.stage() == Stage.DELIVERING) {
            if (mayRateSide(reader, e, e.demandPartyId())) {
                mayRate.add("demand");
            }
            if (mayRateSide(reader, e, e.counterpartPartyId())) {
                mayRate.add("counterpart");
            }
        }
        return new EngagementView(
                e.id(),
                e.version(),
                e.stage(),
                e.confidential(),
                e.overdueAt(clock.instant()),
                e.stageEnteredAt(),
                e.stageDueAt(),
                demand,
                counterpart,
                manager,
                parties ? e.contract() : null,
                e.demandRating(),
                e.counterpartRating(),
                e.results(),
                e.resultsNote(),
                e.closedFrom(),
                e.closeReason(),
                parties ? e.closeNote() : null,
                next,
                mayRate,
                e.createdAt(),
                e.updatedAt());
    }

    private static boolean mayRateSide(CurrentUser reader, Engagement e, Long party) {
        return party != null ? party == reader.id() : EngagementDesk.mayRun(reader, e);
    }
}
