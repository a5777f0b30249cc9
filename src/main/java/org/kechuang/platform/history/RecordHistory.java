package org.kechuang.platform.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kechuang.platform.database.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of library records: who changed what, when. Writes join the caller's transaction, so a change and its
 * history are stored together or not at all.
 *
 * <p>Every change keeps the fields' values before and after it, so a record's values at any time are its current values
 * with the later changes taken back. An {@code imported} entry (a record created by a station's import) therefore lists
 * no fields: the batch in the record's provenance says where they came from, and repeating a million records' text in
 * their history would double what an import writes (measured: a history row with the fields took five times as long to
 * store as one without).
 */
@Component
public class RecordHistory {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};
    /** Rows per {@code COPY} of a bulk write. */
    private static final int BULK_ROWS = 5000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CopyIn copy;

    RecordHistory(JdbcClient jdbc, JsonMapper json, CopyIn copy) {
        this.jdbc = jdbc;
        this.json = json;
        this.copy = copy;
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
        List<Change> changes = changes(before, after);
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

    /** One action on one record, for {@link #recordAll}; the same meaning as the arguments of {@link #record}. */
    public record Action(
            long recordId, Long actorId, String action, Map<String, String> before, Map<String, String> after) {}

    /**
     * Records many actions on records of one type with a few {@code COPY}s, for bulk imports; each action is stored as
     * {@link #record} stores it.
     */
    public void recordAll(String recordType, List<Action> actions) {
        for (int from = 0; from < actions.size(); from += BULK_ROWS) {
            CopyIn.Rows rows = new CopyIn.Rows();
            for (Action action : actions.subList(from, Math.min(actions.size(), from + BULK_ROWS))) {
                rows.text(recordType)
                        .number(action.recordId())
                        .number(action.actorId())
                        .text(action.action())
                        .text(json.writeValueAsString(changes(action.before(), action.after())))
                        .end();
            }
            copy.copy("record_history (record_type, record_id, actor_id, action, changes)", rows);
        }
    }

    private static List<Change> changes(Map<String, String> before, Map<String, String> after) {
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
        return changes;
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
