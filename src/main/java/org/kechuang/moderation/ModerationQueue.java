package org.kechuang.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What libraries may ask the moderation queue, e.g. to show "awaiting moderation" on a held record. */
public interface ModerationQueue {

    /** The record's submission waiting for an operator, if the screen held it and no operator has decided yet. */
    Optional<PendingReview> pendingFor(String recordType, long recordId);

    /**
     * @param itemId the queue item, as in {@code /api/v1/moderation/items/{id}}
     * @param heldAt when the screen held the submission (its latest screening)
     * @param findings why it was held
     */
    record PendingReview(long itemId, Instant heldAt, List<ContentScreen.Finding> findings) {

        public PendingReview {
            findings = List.copyOf(findings);
        }
    }
}
