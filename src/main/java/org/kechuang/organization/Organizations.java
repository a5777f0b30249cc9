package org.kechuang.organization;

import java.util.Optional;

/** Organizations as other modules see them, by id. */
public interface Organizations {

    Optional<OrganizationSummary> find(long id);

    long count();

    /**
     * Registers an organization on behalf of the platform itself (demo data, trusted system jobs): the profile rules
     * and duplicate checks apply, the access rules of a signed-in user do not.
     *
     * @param stationId the owning station, or {@code null}
     */
    OrganizationSummary registerForPlatform(OrganizationDraft draft, Long stationId);

    record OrganizationSummary(long id, String name, OrganizationType type, String regionCode, Long stationId) {}
}
