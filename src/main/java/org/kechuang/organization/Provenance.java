package org.kechuang.organization;

import java.util.UUID;

/**
 * Where a record came from: the source system and its id there (the identity an import matches on), and the import
 * batch that last wrote it. Records entered by hand have none.
 */
record Provenance(String sourceSystem, String sourceId, UUID importBatch) {

    static final Provenance ENTERED_BY_HAND = new Provenance(null, null, null);

    boolean identified() {
        return sourceSystem != null && sourceId != null;
    }
}
