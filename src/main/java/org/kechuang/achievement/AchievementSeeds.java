package org.kechuang.achievement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kechuang.shared.PublicationStatus;

/**
 * Achievements that a program writes in bulk (the demo data), each with the place in the lifecycle it has reached.
 * The same rules hold as for the form: every draft is checked like a typed one and every achievement that has been
 * submitted (published, returned or archived) meets the content screen.
 */
public interface AchievementSeeds {

    /**
     * Stores the seeds whose source id the station does not hold yet, in a few statements, with one history entry
     * each; seeds it already holds are left alone, so seeding twice changes nothing. A seed the content screen holds
     * waits for an operator as a submitted achievement, whatever status it asked for.
     *
     * @param sourceSystem recorded as the achievements' provenance, e.g. {@code demo}
     * @return how many achievements were inserted
     * @throws AchievementRejected when a draft breaks a rule (nothing is stored)
     */
    int seed(long stationId, String sourceSystem, List<Seed> seeds);

    /**
     * The ids of the records the station holds under these source ids, for records that link them (the demo's cases);
     * source ids it does not hold are left out.
     */
    Map<String, Long> idsBySource(long stationId, List<String> sourceIds);

    /**
     * @param status {@code DRAFT}, {@code PUBLISHED}, {@code RETURNED} or {@code ARCHIVED}
     * @param returnReason required for {@code RETURNED}, refused otherwise
     * @param createdAt when the achievement was entered (and last changed)
     */
    record Seed(
            String sourceId,
            AchievementDraft draft,
            PublicationStatus status,
            String returnReason,
            Instant createdAt) {}
}
