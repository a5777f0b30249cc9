package org.kechuang.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * An organization (机构) on the platform. Its profile only changes through {@link #revise} and {@link #absorb}, each
 * with a checked {@link OrganizationProfile}; the owning station never changes once set.
 */
class Organization {

    private final Long id;
    private OrganizationProfile profile;
    private final Long stationId;
    private Provenance provenance;
    private final Instant created;
    private Instant updated;
    private final int version;

    Organization(
            Long id,
            OrganizationProfile profile,
            Long stationId,
            Provenance provenance,
            Instant created,
            Instant updated,
            int version) {
        this.id = id;
        this.profile = Objects.requireNonNull(profile);
        this.stationId = stationId;
        this.provenance = Objects.requireNonNull(provenance);
        this.created = Objects.requireNonNull(created);
        this.updated = Objects.requireNonNull(updated);
        this.version = version;
    }

    /** A new organization, owned by the station that enters it, or by nobody when an operator does. */
    static Organization register(OrganizationProfile profile, Long stationId, Provenance provenance, Instant now) {
        return new Organization(null, profile, stationId, provenance, now, now, 0);
    }

    /** Replaces the profile; false (and nothing changes) when it is the same profile. */
    boolean revise(OrganizationProfile revised, Instant now) {
        if (profile.equals(revised)) {
            return false;
        }
        profile = revised;
        updated = now;
        return true;
    }

    /**
     * Takes the profile an import states. A record met again through its credit code or name learns its source
     * identity if it had none; one it already has is kept, because other files still match on it.
     */
    boolean absorb(OrganizationProfile imported, Provenance source, Instant now) {
        boolean learnsSource = !provenance.identified() && source.identified();
        if (profile.equals(imported) && !learnsSource) {
            return false;
        }
        profile = imported;
        provenance = learnsSource
                ? source
                : new Provenance(
                        provenance.sourceSystem(), provenance.sourceId(), source.importBatch(), source.importBatchId());
        updated = now;
        return true;
    }

    boolean ownedBy(long station) {
        return stationId != null && stationId == station;
    }

    Long id() {
        return id;
    }

    OrganizationProfile profile() {
        return profile;
    }

    Long stationId() {
        return stationId;
    }

    Provenance provenance() {
        return provenance;
    }

    Instant created() {
        return created;
    }

    Instant updated() {
        return updated;
    }

    int version() {
        return version;
    }
}
