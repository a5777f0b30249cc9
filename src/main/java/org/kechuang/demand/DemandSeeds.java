package org.kechuang.demand;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kechuang.shared.PublicationStatus;

/**
 * Demands that a program writes in bulk (the demo data), each with the place in the lifecycle it has reached. The
 * same rules hold as for the form: every draft is checked like a typed one, every demand that has been submitted
 * (published, returned or archived) meets the content screen, and an open demand's deadline must lie ahead.
 */
public interface DemandSeeds {

    /**
     * Stores the seeds whose source id the station does not hold yet, in a few statements, with one history entry
     * each; seeds it already holds are left alone, so seeding twice changes nothing. A seed the content screen holds
     * waits for an operator as a submitted demand, whatever status it asked for.
     *
     * @param sourceSystem recorded as the demands' provenance, e.g. {@code demo}
     * @return how many demands were inserted
     * @throws DemandRejected when a draft breaks a rule (nothing is stored)
     */
    int seed(long stationId, String sourceSystem, List<Seed> seeds);

    /**
     * The ids of the records the station holds under these source ids, for records that link them (the demo's cases);
     * source ids it does not hold are left out.
     */
    Map<String, Long> idsBySource(long stationId, List<String> sourceIds);

    /**
     * @param status {@code DRAFT}, {@code PUBLISHED}, {@code RETURNED} or {@code ARCHIVED}; a submitted demand is
     *     one waiting for an operator, which only the content screen decides
     * @param returnReason required for {@code RETURNED}, refused otherwise
     * @param createdAt when the demand was posted (and last changed)
     */
    record Seed(String sourceId, DemandDraft draft, PublicationStatus status, String returnReason, Instant createdAt) {}
}
