package org.kechuang.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kechuang.platform.web.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the deals on proposed pairs ended (won or lost), as the brokerage of issue 6 reports them through {@link
 * Matching#recordOutcome}; the latest outcome of a pair counts. Matching knows no brokerage module: it only keeps the
 * pairs by id.
 */
@Service
class MatchOutcomes {

    static final int MAX_REASON = 100;

    /** An outcome of one pair. */
    record Recorded(long demandId, String targetType, long targetId, Matching.Outcome outcome, String reasonCode) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    MatchOutcomes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void record(long demandId, String targetType, long targetId, Matching.Outcome outcome, String reasonCode) {
        if (targetType == null || !Matching.DEMAND_TARGETS.contains(targetType)) {
            throw DomainException.invalid("targetType", "matching.target.unknown", targetType);
        }
        if (outcome == null) {
            throw DomainException.invalid("outcome", "matching.outcome.required");
        }
        String reason = reasonCode == null || reasonCode.isBlank() ? null : reasonCode.strip();
        if (reason != null && reason.length() > MAX_REASON) {
            throw DomainException.invalid("reasonCode", "matching.outcome.reason", MAX_REASON);
        }
        jdbc.sql("""
                        insert into match_outcome (demand_id, target_type, target_id, outcome, reason_code, recorded_at)
                        values (:demand, :type, :target, :outcome, :reason, :at)
                        on conflict (demand_id, target_type, target_id) do update
                        set outcome = excluded.outcome, reason_code = excluded.reason_code,
                            recorded_at = excluded.recorded_at""")
                .param("demand", demandId)
                .param("type", targetType)
                .param("target", targetId)
                .param("outcome", outcome.name())
                .param("reason", reason)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** The outcomes of the record's own pairs, keyed by the other side. */
    Map<Matching.FeedbackKey, Recorded> of(String type, long id) {
        Map<Matching.FeedbackKey, Recorded> outcomes = new HashMap<>();
        String where = type.equals("demand") ? "demand_id = :id" : "target_type = :type and target_id = :id";
        JdbcClient.StatementSpec query = jdbc.sql(
                        "select demand_id, target_type, target_id, outcome, reason_code from match_outcome where "
                                + where)
                .param("id", id);
        if (!type.equals("demand")) {
            query = query.param("type", type);
        }
        query.query(row -> {
            Recorded recorded = recorded(row);
            outcomes.put(
                    type.equals("demand")
                            ? new Matching.FeedbackKey(recorded.targetType(), recorded.targetId())
                            : new Matching.FeedbackKey("demand", recorded.demandId()),
                    recorded);
        });
        return outcomes;
    }

    /** The won pairs of these demands with a counterpart of the type. */
    List<Recorded> wonOn(Collection<Long> demandIds, String targetType) {
        if (demandIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select demand_id, target_type, target_id, outcome, reason_code from match_outcome"
                        + " where demand_id in (:demands) and target_type = :type and outcome = 'WON'"
                        + " order by recorded_at desc")
                .param("demands", new ArrayList<>(demandIds))
                .param("type", targetType)
                .query((row, n) -> recorded(row))
                .list();
    }

    /** The demands the counterpart won on, latest first, at most {@code limit}. */
    List<Long> wonBy(String targetType, long targetId, int limit) {
        return jdbc.sql("select demand_id from match_outcome where target_type = :type and target_id = :id"
                        + " and outcome = 'WON' order by recorded_at desc limit :limit")
                .param("type", targetType)
                .param("id", targetId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** How many deals the counterpart won. */
    Map<Long, Integer> wonCounts(String targetType, Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        if (ids.isEmpty() || targetType.equals("demand")) {
            return counts;
        }
        jdbc.sql("select target_id, count(*) as won from match_outcome where target_type = :type"
                        + " and target_id in (:ids) and outcome = 'WON' group by target_id")
                .param("type", targetType)
                .param("ids", new ArrayList<>(ids))
                .query(row -> {
                    counts.put(row.getLong("target_id"), row.getInt("won"));
                });
        return counts;
    }

    private static Recorded recorded(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Recorded(
                row.getLong("demand_id"),
                row.getString("target_type"),
                row.getLong("target_id"),
                Matching.Outcome.valueOf(row.getString("outcome")),
                row.getString("reason_code"));
    }
}
