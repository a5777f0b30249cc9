package org.kechuang.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The queue's table. Writes join the caller's transaction (a library's submit, an operator's decision). */
@Repository
class ModerationItemStore {

    private static final TypeReference<List<ModerationItem.SubmittedField>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<List<Match>> FINDINGS = new TypeReference<>() {};
    private static final String COLUMNS = "id, record_type, record_id, station_id, fields::text as fields,"
            + " findings::text as findings, status, held_at, decided_by, decided_at, reason";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ModerationItemStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a held submission, replacing the record's pending item if there is one; returns the item's id. */
    long holdPending(String recordType, long recordId, Long stationId, Map<String, String> fields, List<Match> found) {
        List<ModerationItem.SubmittedField> snapshot = fields.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getValue() != null)
                .map(entry -> new ModerationItem.SubmittedField(entry.getKey(), entry.getValue()))
                .toList();
        return jdbc.sql("""
                insert into moderation_item (record_type, record_id, station_id, fields, findings)
                values (:type, :record, :station, cast(:fields as jsonb), cast(:findings as jsonb))
                on conflict (record_type, record_id) where status = 'pending' do update
                set station_id = excluded.station_id, fields = excluded.fields, findings = excluded.findings,
                    held_at = now()
                returning id""")
                .param("type", recordType)
                .param("record", recordId)
                .param("station", stationId)
                .param("fields", json.writeValueAsString(snapshot))
                .param("findings", json.writeValueAsString(found))
                .query(Long.class)
                .single();
    }

    /** Removes the record's pending item: its text was screened again and is now clear. */
    void withdrawPending(String recordType, long recordId) {
        jdbc.sql("delete from moderation_item where record_type = :type and record_id = :record and status = 'pending'")
                .param("type", recordType)
                .param("record", recordId)
                .update();
    }

    Optional<ModerationItem> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from moderation_item where id = :id")
                .param("id", id)
                .query(this::item)
                .optional();
    }

    Optional<ModerationItem> pendingFor(String recordType, long recordId) {
        return jdbc.sql("select " + COLUMNS
                        + " from moderation_item where record_type = :type and record_id = :record"
                        + " and status = 'pending'")
                .param("type", recordType)
                .param("record", recordId)
                .query(this::item)
                .optional();
    }

    long count(ModerationItem.Status status) {
        return jdbc.sql("select count(*) from moderation_item where status = :status")
                .param("status", status.code())
                .query(Long.class)
                .single();
    }

    /** Pending items oldest first (first held, first decided); decided ones latest decision first. */
    List<ModerationItem> page(ModerationItem.Status status, long offset, int limit) {
        String order = status == ModerationItem.Status.PENDING ? "held_at, id" : "decided_at desc, id desc";
        return jdbc.sql("select " + COLUMNS + " from moderation_item where status = :status order by " + order
                        + " offset :offset limit :limit")
                .param("status", status.code())
                .param("offset", offset)
                .param("limit", limit)
                .query(this::item)
                .list();
    }

    /** Stores a decision; false when another operator decided the item first. */
    boolean decide(ModerationItem decided) {
        return jdbc.sql("""
                update moderation_item set status = :status, decided_by = :by, decided_at = :at, reason = :reason
                where id = :id and status = 'pending'""")
                        .param("status", decided.status().code())
                        .param("by", decided.decidedBy())
                        .param("at", Timestamp.from(decided.decidedAt()))
                        .param("reason", decided.reason())
                        .param("id", decided.id())
                        .update()
                == 1;
    }

    private ModerationItem item(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new ModerationItem(
                rs.getLong("id"),
                rs.getString("record_type"),
                rs.getLong("record_id"),
                (Long) rs.getObject("station_id"),
                json.readValue(rs.getString("fields"), FIELDS),
                json.readValue(rs.getString("findings"), FINDINGS),
                ModerationItem.Status.ofCode(rs.getString("status")),
                rs.getTimestamp("held_at").toInstant(),
                (Long) rs.getObject("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("reason"));
    }
}
