package org.kechuang.demand;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;

/**
 * The demand library as other modules use it: the bulk import, the home page's figures, linked records, and brokerage
 * (particulars, completeness, returning a demand with questions).
 */
public interface Demands {

    /**
     * Inserts or updates the demand that the station knows by {@code provenance.sourceId()}, validating the draft
     * exactly like the form ({@link DemandRejected} lists every broken rule; a deadline in the past is refused). A new
     * demand is submitted at once and passes the content screen; a changed published one is screened again.
     *
     * @param provenance station and source id are required; the batch is recorded
     */
    Upserted upsertFromImport(DemandDraft draft, Provenance provenance);

    /**
     * The demand's title and status, for records of other modules that link it (application cases); empty for an unknown
     * id.
     */
    Optional<Summary> summary(long id);

    /**
     * What brokerage needs to know of a demand to run an engagement on it: its author and station (the demand's side
     * of the engagement), its industry-chain node and region (to choose a technology manager) and whether it is
     * confidential; empty for an unknown id.
     */
    Optional<Particulars> particulars(long id);

    /**
     * How completely the demand is described (score 0–100 and suggestions, most valuable first), as the demand's page
     * shows it to its author, curators and technology managers; empty for an unknown id. Callers decide who may see it.
     */
    Optional<Completeness> completeness(long demandId);

    /**
     * Sends a submitted or published demand back to its author with a technology manager's questions (diagnosis): it
     * becomes RETURNED with the questions as its return reason, recorded in its history with the manager as actor
     * (action {@code questioned}); the author sees the questions on the demand's page and in the list, edits and submits
     * it again. The caller (brokerage) has checked that the manager is the one assigned to the demand.
     *
     * @param questions plain text, at most 2,000 characters
     * @throws org.kechuang.platform.web.DomainException {@code demand.not-found} (404); {@code
     *     demand.questions.managers-only} (403) when the account is not a technology manager; {@code
     *     demand.questions.required}, {@code text.too-long}, {@code text.markup} (400, field {@code questions});
     *     {@code demand.questions.not-open} (409) when the demand is not submitted or published, or is held by the
     *     content screen
     */
    void returnWithQuestions(long demandId, long managerAccountId, String questions);

    /** Every demand, whatever its status. */
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
     * @param authorId the account that created the demand, null for an imported one
     * @param organizationId the owning organization, may be null
     */
    record Particulars(
            long id,
            String title,
            PublicationStatus status,
            Long stationId,
            Long authorId,
            Long organizationId,
            String chainNodeCode,
            String regionCode,
            boolean confidential) {}

    /**
     * How many demands are published in the stations and the industry chain: the first step of brokerage's funnel.
     *
     * @param stationIds null for every station
     * @param chain a chain code (all its nodes) or a node code; null for every chain
     */
    long countPublished(Collection<Long> stationIds, String chain);

    /** A page of the demands {@link #countPublished(Collection, String)} counts, the latest first. */
    List<Particulars> published(Collection<Long> stationIds, String chain, int offset, int limit);

    /** The particulars of many demands at once, in no particular order; unknown ids are left out. */
    List<Particulars> particulars(Collection<Long> ids);

    /**
     * The demand's problem as its author stated it, for an application case proposed from an engagement on it; empty
     * for an unknown id.
     */
    Optional<Statement> statement(long id);

    /**
     * @param technicalProblems may be null
     * @param industryCode GB/T 4754 code, may be null
     */
    record Statement(long id, String title, String background, String technicalProblems, String industryCode) {}
}
