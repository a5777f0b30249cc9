package org.kechuang.organization;

import java.util.Optional;

/** Resource connection stations as other modules see them. */
public interface Stations {

    Optional<StationSummary> find(long id);

    Optional<StationSummary> findByCode(String code);

    long count();

    /**
     * Opens a station for an organization on behalf of the platform itself (demo data, trusted system jobs); the same
     * rules as an operator's request apply: one station per organization, unique code.
     */
    StationSummary openForPlatform(long organizationId, String code, String name);

    record StationSummary(long id, long organizationId, String name, String code, boolean active) {}
}
