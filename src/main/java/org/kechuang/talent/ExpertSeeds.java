package org.kechuang.talent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kechuang.shared.PublicationStatus;

/**
 * Expert profiles that a program writes in bulk for a station (the demo data), each with the place in the lifecycle
 * it has reached. The same rules hold as for the form: every draft is checked like a typed one and every profile that
 * has been submitted (published, returned or archived) meets the content screen. Seeded profiles are unclaimed, like
 * imported ones; a consent the expert gave the station in writing may come with them.
 */
public interface ExpertSeeds {

    /**
     * Stores the seeds whose source id the station does not hold yet, in a few statements, with one history entry
     * each; seeds it already holds are left alone, so seeding twice changes nothing. A seed the content screen holds
     * waits for an operator as a submitted profile, whatever status it asked for.
     *
     * @param sourceSystem recorded as the profiles' provenance, e.g. {@code demo}
     * @return how many profiles were inserted
     * @throws ExpertRejected when a draft breaks a rule (nothing is stored)
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
     * @param createdAt when the profile was entered (and last changed)
     * @param consent a consent given in writing, or {@code null} for none (the contact stays with the station)
     */
    record Seed(
            String sourceId,
            ExpertDraft draft,
            PublicationStatus status,
            String returnReason,
            Instant createdAt,
            WrittenConsent consent) {}

    /**
     * A consent the expert gave in writing, as a curator of the station records it on the profile's page.
     *
     * @param contact whether it also covers the contact details (for entitled users), not only the public profile
     * @param recordedBy the curator who recorded it: an operator or an admin of the station
     */
    record WrittenConsent(boolean contact, long recordedBy, Instant at) {}
}
