package org.kechuang.demand;

import org.kechuang.shared.Provenance;

/** The demand library as other modules use it: the bulk import and the home page's figures. */
public interface Demands {

    /**
     * Inserts or updates the demand that the station knows by {@code provenance.sourceId()}, validating the draft
     * exactly like the form ({@link DemandRejected} lists every broken rule; a deadline in the past is refused). A new
     * demand is submitted at once and passes the content screen; a changed published one is screened again.
     *
     * @param provenance station and source id are required; the batch is recorded
     */
    Upserted upsertFromImport(DemandDraft draft, Provenance provenance);

    /** Every demand, whatever its status. */
    long count();

    long countPublished();

    enum Change {
        INSERTED,
        UPDATED,
        UNCHANGED
    }

    record Upserted(long id, Change change) {}
}
