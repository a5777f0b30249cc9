package org.kechuang.brokerage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Engagements in PostgreSQL; an update succeeds only on the version it was read at (optimistic locking). */
@Repository
class EngagementStore {

    private static final TypeReference<List<MeasuredResult>> RESULTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EngagementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(Engagement e) {
        return jdbc.sql("""
                insert into engagement (demand_id, counterpart_type, counterpart_id, manager_id, station_id,
                    demand_party_id, counterpart_party_id, confidential, stage, stage_entered_at, stage_due_at,
                    created_by, created_at, updated_at)
                values (:demand, :type, :counterpart, :manager, :station, :demandParty, :counterpartParty,
                    :confidential, :stage, :entered, :due, :createdBy, :created, :updated)
                returning id""")
                .param("demand", e.demandId())
                .param("type", e.counterpartType().name())
                .param("counterpart", e.counterpartId())
                .param("manager", e.managerId())
                .param("station", e.stationId())
                .param("demandParty", e.demandPartyId())
                .param("counterpartParty", e.counterpartPartyId())
                .param("confidential", e.confidential())
                .param("stage", e.stage().name())
                .param("entered", Timestamp.from(e.stageEnteredAt()))
                .param("due", e.stageDueAt() == null ? null : Timestamp.from(e.stageDueAt()))
                .param("createdBy", e.createdBy())
                .param("created", Timestamp.from(e.createdAt()))
                .param("updated", Timestamp.from(e.updatedAt()))
                .query(Long.class)
                .single();
    }

    /** Stores the changed engagement; false when its version moved on since it was read (nothing is written). */
    boolean update(Engagement e) {
        Contract contract = e.contract();
        return jdbc.sql("""
                update engagement set manager_id = :manager, stage = :stage, closed_from = :closedFrom,
                    close_reason = :reason, close_note = :note, contract_type = :contractType,
                    contract_value = :contractValue, contract_signed_on = :signedOn,
                    contract_registration = :registration, demand_rating = :demandRating,
                    demand_comment = :demandComment, counterpart_rating = :counterpartRating,
                    counterpart_comment = :counterpartComment, results = cast(:results as jsonb),
                    results_note = :resultsNote, stage_entered_at = :entered, stage_due_at = :due,
                    updated_at = :updated, version = version + 1
                where id = :id and version = :version""")
                        .param("manager", e.managerId())
                        .param("stage", e.stage().name())
                        .param(
                                "closedFrom",
                                e.closedFrom() == null ? null : e.closedFrom().name())
                        .param(
                                "reason",
                                e.closeReason() == null ? null : e.closeReason().name())
                        .param("note", e.closeNote())
                        .param(
                                "contractType",
                                contract == null ? null : contract.type().name())
                        .param("contractValue", contract == null ? null : contract.value())
                        .param("signedOn", contract == null ? null : contract.signedOn())
                        .param("registration", contract == null ? null : contract.registrationNumber())
                        .param(
                                "demandRating",
                                e.demandRating() == null
                                        ? null
                                        : e.demandRating().score())
                        .param(
                                "demandComment",
                                e.demandRating() == null
                                        ? null
                                        : e.demandRating().comment())
                        .param(
                                "counterpartRating",
                                e.counterpartRating() == null
                                        ? null
                                        : e.counterpartRating().score())
                        .param(
                                "counterpartComment",
                                e.counterpartRating() == null
                                        ? null
                                        : e.counterpartRating().comment())
                        .param("results", json.writeValueAsString(e.results()))
                        .param("resultsNote", e.resultsNote())
                        .param("entered", Timestamp.from(e.stageEnteredAt()))
                        .param("due", e.stageDueAt() == null ? null : Timestamp.from(e.stageDueAt()))
                        .param("updated", Timestamp.from(e.updatedAt()))
                        .param("id", e.id())
                        .param("version", e.version())
                        .update()
                == 1;
    }

    Optional<Engagement> find(long id) {
        return jdbc.sql("select * from engagement where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction, so that two writers of one engagement queue up. */
    Optional<Engagement> findForUpdate(long id) {
        return jdbc.sql("select * from engagement where id = :id for update")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<Engagement> ofDemand(long demandId) {
        return jdbc.sql("select * from engagement where demand_id = :demand order by id")
                .param("demand", demandId)
                .query(this::map)
                .list();
    }

    boolean openPairExists(long demandId, CounterpartType type, long counterpartId) {
        return jdbc.sql("""
                select exists (select 1 from engagement where demand_id = :demand and counterpart_type = :type
                    and counterpart_id = :counterpart and stage not in ('CLOSED', 'EVALUATED'))""")
                .param("demand", demandId)
                .param("type", type.name())
                .param("counterpart", counterpartId)
                .query(Boolean.class)
                .single();
    }

    /** A page of the engagements the account may see ({@link #VISIBLE}), overdue first, then the latest changed. */
    List<Engagement> visible(EngagementQuery query, long accountId, boolean all, List<Long> stations) {
        return visibleWhere(
                        "select * from engagement " + VISIBLE
                                + " order by (stage not in ('CLOSED', 'EVALUATED') and stage_due_at < :now) desc,"
                                + " updated_at desc, id desc limit :limit offset :offset",
                        query,
                        accountId,
                        all,
                        stations)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(this::map)
                .list();
    }

    long countVisible(EngagementQuery query, long accountId, boolean all, List<Long> stations) {
        return visibleWhere("select count(*) from engagement " + VISIBLE, query, accountId, all, stations)
                .query(Long.class)
                .single();
    }

    /**
     * The engagements a query may return: those where the account is a party or the manager, plus, for an operator
     * ({@code :all}) every one, for a station admin those of their stations; then the query's filters.
     */
    private static final String VISIBLE = """
            where (:all or manager_id = :account or demand_party_id = :account or counterpart_party_id = :account
                   or station_id = any(:stations))
              and (cast(:stage as text) is null or stage = :stage)
              and (cast(:demand as bigint) is null or demand_id = :demand)
              and (cast(:manager as bigint) is null or manager_id = :manager)
              and (not :overdue or (stage not in ('CLOSED', 'EVALUATED') and stage_due_at < :now))""";

    private JdbcClient.StatementSpec visibleWhere(
            String sql, EngagementQuery query, long accountId, boolean all, List<Long> stations) {
        return jdbc.sql(sql)
                .param("all", all)
                .param("account", accountId)
                .param("stations", stations.toArray(Long[]::new))
                .param("stage", query.stage() == null ? null : query.stage().name())
                .param("demand", query.demandId())
                .param("manager", query.managerId())
                .param("overdue", query.overdueOnly())
                .param("now", Timestamp.from(query.now()));
    }

    /** Open engagements past their stage's deadline whose overdue notice was not sent for this stage entry yet. */
    List<Engagement> overdueUnnoticed(Instant now, int limit) {
        return jdbc.sql("""
                select e.* from engagement e
                where e.stage not in ('CLOSED', 'EVALUATED') and e.stage_due_at < :now
                  and not exists (select 1 from engagement_overdue_notice n
                                  where n.engagement_id = e.id and n.stage_entered_at = e.stage_entered_at)
                order by e.stage_due_at limit :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Marks the overdue notice of this stage entry as sent; false when it was marked already. */
    boolean markOverdueNoticed(Engagement e, Instant now) {
        return jdbc.sql("""
                insert into engagement_overdue_notice (engagement_id, stage_entered_at, noticed_at)
                values (:id, :entered, :now) on conflict do nothing""")
                        .param("id", e.id())
                        .param("entered", Timestamp.from(e.stageEnteredAt()))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private Engagement map(ResultSet rs, int row) throws SQLException {
        String contractType = rs.getString("contract_type");
        Contract contract = contractType == null
                ? null
                : new Contract(
                        ContractType.valueOf(contractType),
                        rs.getBigDecimal("contract_value"),
                        rs.getObject("contract_signed_on", LocalDate.class),
                        rs.getString("contract_registration"));
        return new Engagement(
                rs.getLong("id"),
                rs.getLong("demand_id"),
                CounterpartType.valueOf(rs.getString("counterpart_type")),
                rs.getLong("counterpart_id"),
                rs.getLong("manager_id"),
                rs.getObject("station_id", Long.class),
                rs.getObject("demand_party_id", Long.class),
                rs.getObject("counterpart_party_id", Long.class),
                rs.getBoolean("confidential"),
                Stage.valueOf(rs.getString("stage")),
                stage(rs.getString("closed_from")),
                rs.getString("close_reason") == null ? null : CloseReason.valueOf(rs.getString("close_reason")),
                rs.getString("close_note"),
                contract,
                rating(rs, "demand_rating", "demand_comment"),
                rating(rs, "counterpart_rating", "counterpart_comment"),
                json.readValue(rs.getString("results"), RESULTS),
                rs.getString("results_note"),
                rs.getTimestamp("stage_entered_at").toInstant(),
                instant(rs.getTimestamp("stage_due_at")),
                rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static Stage stage(String name) {
        return name == null ? null : Stage.valueOf(name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Rating rating(ResultSet rs, String score, String comment) throws SQLException {
        Integer value = rs.getObject(score, Integer.class);
        return value == null ? null : new Rating(value, rs.getString(comment));
    }

    /**
     * The engagements of a funnel or a manager's figures: of the manager (null: every manager) in the stations (null:
     * every station).
     */
    List<Engagement> inScope(Long managerId, java.util.Collection<Long> stationIds) {
        return jdbc.sql("""
                select * from engagement
                where (cast(:manager as bigint) is null or manager_id = :manager)
                  and (:everyStation or station_id = any(:stations))
                order by id""")
                .param("manager", managerId)
                .param("everyStation", stationIds == null)
                .param("stations", stationIds == null ? new Long[0] : stationIds.toArray(Long[]::new))
                .query(this::map)
                .list();
    }
}
