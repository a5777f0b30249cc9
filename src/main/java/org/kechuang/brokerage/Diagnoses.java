package org.kechuang.brokerage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kechuang.demand.Completeness;
import org.kechuang.demand.DemandPublished;
import org.kechuang.demand.Demands;
import org.kechuang.identity.CurrentUser;
import org.kechuang.inbox.Inbox;
import org.kechuang.inbox.Notice;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.PublicationStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diagnosis (诊断) of demands posted by members: a demand described too thinly to be matched well (completeness below
 * the threshold), or one whose author asks for help, is given to a technology manager chosen by {@link Triage}. The
 * manager sends it back with questions (the demand module returns it to its author) or marks the diagnosis done;
 * when the author publishes it again, it is open for the manager again.
 */
@Service
class Diagnoses {

    static final String NOTICE_KIND = "brokerage.diagnosis";

    enum Reason {
        INCOMPLETE,
        REQUESTED,
        OPERATOR
    }

    enum Status {
        OPEN,
        QUESTIONED,
        DONE
    }

    record Diagnosis(long demandId, long managerId, Reason reason, Status status, Instant assignedAt) {}

    private final JdbcClient jdbc;
    private final Demands demands;
    private final Triage triage;
    private final Inbox inbox;
    private final Clock clock;
    private final int threshold;

    Diagnoses(
            JdbcClient jdbc,
            Demands demands,
            Triage triage,
            Inbox inbox,
            Clock clock,
            @Value("${kechuang.brokerage.diagnosis-threshold:60}") int threshold) {
        this.jdbc = jdbc;
        this.demands = demands;
        this.triage = triage;
        this.inbox = inbox;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** A member's demand was published: an incomplete one goes to a manager; an answered one is open again. */
    @ApplicationModuleListener
    void on(DemandPublished published) {
        if (published.authorId() == null) {
            return;
        }
        Optional<Diagnosis> existing = find(published.demandId());
        if (existing.isPresent()) {
            if (existing.get().status() == Status.QUESTIONED) {
                setStatus(published.demandId(), Status.OPEN);
                notify(
                        existing.get().managerId(),
                        published.demandId(),
                        "answered:" + clock.instant().toEpochMilli());
            }
            return;
        }
        boolean incomplete = demands.completeness(published.demandId())
                .map(Completeness::score)
                .filter(score -> score < threshold)
                .isPresent();
        if (incomplete) {
            assign(published.demandId(), Reason.INCOMPLETE, null, null);
        }
    }

    /** The author asks for a manager's help, or an operator gives the demand to a manager (or to triage's choice). */
    @Transactional
    Diagnosis request(long demandId, Long managerId, CurrentUser user) {
        Demands.Particulars demand = demands.particulars(demandId)
                .orElseThrow(() -> DomainException.invalid("demandId", "engagement.demand.unknown", demandId));
        boolean author = demand.authorId() != null && demand.authorId() == user.id();
        if (!author && !user.isOperator()) {
            throw DomainException.forbidden("diagnosis.request.forbidden");
        }
        if (managerId != null && !user.isOperator()) {
            throw DomainException.forbidden("engagement.manager.forbidden");
        }
        if (demand.status() != PublicationStatus.PUBLISHED && demand.status() != PublicationStatus.SUBMITTED) {
            throw DomainException.conflict("demandId", "diagnosis.demand.not-open", demandId);
        }
        if (find(demandId).filter(d -> d.status() != Status.DONE).isPresent()) {
            throw DomainException.conflict("demandId", "diagnosis.exists", demandId);
        }
        Long chosen = managerId == null ? null : triage.requireManager(managerId);
        return assign(demandId, user.isOperator() && !author ? Reason.OPERATOR : Reason.REQUESTED, chosen, user.id());
    }

    /** The assigned manager sends the demand back to its author with questions; the author is told. */
    @Transactional
    Diagnosis question(long demandId, String questions, CurrentUser user) {
        Diagnosis diagnosis = assignedTo(demandId, user);
        demands.returnWithQuestions(demandId, diagnosis.managerId(), questions);
        setStatus(demandId, Status.QUESTIONED);
        demands.particulars(demandId)
                .filter(demand -> demand.authorId() != null)
                .ifPresent(demand -> {
                    Instant now = clock.instant();
                    inbox.deliver(new Notice(
                            demand.authorId(),
                            NOTICE_KIND,
                            "diagnosis:" + demandId + ":questions:" + now.toEpochMilli(),
                            Notice.Message.of("diagnosis.notice.questions.title", demand.title()),
                            Notice.Message.of("diagnosis.notice.questions.text"),
                            "/demands/" + demandId,
                            now));
                });
        return find(demandId).orElseThrow();
    }

    /** The assigned manager is done: the demand is described well enough to be matched and brokered. */
    @Transactional
    Diagnosis done(long demandId, CurrentUser user) {
        assignedTo(demandId, user);
        setStatus(demandId, Status.DONE);
        return find(demandId).orElseThrow();
    }

    /** The diagnoses of a manager (all of them for an operator asking without a manager), open ones first. */
    @Transactional(readOnly = true)
    List<Diagnosis> list(CurrentUser user, Long managerId) {
        Long manager = user.isOperator() ? managerId : Long.valueOf(user.id());
        return jdbc.sql("""
                select demand_id, manager_id, reason, status, assigned_at from demand_assignment
                where (cast(:manager as bigint) is null or manager_id = :manager)
                order by case status when 'OPEN' then 0 when 'QUESTIONED' then 1 else 2 end, assigned_at desc
                limit 500""")
                .param("manager", manager)
                .query(Diagnoses::diagnosis)
                .list();
    }

    Optional<Diagnosis> find(long demandId) {
        return jdbc.sql("""
                select demand_id, manager_id, reason, status, assigned_at from demand_assignment
                where demand_id = :demand""")
                .param("demand", demandId)
                .query(Diagnoses::diagnosis)
                .optional();
    }

    private static Diagnosis diagnosis(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Diagnosis(
                rs.getLong("demand_id"),
                rs.getLong("manager_id"),
                Reason.valueOf(rs.getString("reason")),
                Status.valueOf(rs.getString("status")),
                rs.getTimestamp("assigned_at").toInstant());
    }

    private Diagnosis assignedTo(long demandId, CurrentUser user) {
        Diagnosis diagnosis =
                find(demandId).orElseThrow(() -> DomainException.notFound("diagnosis.not-found", demandId));
        if (diagnosis.managerId() != user.id() && !user.isOperator()) {
            throw DomainException.forbidden("diagnosis.not-yours");
        }
        return diagnosis;
    }

    private Diagnosis assign(long demandId, Reason reason, Long managerId, Long assignedBy) {
        Demands.Particulars demand = demands.particulars(demandId).orElseThrow();
        long manager = managerId != null
                ? managerId
                : triage.managerFor(demand)
                        .orElseThrow(() -> DomainException.conflict("managerId", "engagement.manager.none"))
                        .accountId();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into demand_assignment (demand_id, manager_id, reason, assigned_at, assigned_by, status, updated_at)
                values (:demand, :manager, :reason, :now, :by, 'OPEN', :now)
                on conflict (demand_id) do update set manager_id = excluded.manager_id, reason = excluded.reason,
                    assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by, status = 'OPEN',
                    updated_at = excluded.updated_at""")
                .param("demand", demandId)
                .param("manager", manager)
                .param("reason", reason.name())
                .param("now", Timestamp.from(now))
                .param("by", assignedBy)
                .update();
        notify(manager, demandId, "assigned:" + now.toEpochMilli());
        if (demand.authorId() != null && !demand.authorId().equals(assignedBy)) {
            inbox.deliver(new Notice(
                    demand.authorId(),
                    NOTICE_KIND,
                    "diagnosis:" + demandId + ":author:" + now.toEpochMilli(),
                    Notice.Message.of("diagnosis.notice.author.title", demand.title()),
                    Notice.Message.of("diagnosis.notice.author.text"),
                    "/demands/" + demandId,
                    now));
        }
        return find(demandId).orElseThrow();
    }

    private void notify(long manager, long demandId, String event) {
        String title =
                demands.particulars(demandId).map(Demands.Particulars::title).orElse("#" + demandId);
        inbox.deliver(new Notice(
                manager,
                NOTICE_KIND,
                "diagnosis:" + demandId + ":" + event,
                Notice.Message.of("diagnosis.notice.manager.title", title),
                Notice.Message.of(
                        "diagnosis.notice.manager." + (event.startsWith("answered") ? "answered" : "assigned")),
                "/engagements/diagnoses",
                clock.instant()));
    }

    private void setStatus(long demandId, Status status) {
        jdbc.sql("update demand_assignment set status = :status, updated_at = :now where demand_id = :demand")
                .param("status", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("demand", demandId)
                .update();
    }
}
