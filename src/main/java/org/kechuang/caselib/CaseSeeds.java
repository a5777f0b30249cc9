package org.kechuang.caselib;

import java.time.Instant;
import java.util.List;
import org.kechuang.shared.PublicationStatus;

/**
 * Application cases that a program writes in bulk for a station (the demo data), each with the place in the lifecycle
 * it has reached. The same rules hold as for the form: every draft is checked like a typed one (its links to demands,
 * achievements and experts included) and every case that has been submitted (published, returned or archived) meets
 * the content screen.
 */
public interface CaseSeeds {

    /**
     * Stores the seeds whose source id the station does not hold yet, in a few statements, with one history entry
     * each; seeds it already holds are left alone, so seeding twice changes nothing. A seed the content screen holds
     * waits for an operator as a submitted case, whatever status it asked for.
     *
     * @param sourceSystem recorded as the cases' provenance, e.g. {@code demo}
     * @return how many cases were inserted
     * @throws CaseRejected when a draft breaks a rule (nothing is stored)
     */
    int seed(long stationId, String sourceSystem, List<Seed> seeds);

    /**
     * @param status {@code DRAFT}, {@code PUBLISHED}, {@code RETURNED} or {@code ARCHIVED}
     * @param returnReason required for {@code RETURNED}, refused otherwise
     * @param createdAt when the case was entered (and last changed)
     */
    record Seed(String sourceId, CaseDraft draft, PublicationStatus status, String returnReason, Instant createdAt) {}
}
