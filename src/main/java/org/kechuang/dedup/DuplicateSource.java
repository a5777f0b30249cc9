package org.kechuang.dedup;

import java.util.List;
import org.kechuang.shared.Provenance;

/**
 * A library whose records may be supplied twice, contributed as a bean by the module that owns the records. It finds
 * its candidate groups with its own queries and carries out a merge on its records; the dedup module lists the
 * groups, remembers dismissed ones and keeps the provenances of merged records.
 */
public interface DuplicateSource {

    /**
     * A PostgreSQL regular expression for what keys are compared without: blanks and punctuation, Chinese and Latin
     * ({@code regexp_replace(title_key, :noise, '', 'g')} on a {@code Text.key} column).
     */
    String KEY_NOISE = "[[:space:][:punct:]，。、；：？！“”‘’（）【】《》〈〉「」『』—…·]+";

    /** The library's name in the API and on pages: {@code achievement}, {@code demand}, {@code expert}. */
    String library();

    /**
     * Every group of live records (not archived, not merged) that share a duplicate key, the records of a group in
     * id order. A record may appear in several groups (two patents, or a patent and a title).
     */
    List<DuplicateGroup> candidates();

    /** The records as the operator compares them; unknown ids are left out. */
    List<DuplicateRecord> describe(List<Long> ids);

    /**
     * Merges {@code mergedId} into {@code keptId}: the merged record is archived and points to the kept one, both
     * histories say so. Runs in the caller's transaction.
     *
     * @return the merged record's own provenance, which the kept record carries from now on
     * @throws org.kechuang.platform.web.DomainException when a record does not exist, is the same, is archived or has
     *     been merged already
     */
    Provenance merge(long keptId, long mergedId, Long actorId);

    /** The record's own provenance; empty when there is no such record. */
    java.util.Optional<Provenance> provenance(long id);
}
