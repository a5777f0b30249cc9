package org.kechuang.talent;

import java.util.Optional;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;

/** The expert library as other modules use it: the bulk import, links from cases and the home page's figures. */
public interface Experts {

    /**
     * Inserts or updates the expert profile that the station knows by {@code provenance.sourceId()}, validating the
     * draft exactly like the form ({@link ExpertRejected} lists every broken rule). Name and affiliation are enough. A
     * new profile is unclaimed, without consent, submitted at once and screened; a changed published one is screened
     * again. A profile its expert has claimed keeps the expert's own edits: the import leaves it unchanged.
     *
     * @param provenance station and source id are required; the batch is recorded
     */
    Upserted upsertFromImport(ExpertDraft draft, Provenance provenance);

    /** The expert's name and status, for records of other modules that link the expert; empty for an unknown id. */
    Optional<Summary> summary(long id);

    /** The expert as a counterpart of an engagement; empty for an unknown id. */
    Optional<Particulars> particulars(long id);

    /** Every expert profile, whatever its status. */
    long count();

    long countPublished();

    enum Change {
        INSERTED,
        UPDATED,
        UNCHANGED
    }

    record Upserted(long id, Change change) {}

    record Summary(long id, String name, String affiliation, PublicationStatus status) {}

    /**
     * The expert as a counterpart of an engagement.
     *
     * @param accountId the expert's own account once the profile is claimed, else null
     */
    record Particulars(long id, String name, PublicationStatus status, Long stationId, Long accountId) {}
}
