package org.kechuang.achievement;

import java.util.Optional;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;

/** The achievement library as other modules use it: the bulk import and the home page's figures. */
public interface Achievements {

    /**
     * Inserts or updates the achievement that the station knows by {@code provenance.sourceId()}, validating the
     * draft exactly like the form ({@link AchievementRejected} lists every broken rule). Title and description are
     * enough. A new achievement is submitted at once and passes the content screen; a changed published one is
     * screened again.
     *
     * @param provenance station and source id are required; the batch is recorded
     */
    Upserted upsertFromImport(AchievementDraft draft, Provenance provenance);

    /**
     * The achievement's title and status, for records of other modules that link it (application cases); empty for an unknown
     * id.
     */
    Optional<Summary> summary(long id);

    /** The achievement as a counterpart of an engagement; empty for an unknown id. */
    Optional<Particulars> particulars(long id);

    /** Every achievement, whatever its status. */
    long count();

    long countPublished();

    enum Change {
        INSERTED,
        UPDATED,
        UNCHANGED
    }

    record Upserted(long id, Change change) {}

    record Summary(long id, String title, PublicationStatus status) {}

    /**
     * The achievement as a counterpart of an engagement.
     *
     * @param authorId the account that created it, null for an imported one
     * @param organizationId the owner organization, may be null
     */
    record Particulars(
            long id, String title, PublicationStatus status, Long stationId, Long authorId, Long organizationId) {}
}
