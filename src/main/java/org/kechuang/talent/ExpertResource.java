package org.kechuang.talent;

import java.time.Instant;
import java.util.List;
import org.kechuang.shared.PublicationStatus;

/**
 * An expert profile as the API and the pages show it. {@code contact} only for those entitled to it
 * ({@link ExpertAccess#maySeeContact}); {@code consent}, {@code returnReason} and {@code held} only for those who see
 * every status (the expert, the author, the station's admins, operators).
 *
 * @param claimed whether an expert account keeps the profile (an imported profile is unclaimed until its expert claims
 *     it)
 * @param contactShared whether the expert consented to showing their contact details to entitled users
 */
record ExpertResource(
        long id,
        String name,
        String affiliation,
        String title,
        List<String> disciplineCodes,
        List<String> researchFields,
        List<String> keywords,
        String regionCode,
        String regionName,
        List<Society> societies,
        boolean youngTalent,
        boolean overseas,
        Availability availability,
        String introduction,
        Contact contact,
        boolean claimed,
        boolean contactShared,
        ConsentShown consent,
        Long stationId,
        String stationName,
        PublicationStatus status,
        String returnReason,
        Boolean held,
        Source source,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    record Society(long id, String name) {}

    record Contact(String phone, String email) {}

    /** Who recorded the consent, on what basis, when. */
    record ConsentShown(Consent.Scope scope, Consent.Basis basis, long recordedBy, Instant at) {}

    record Source(String system, String id, Long batch) {}
}
