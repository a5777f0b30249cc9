package org.kechuang.caselib;

import org.kechuang.shared.Provenance;

/** The case library as other modules use it: the bulk import and the home page's figures. */
public interface Cases {

    /**
     * Inserts or updates the case that the station knows by {@code provenance.sourceId()}, validating the draft exactly
     * like the form ({@link CaseRejected} lists every broken rule). A new case is submitted at once and passes the
     * content screen; a changed published one is screened again.
     *
     * @param provenance station and source id are required; the batch is recorded
     */
    Upserted upsertFromImport(CaseDraft draft, Provenance provenance);

    /** Every case, whatever its status. */
    long count();

    long countPublished();

    enum Change {
        INSERTED,
        UPDATED,
        UNCHANGED
    }

    record Upserted(long id, Change change) {}
}
