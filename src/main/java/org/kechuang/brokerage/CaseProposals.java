package org.kechuang.brokerage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.kechuang.achievement.Achievements;
import org.kechuang.caselib.Cases;
import org.kechuang.demand.Demands;
import org.kechuang.organization.Organizations;
import org.kechuang.shared.Provenance;
import org.kechuang.talent.Experts;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An evaluated engagement proposes an application case (应用案例) to the case library, prefilled from its records
 * ({@link ProposedCase}); the case waits in the moderation queue until an operator approves it. One case per
 * engagement: the engagement's row in {@code engagement_case} is claimed first, in the same transaction, so a
 * redelivered event finds it claimed and proposes nothing.
 */
@Component
class CaseProposals {

    static final String SOURCE_SYSTEM = "brokerage";

    private final EngagementStore store;
    private final Demands demands;
    private final Achievements achievements;
    private final Experts experts;
    private final Organizations organizations;
    private final Cases cases;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseProposals(
            EngagementStore store,
            Demands demands,
            Achievements achievements,
            Experts experts,
            Organizations organizations,
            Cases cases,
            MessageSource messages,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.demands = demands;
        this.achievements = achievements;
        this.experts = experts;
        this.organizations = organizations;
        this.cases = cases;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EngagementMoved moved) {
        if (moved.to() == Stage.EVALUATED) {
            propose(moved.engagementId());
        }
    }

    /** Proposes the engagement's case unless it was proposed already; the new case's id, or null. */
    Long propose(long engagementId) {
        Engagement e = store.find(engagementId).orElseThrow();
        if (e.stage() != Stage.EVALUATED) {
            return null;
        }
        boolean claimed = jdbc.sql("""
                        insert into engagement_case (engagement_id, without_parties, proposed_at)
                        values (:id, :without, :now) on conflict do nothing""")
                        .param("id", engagementId)
                        .param("without", e.confidential())
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
        if (!claimed) {
            return null;
        }
        Demands.Particulars demand = demands.particulars(e.demandId()).orElseThrow();
        Demands.Statement statement = demands.statement(e.demandId()).orElseThrow();
        var draft = ProposedCase.of(e, demand, statement, supply(e), this::chinese);
        long caseId = cases.propose(
                draft,
                new Provenance(e.stationId(), SOURCE_SYSTEM, "engagement:" + e.id(), null),
                e.managerId(),
                chinese("outcome.case.why", new Object[] {Long.toString(e.id())}));
        jdbc.sql("update engagement_case set case_id = :case where engagement_id = :id")
                .param("case", caseId)
                .param("id", engagementId)
                .update();
        return caseId;
    }

    private ProposedCase.Supply supply(Engagement e) {
        long id = e.counterpartId();
        return switch (e.counterpartType()) {
            case ACHIEVEMENT ->
                achievements
                        .particulars(id)
                        .map(a -> new ProposedCase.Supply(a.title(), a.organizationId(), null))
                        .orElse(new ProposedCase.Supply("#" + id, null, null));
            case EXPERT ->
                experts.summary(id)
                        .map(x -> new ProposedCase.Supply(x.name(), null, x.affiliation()))
                        .orElse(new ProposedCase.Supply("#" + id, null, null));
            case ORGANIZATION ->
                organizations
                        .find(id)
                        .map(o -> new ProposedCase.Supply(o.name(), o.id(), null))
                        .orElse(new ProposedCase.Supply("#" + id, null, null));
        };
    }

    /** The case is written in the platform's language, Chinese; the operator may edit it before approving. */
    private String chinese(String key, Object[] args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
