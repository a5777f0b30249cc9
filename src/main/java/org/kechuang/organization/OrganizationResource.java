package org.kechuang.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization as the API shows it. Contact details are present only for signed-in users (and omitted from the
 * JSON otherwise).
 */
record OrganizationResource(
        long id,
        String name,
        OrganizationType type,
        boolean sme,
        String creditCode,
        String regionCode,
        String regionName,
        String website,
        String description,
        String contactEmail,
        String contactPhone,
        DisciplineGroup disciplineGroup,
        Long stationId,
        Source source,
        Instant created,
        Instant updated) {

    record Source(String system, String id, UUID batch) {}

    static OrganizationResource of(Organization organization, String regionName, boolean showContacts) {
        OrganizationProfile profile = organization.profile();
        Provenance provenance = organization.provenance();
        return new OrganizationResource(
                organization.id(),
                profile.name(),
                profile.type(),
                profile.sme(),
                profile.creditCode() == null ? null : profile.creditCode().value(),
                profile.regionCode(),
                regionName,
                profile.website(),
                profile.description(),
                showContacts ? profile.contactEmail() : null,
                showContacts ? profile.contactPhone() : null,
                profile.disciplineGroup(),
                organization.stationId(),
                provenance.sourceSystem() == null
                        ? null
                        : new Source(provenance.sourceSystem(), provenance.sourceId(), provenance.importBatch()),
                organization.created(),
                organization.updated());
    }
}
