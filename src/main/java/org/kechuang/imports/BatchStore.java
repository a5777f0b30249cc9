package org.kechuang.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Batches, their staged chunks and their row errors in PostgreSQL. */
@Repository
class BatchStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Object>> ARGS = new TypeReference<>() {};
    /**
     * A batch's columns, its figures being its own (rows refused while staging) plus its applied chunks'; to be read
     * {@code from} {@link #BATCHES}.
     */
    private static final String COLUMNS = """
            b.id, b.station_id, b.type, b.file_name, b.format, b.status, b.total, b.accepted + c.accepted as accepted,
            b.rejected + c.rejected as rejected, b.inserted + c.inserted as inserted, b.updated + c.updated as updated,
            b.unchanged + c.unchanged as unchanged, b.failure_reason, b.created_by, b.created_at, b.started_at,
            b.finished_at""";

    private static final String BATCHES = """
            import_batch b cross join lateral (
              select coalesce(sum(accepted), 0) as accepted, coalesce(sum(rejected), 0) as rejected,
                     coalesce(sum(inserted), 0) as inserted, coalesce(sum(updated), 0) as updated,
                     coalesce(sum(unchanged), 0) as unchanged
              from import_chunk where batch_id = b.id) c""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    BatchStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /** A row error as stored and listed. */
    record RowError(int row, String sourceId, String field, String key, List<Object> args) {}

    /** A chunk taken by a worker, locked until its transaction ends. */
    record Claimed(long batchId, int chunkNo, int rowCount, byte[] rows) {}

    /**
     * A new batch, queued. {@code staging}: its chunks are committed as they are read, and the batch is not complete
     * before {@link #staged} says its file was read to the end.
     */
    long create(
            long stationId,
            String type,
            String fileName,
            FileFormat format,
            Long createdBy,
            Instant now,
            boolean staging) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into import_batch (station_id, type, file_name, format, status, created_by, created_at,
                          staging)
                        values (?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(stationId, type, fileName, format.name(), createdBy, Timestamp.from(now), staging)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Creates a batch to be staged in parts and takes its staging lock, on a connection of its own that holds the lock
     * until {@link StagingLock#close}: the lock is taken before the batch is committed, so no worker ever sees the new
     * batch without it.
     */
    StagingLock createStaging(
            long stationId, String type, String fileName, FileFormat format, Long createdBy, Instant now) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into import_batch (station_id, type, file_name, format, status, created_by, created_at,
                      staging)
                    values (?, ?, ?, ?, 'QUEUED', ?, ?, true)
                    returning id""")) {
                insert.setLong(1, stationId);
                insert.setString(2, type);
                insert.setString(3, fileName);
                insert.setString(4, format.name());
                insert.setObject(5, createdBy);
                insert.setTimestamp(6, Timestamp.from(now));
                try (ResultSet key = insert.executeQuery()) {
                    key.next();
                    id = key.getLong(1);
                }
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, STAGING_LOCK_CLASS);
                lock.setInt(2, stagingKey(id));
                lock.execute();
            }
            connection.commit();
            connection.setAutoCommit(true);
            return new StagingLock(connection, id);
        } catch (SQLException failed) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    failed.addSuppressed(ignored);
                }
            }
            throw new IllegalStateException("could not create an import batch", failed);
        }
    }

    /** The staging lock of a batch, held by its connection; closing releases both. */
    static final class StagingLock implements AutoCloseable {
        private final Connection connection;
        private final long batchId;

        private StagingLock(Connection connection, long batchId) {
            this.connection = connection;
            this.batchId = batchId;
        }

        long batchId() {
            return batchId;
        }

        @Override
        public void close() {
            try (Connection held = connection;
                    PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, STAGING_LOCK_CLASS);
                unlock.setInt(2, stagingKey(batchId));
                unlock.execute();
            } catch (SQLException failed) {
                // a connection that fails here is closed: the server releases its session's locks with it
                throw new IllegalStateException("could not release the staging lock of batch " + batchId, failed);
            }
        }
    }

    /** The current transaction commits without waiting for its write-ahead log to reach the disk. */
    void relaxCommit() {
        jdbc.sql("set local synchronous_commit to off").update();
    }

    /** A batch refused before any of its chunks was stored: nothing of it stays (its errors go with it). */
    void delete(long batchId) {
        jdbc.sql("delete from import_batch where id = ?").param(batchId).update();
    }

    /** The figures of a batch still being staged: rows read so far, those refused on reading. */
    void staging(long batchId, int total, int rejected) {
        jdbc.sql("update import_batch set total = ?, rejected = ? where id = ?")
                .params(total, rejected, batchId)
                .update();
    }

    /** The advisory lock (two-key form: this class id, the batch's key) a staging process holds while it reads. */
    static final int STAGING_LOCK_CLASS = 70;

    /**
     * The second key of a batch's staging lock: its id modulo 2³¹ − 1, so that it fits an {@code integer} and is the
     * same here and in {@link #failAbandonedStaging}'s SQL ({@code cast(id % 2147483647 as integer)}) for every id (a
     * plain cast would wrap here and fail there beyond 2³¹ − 1 batches). Two batches sharing a key 2³¹ − 1 ids apart
     * are never staged at once in practice, and if they were, one would only wait to be failed.
     */
    static int stagingKey(long batchId) {
        return (int) Math.floorMod(batchId, 2_147_483_647L);
    }

    /**
     * Fails the batches still marked as staging whose staging process is gone (it died while reading the file: nobody
     * holds the batch's staging lock). Their chunks already applied stay applied; the rest is not applied.
     */
    int failAbandonedStaging(Instant now) {
        return jdbc.sql("""
                        update import_batch b set status = 'FAILED',
                          failure_reason = 'imports.batch.staging-interrupted', finished_at = :now
                        where b.id in (
                          select id from import_batch
                          where staging and status in ('QUEUED', 'RUNNING')
                            and pg_try_advisory_xact_lock(:lock, cast(id % 2147483647 as integer)))""")
                .param("now", Timestamp.from(now))
                .param("lock", STAGING_LOCK_CLASS)
                .update();
    }

    void insertChunk(long batchId, int chunkNo, int firstRow, int lastRow, int rowCount, byte[] rows) {
        jdbc.sql("""
                        insert into import_chunk (batch_id, chunk_no, first_row, last_row, row_count, rows)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(batchId, chunkNo, firstRow, lastRow, rowCount, rows)
                .update();
    }

    void insertErrors(long batchId, Collection<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(errors.size());
        for (RowError error : errors) {
            rows.add(new Object[] {
                batchId,
                error.row(),
                error.sourceId(),
                error.field(),
                error.key(),
                JSON.writeValueAsString(error.args())
            });
        }
        template.batchUpdate(
                "insert into import_error (batch_id, row_no, source_id, field, key, args) values (?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** The staging is over: the rows counted, those refused on reading counted, an empty batch done at once. */
    void staged(long batchId, int total, int rejected, boolean anyChunk, Instant now) {
        jdbc.sql("""
                        update import_batch set total = ?, rejected = ?, staging = false,
                          status = case when cast(? as boolean) then status else 'COMPLETED' end,
                          finished_at = case when cast(? as boolean) then null else cast(? as timestamptz) end
                        where id = ?""")
                .params(total, rejected, anyChunk, anyChunk, Timestamp.from(now), batchId)
                .update();
    }

    /**
     * Takes the next chunk to apply, oldest batch first, skipping chunks other workers hold; the lock lasts until the
     * caller's transaction ends, so a worker that dies leaves the chunk to the next one.
     */
    Optional<Claimed> claim() {
        return jdbc.sql("""
                        select c.batch_id, c.chunk_no, c.row_count, c.rows from import_chunk c
                        join import_batch b on b.id = c.batch_id
                        where c.applied_at is null and b.status in ('QUEUED', 'RUNNING')
                        order by c.batch_id, c.chunk_no
                        limit 1
                        for update of c skip locked""")
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBytes(4)))
                .optional();
    }

    /** Like {@link #claim()}, limited to one batch. */
    Optional<Claimed> claim(long batchId) {
        return jdbc.sql("""
                        select c.batch_id, c.chunk_no, c.row_count, c.rows from import_chunk c
                        join import_batch b on b.id = c.batch_id
                        where c.batch_id = ? and c.applied_at is null and b.status in ('QUEUED', 'RUNNING')
                        order by c.chunk_no
                        limit 1
                        for update of c skip locked""")
                .param(batchId)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBytes(4)))
                .optional();
    }

    void start(long batchId, Instant now) {
        jdbc.sql("update import_batch set status = 'RUNNING', started_at = ? where id = ? and status = 'QUEUED'")
                .params(Timestamp.from(now), batchId)
                .update();
    }

    /**
     * Marks the chunk applied with its figures. Concurrent workers do not wait for each other here: the batch is
     * completed by {@link #completeIfDone} once the chunk's transaction has committed.
     */
    void applied(long batchId, int chunkNo, Counts counts, Instant now) {
        jdbc.sql("""
                        update import_chunk set applied_at = ?, rows = null, accepted = ?, rejected = ?, inserted = ?,
                          updated = ?, unchanged = ?
                        where batch_id = ? and chunk_no = ?""")
                .params(
                        Timestamp.from(now),
                        counts.inserted() + counts.updated() + counts.unchanged(),
                        counts.rejected(),
                        counts.inserted(),
                        counts.updated(),
                        counts.unchanged(),
                        batchId,
                        chunkNo)
                .update();
    }

    /**
     * Completes the running batches (or the one given) that have no chunk left to apply. Called after a chunk's
     * commit, it sees every other committed chunk, so of two workers finishing the last chunks together at least the
     * later one completes the batch; called by idle workers, it also completes a batch whose last worker died between
     * its commit and this call.
     */
    int completeIfDone(Long batchId, Instant now) {
        return jdbc.sql("""
                        update import_batch b set status = 'COMPLETED', finished_at = :now
                        where b.status = 'RUNNING' and not b.staging
                          and (cast(:batch as bigint) is null or b.id = :batch)
                          and not exists (select 1 from import_chunk c where c.batch_id = b.id and c.applied_at is null)""")
                .param("now", Timestamp.from(now))
                .param("batch", batchId)
                .update();
    }

    /** What one chunk did. */
    record Counts(int inserted, int updated, int unchanged, int rejected) {}

    void fail(long batchId, String reason, Instant now) {
        jdbc.sql("""
                        update import_batch set status = 'FAILED', failure_reason = ?, finished_at = ?
                        where id = ? and status in ('QUEUED', 'RUNNING')""").params(reason, Timestamp.from(now), batchId).update();
    }

    Optional<ImportBatch> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from " + BATCHES + " where b.id = ?")
                .param(id)
                .query(BatchStore::batch)
                .optional();
    }

    /** The newest batches, of the given stations or, with {@code null}, of all. */
    List<ImportBatch> recent(Collection<Long> stations, int limit) {
        if (stations == null) {
            return jdbc.sql("select " + COLUMNS + " from " + BATCHES + " order by b.id desc limit ?")
                    .param(limit)
                    .query(BatchStore::batch)
                    .list();
        }
        if (stations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from " + BATCHES
                        + " where b.station_id in (:stations) order by b.id desc" + " limit :limit")
                .param("stations", new ArrayList<>(stations))
                .param("limit", limit)
                .query(BatchStore::batch)
                .list();
    }

    List<RowError> errors(long batchId, int offset, int limit) {
        return jdbc.sql("""
                        select row_no, source_id, field, key, args from import_error where batch_id = ?
                        order by row_no, ctid offset ? limit ?""")
                .params(batchId, offset, limit)
                .query((rs, n) -> new RowError(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        JSON.readValue(rs.getString(5), ARGS)))
                .list();
    }

    int errorCount(long batchId) {
        return jdbc.sql("select count(*) from import_error where batch_id = ?")
                .param(batchId)
                .query(Integer.class)
                .single();
    }

    private static ImportBatch batch(ResultSet rs, int n) throws SQLException {
        return new ImportBatch(
                rs.getLong("id"),
                rs.getLong("station_id"),
                rs.getString("type"),
                rs.getString("file_name"),
                FileFormat.valueOf(rs.getString("format")),
                BatchStatus.valueOf(rs.getString("status")),
                rs.getInt("total"),
                rs.getInt("accepted"),
                rs.getInt("rejected"),
                rs.getInt("inserted"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getString("failure_reason"),
                rs.getObject("created_by", Long.class),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
