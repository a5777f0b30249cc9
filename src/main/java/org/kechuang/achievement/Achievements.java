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
}
