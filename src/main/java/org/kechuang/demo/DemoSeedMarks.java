package org.kechuang.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the demo seeded so far, per record kind ({@code demo_seed}). */
@Repository
class DemoSeedMarks {

    private final JdbcClient jdbc;

    DemoSeedMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Mark(String kind, long seed, int requested, int inserted, long tookMillis) {}

    Optional<Mark> find(String kind) {
        return jdbc.sql("select kind, seed, requested, inserted, took_ms from demo_seed where kind = ?")
                .param(kind)
                .query((row, n) -> new Mark(
                        row.getString("kind"),
                        row.getLong("seed"),
                        row.getInt("requested"),
                        row.getInt("inserted"),
                        row.getLong("took_ms")))
                .optional();
    }

    /** Records a finished seeding; a later one (a raised count) adds its insertions. */
    void record(String kind, long seed, int requested, int inserted, long tookMillis, Instant at) {
        jdbc.sql("""
                insert into demo_seed (kind, seed, requested, inserted, took_ms, seeded_at)
                values (:kind, :seed, :requested, :inserted, :took, :at)
                on conflict (kind) do update set seed = excluded.seed, requested = excluded.requested,
                  inserted = demo_seed.inserted + excluded.inserted, took_ms = excluded.took_ms,
                  seeded_at = excluded.seeded_at""")
                .param("kind", kind)
                .param("seed", seed)
                .param("requested", requested)
                .param("inserted", inserted)
                .param("took", tookMillis)
                .param("at", Timestamp.from(at))
                .update();
    }
}
