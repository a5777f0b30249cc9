package org.kechuang.organization;

import java.util.UUID;

/**
 * Where a record came from: the source system and its id there (the identity an import matches on), and the import
 * that last wrote it: a batch of this module's own CSV import ({@code importBatch}) or of the bulk import pipeline
 * ({@code importBatchId}). Records entered by hand have none.
 */
record Provenance(String sourceSystem, String sourceId, UUID importBatch, Long importBatchId) {

    static final Provenance ENTERED_BY_HAND = new Provenance(null, null, null, null);

    Provenance(String sourceSystem, String sourceId, UUID importBatch) {
        this(sourceSystem, sourceId, importBatch, null);
    }

    boolean identified() {
        return sourceSystem != null && sourceId != null;
    }
}
