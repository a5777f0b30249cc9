package org.kechuang.dedup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists candidate duplicates of every library, merges them and keeps the merged records' provenances. */
@Service
class DuplicateDesk {

    private final Map<String, DuplicateSource> sources;
    private final JdbcClient jdbc;
    private final Clock clock;

    DuplicateDesk(List<DuplicateSource> sources, JdbcClient jdbc, Clock clock) {
        this.sources = sources.stream()
                .collect(Collectors.toMap(
                        DuplicateSource::library, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A candidate group as listed: its stable key, the library and the group. */
    record Candidate(String key, String library, DuplicateGroup group) {

        public String reason() {
            return group.reason();
        }
    }

    /** A candidate group with its records described, for one page of the list. */
    record Described(Candidate candidate, List<DuplicateRecord> records) {}

    /** One provenance a record carries: its own ({@code mergedRecordId} null) or one taken over by a merge. */
    record CarriedProvenance(Provenance provenance, Long mergedRecordId, Long mergedBy, Instant mergedAt) {}

    Set<String> libraries() {
        return sources.keySet();
    }

    static String keyOf(String reason, List<Long> ids) {
        return reason + ":" + ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Every candidate group not dismissed, of one library or (library {@code null}) of all, in a stable order. */
    @Transactional(readOnly = true)
    List<Candidate> candidates(String library) {
        List<Candidate> found = new ArrayList<>();
        for (DuplicateSource source : library == null ? sources.values() : List.of(source(library))) {
            Set<String> dismissed = Set.copyOf(jdbc.sql("select group_key from duplicate_dismissal where library = ?")
                    .param(source.library())
                    .query(String.class)
                    .list());
            for (DuplicateGroup group : source.candidates()) {
                String key = keyOf(group.reason(), group.recordIds());
                if (!dismissed.contains(key)) {
                    found.add(new Candidate(key, source.library(), group));
                }
            }
        }
        return found;
    }

    /** The records of the given groups, described by their libraries. */
    @Transactional(readOnly = true)
    List<Described> describe(List<Candidate> candidates) {
        List<Described> described = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            DuplicateSource source = source(candidate.library());
            described.add(
                    new Described(candidate, source.describe(candidate.group().recordIds())));
        }
        return described;
    }

    /**
     * Merges records into the one kept, in one transaction: each merged record is archived by its library, its own
     * provenance and those it had taken over move to the kept record.
     */
    @Transactional
    List<CarriedProvenance> merge(String library, long keptId, List<Long> mergedIds, Long actorId) {
        DuplicateSource source = source(library);
        Set<Long> merged = new LinkedHashSet<>(mergedIds == null ? List.of() : mergedIds);
        if (merged.isEmpty()) {
            throw DomainException.invalid("mergedIds", "dedup.merge.nothing");
        }
        if (merged.contains(keptId)) {
            throw DomainException.invalid("mergedIds", "dedup.merge.kept-in-merged", keptId);
        }
        Instant now = clock.instant();
        for (long mergedId : merged) {
            Provenance provenance = source.merge(keptId, mergedId, actorId);
            jdbc.sql("update merged_provenance set record_id = :kept where library = :library and record_id = :merged")
                    .param("kept", keptId)
                    .param("library", library)
                    .param("merged", mergedId)
                    .update();
            jdbc.sql("""
                    insert into merged_provenance (library, record_id, merged_record_id, station_id, source_system,
                                                   source_id, import_batch_id, merged_by, merged_at)
                    values (:library, :kept, :merged, :station, :system, :source, :batch, :actor, :at)""")
                    .param("library", library)
                    .param("kept", keptId)
                    .param("merged", mergedId)
                    .param("station", provenance.stationId())
                    .param("system", provenance.sourceSystem())
                    .param("source", provenance.sourceId())
                    .param("batch", provenance.importBatchId())
                    .param("actor", actorId)
                    .param("at", java.sql.Timestamp.from(now))
                    .update();
        }
        return provenances(library, keptId);
    }

    /** Declares a group not to be duplicates: it is no longer listed, unless another record joins it. */
    @Transactional
    void dismiss(String library, String reason, List<Long> recordIds, Long actorId) {
        DuplicateSource source = source(library);
        List<Long> ids =
                recordIds == null ? List.of() : recordIds.stream().distinct().toList();
        if (ids.size() < 2) {
            throw DomainException.invalid("recordIds", "dedup.dismiss.too-few");
        }
        String key = keyOf(reason, ids);
        boolean listed = source.candidates().stream()
                .anyMatch(group -> keyOf(group.reason(), group.recordIds()).equals(key));
        if (!listed) {
            throw DomainException.notFound("dedup.group.not-found", key);
        }
        jdbc.sql("""
                insert into duplicate_dismissal (library, group_key, dismissed_by, dismissed_at)
                values (?, ?, ?, ?) on conflict do nothing""")
                .param(library)
                .param(key)
                .param(actorId)
                .param(java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** Every provenance the record carries: its own first, then those taken over by merges, oldest first. */
    @Transactional(readOnly = true)
    List<CarriedProvenance> provenances(String library, long id) {
        DuplicateSource source = source(library);
        Provenance own = source.provenance(id)
                .orElseThrow(() -> DomainException.notFound("dedup.record.not-found", library, id));
        List<CarriedProvenance> all = new ArrayList<>();
        all.add(new CarriedProvenance(own, null, null, null));
        all.addAll(jdbc.sql("""
                        select station_id, source_system, source_id, import_batch_id, merged_record_id, merged_by,
                               merged_at
                        from merged_provenance where library = ? and record_id = ? order by id""")
                .param(library)
                .param(id)
                .query((row, n) -> new CarriedProvenance(
                        new Provenance(
                                (Long) row.getObject("station_id", Long.class),
                                row.getString("source_system"),
                                row.getString("source_id"),
                                (Long) row.getObject("import_batch_id", Long.class)),
                        row.getLong("merged_record_id"),
                        (Long) row.getObject("merged_by", Long.class),
                        row.getTimestamp("merged_at").toInstant()))
                .list());
        return all;
    }

    private DuplicateSource source(String library) {
        DuplicateSource source = library == null ? null : sources.get(library);
        if (source == null) {
            throw DomainException.invalid(
                    "library", "dedup.library.unknown", library, String.join(", ", sources.keySet()));
        }
        return source;
    }
}
