package org.kechuang.caselib;

import org.kechuang.shared.Provenance;

/**
 * The case library as other modules use it: the bulk import, the home page's figures and the cases brokerage proposes
 * from evaluated engagements.
 */
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

    /**
     * A case the platform writes on someone's behalf (brokerage: from an evaluated engagement), validated exactly like
     * the form ({@link CaseRejected} lists every broken rule). It is stored as submitted and waits in the moderation
     * queue for an operator's approval whatever the content screen finds: released, it is published; rejected, it goes
     * back to {@code proposedBy} with the reason, who may edit and submit it again. Keeping to one case per source is
     * the caller's part.
     *
     * @param provenance the station (may be null), the source system and the source id, e.g. {@code brokerage} and
     *     {@code engagement:12}
     * @param proposedBy the account the case is written for: its author
     * @param why what the operator reads in the queue about where the case comes from
     * @return the new case's id
     */
    long propose(CaseDraft draft, Provenance provenance, long proposedBy, String why);
}
