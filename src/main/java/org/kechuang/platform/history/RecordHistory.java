package org.kechuang.platform.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of library records: who changed what, when. Writes join the caller's transaction, so a change and its
 * history are stored together or not at all.
 */
@Component
public class RecordHistory {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecordHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records an action on a record with the fields that differ between {@code before} and {@code after} (field name →
     * value as shown to people; {@code before} is empty for a creation).
     *
     * @param actorId the account that acted, {@code null} for the platform itself (imports, scheduled jobs)
     * @param action what happened: {@code created}, {@code edited}, {@code submitted}, {@code published}, …
     */
    public void record(
            String recordType,
            long recordId,
            Long actorId,
            String action,
            Map<String, String> before,
            Map<String, String> after) {
        List<Change> changes = new ArrayList<>();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new Change(field, before.get(field), after.get(field)));
            }
        }
        for (String field : before.keySet()) {
            if (!after.containsKey(field)) {
                changes.add(new Change(field, before.get(field), null));
            }
        }
        jdbc.sql("""
                insert into record_history (record_type, record_id, actor_id, action, changes)
                values (:type, :id, :actor, :action, cast(:changes as jsonb))""")
                .param("type", recordType)
                .param("id", recordId)
                .param("actor", actorId)
                .param("action", action)
                .param("changes", json.writeValueAsString(changes))
                .update();
    }

    /** The history of one record, oldest first. */
    public List<Entry> of(String recordType, long recordId) {
        return jdbc.sql("""
                select actor_id, action, changed_at, changes::text as changes from record_history
                where record_type = :type and record_id = :id order by changed_at, id""")
                .param("type", recordType)
                .param("id", recordId)
                .query((rs, row) -> new Entry(
                        (Long) rs.getObject("actor_id"),
                        rs.getString("action"),
                        rs.getTimestamp("changed_at").toInstant(),
                        json.readValue(rs.getString("changes"), CHANGES)))
                .list();
    }

    public record Change(String field, String before, String after) {}

    public record Entry(Long actorId, String action, Instant at, List<Change> changes) {}
}
