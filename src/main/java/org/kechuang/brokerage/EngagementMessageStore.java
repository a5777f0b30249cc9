package org.kechuang.brokerage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages and attachments of engagements in PostgreSQL. */
@Repository
class EngagementMessageStore {

    private final JdbcClient jdbc;

    EngagementMessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertMessage(long engagementId, long authorId, String text, Instant at) {
        return jdbc.sql("""
                insert into engagement_message (engagement_id, author_id, text, created_at)
                values (:engagement, :author, :text, :at) returning id""")
                .param("engagement", engagementId)
                .param("author", authorId)
                .param("text", text)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    long insertAttachment(
            long engagementId,
            long messageId,
            String fileName,
            AttachmentType type,
            long size,
            String sha256,
            String storageKey,
            long uploadedBy,
            Instant at) {
        return jdbc.sql("""
                insert into engagement_attachment (engagement_id, message_id, file_name, file_type, size_bytes,
                    sha256, storage_key, uploaded_by, created_at)
                values (:engagement, :message, :name, :type, :size, :sha, :key, :by, :at) returning id""")
                .param("engagement", engagementId)
                .param("message", messageId)
                .param("name", fileName)
                .param("type", type.name())
                .param("size", size)
                .param("sha", sha256)
                .param("key", storageKey)
                .param("by", uploadedBy)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** The engagement's messages with their attachments, oldest first. */
    List<EngagementMessage> thread(long engagementId) {
        Map<Long, List<Attachment>> attachments = new LinkedHashMap<>();
        jdbc.sql("select * from engagement_attachment where engagement_id = :engagement order by id")
                .param("engagement", engagementId)
                .query(EngagementMessageStore::attachment)
                .list()
                .forEach(a -> attachments
                        .computeIfAbsent(a.messageId(), id -> new ArrayList<>())
                        .add(a));
        return jdbc.sql("""
                select * from engagement_message where engagement_id = :engagement order by created_at, id""")
                .param("engagement", engagementId)
                .query((rs, row) -> new EngagementMessage(
                        rs.getLong("id"),
                        rs.getLong("engagement_id"),
                        rs.getLong("author_id"),
                        rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant(),
                        attachments.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    Optional<EngagementMessage> message(long messageId) {
        return jdbc.sql("select * from engagement_message where id = :id")
                .param("id", messageId)
                .query((rs, row) -> new EngagementMessage(
                        rs.getLong("id"),
                        rs.getLong("engagement_id"),
                        rs.getLong("author_id"),
                        rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant(),
                        attachmentsOf(rs.getLong("id"))))
                .optional();
    }

    /** The attachment, if it belongs to that engagement. */
    Optional<Attachment> attachment(long engagementId, long attachmentId) {
        return jdbc.sql("select * from engagement_attachment where id = :id and engagement_id = :engagement")
                .param("id", attachmentId)
                .param("engagement", engagementId)
                .query(EngagementMessageStore::attachment)
                .optional();
    }

    private List<Attachment> attachmentsOf(long messageId) {
        return jdbc.sql("select * from engagement_attachment where message_id = :message order by id")
                .param("message", messageId)
                .query(EngagementMessageStore::attachment)
                .list();
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        return new Attachment(
                rs.getLong("id"),
                rs.getLong("engagement_id"),
                rs.getLong("message_id"),
                rs.getString("file_name"),
                AttachmentType.valueOf(rs.getString("file_type")),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("storage_key"),
                rs.getLong("uploaded_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
