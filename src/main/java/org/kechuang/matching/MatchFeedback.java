package org.kechuang.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.DomainException;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.Searcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accept / decline of a proposed pair, by the demand's owner or a technology manager (or an operator); the latest
 * decision on a pair counts. A declined pair sinks in later rankings on both sides and says why.
 */
@Service
class MatchFeedback {

    enum Verdict {
        ACCEPTED,
        DECLINED
    }

    enum DeclineReason {
        NOT_RELEVANT,
        TOO_EARLY,
        BENEFIT_UNCLEAR,
        ALREADY_KNOWN,
        OTHER
    }

    record Decision(Verdict verdict, DeclineReason reason, Instant decidedAt) {

        boolean declined() {
            return verdict == Verdict.DECLINED;
        }
    }

    record Request(String targetType, Long targetId, String verdict, String reason, String note) {}

    private final JdbcClient jdbc;
    private final MatchingIndex index;
    private final Clock clock;

    MatchFeedback(JdbcClient jdbc, MatchingIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.index = index;
        this.clock = clock;
    }

    @Transactional
    Decision decide(long demandId, Request request, CurrentUser user) {
        Searcher searcher = Searcher.of(user);
        SearchDocument demand = index.document("demand", demandId)
                .filter(document -> searcher.maySee(document.access()))
                .orElseThrow(() -> DomainException.notFound("matching.record.unknown", "demand", demandId));
        if (!mayDecide(demand, user)) {
            throw DomainException.forbidden("matching.feedback.forbidden");
        }
        if (request.targetType() == null || !Matching.DEMAND_TARGETS.contains(request.targetType())) {
            throw DomainException.invalid("targetType", "matching.target.unknown", request.targetType());
        }
        if (request.targetId() == null
                || index.document(request.targetType(), request.targetId())
                        .filter(target -> searcher.maySee(target.access()))
                        .isEmpty()) {
            throw DomainException.invalid("targetId", "matching.feedback.target");
        }
        Verdict verdict = parse(Verdict.class, request.verdict(), "verdict");
        DeclineReason reason = verdict == Verdict.DECLINED
                ? parse(DeclineReason.class, request.reason() == null ? "" : request.reason(), "reason")
                : null;
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("note", "matching.feedback.note");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into match_feedback (demand_id, target_type, target_id, verdict, reason, note, decided_by,
                                                    decided_at)
                        values (:demand, :type, :target, :verdict, :reason, :note, :by, :at)
                        on conflict (demand_id, target_type, target_id) do update
                        set verdict = excluded.verdict, reason = excluded.reason, note = excluded.note,
                            decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
                .param("demand", demandId)
                .param("type", request.targetType())
                .param("target", request.targetId())
                .param("verdict", verdict.name())
                .param("reason", reason == null ? null : reason.name())
                .param("note", note)
                .param("by", user.id())
                .param("at", java.sql.Timestamp.from(now))
                .update();
        return new Decision(verdict, reason, now);
    }

    /** Whether the user may accept or decline the demand's proposals: its owner, a manager or an operator. */
    static boolean mayDecide(SearchDocument demand, CurrentUser user) {
        return user != null
                && (demand.access().owners().contains(user.id()) || user.has(Role.MANAGER) || user.isOperator());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "matching.feedback." + field, value);
        }
    }

    /** The decisions on the record's pairs, keyed by the other side. */
    Map<Matching.FeedbackKey, Decision> decisionsFor(String type, long id) {
        Map<Matching.FeedbackKey, Decision> decisions = new HashMap<>();
        if (type.equals("demand")) {
            jdbc.sql("select target_type, target_id, verdict, reason, decided_at from match_feedback"
                            + " where demand_id = :id")
                    .param("id", id)
                    .query(row -> {
                        decisions.put(
                                new Matching.FeedbackKey(row.getString("target_type"), row.getLong("target_id")),
                                decision(row));
                    });
        } else {
            jdbc.sql("select demand_id, verdict, reason, decided_at from match_feedback"
                            + " where target_type = :type and target_id = :id")
                    .param("type", type)
                    .param("id", id)
                    .query(row -> {
                        decisions.put(new Matching.FeedbackKey("demand", row.getLong("demand_id")), decision(row));
                    });
        }
        return decisions;
    }

    private static Decision decision(java.sql.ResultSet row) throws java.sql.SQLException {
        String reason = row.getString("reason");
        return new Decision(
                Verdict.valueOf(row.getString("verdict")),
                reason == null ? null : DeclineReason.valueOf(reason),
                row.getTimestamp("decided_at").toInstant());
    }
}
