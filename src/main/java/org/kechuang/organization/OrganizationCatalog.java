package org.kechuang.organization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, revises and finds organizations, with the station scope of the acting user as an explicit parameter. */
@Service
class OrganizationCatalog implements Organizations {

    static final int MAX_PAGE_SIZE = 100;

    private final OrganizationRepository organizations;
    private final StationRepository stations;
    private final ProfileRules rules;
    private final Regions regions;
    private final Clock clock;

    OrganizationCatalog(
            OrganizationRepository organizations, StationRepository stations, ProfileRules rules, Regions regions) {
        this.organizations = organizations;
        this.stations = stations;
        this.rules = rules;
        this.regions = regions;
        this.clock = Clock.systemUTC();
    }

    /** What a listing asks for; every filter is optional. */
    record Query(String type, String region, String q, Long stationId, int page, int size) {}

    @Transactional(readOnly = true)
    OrganizationRepository.Found search(Query query) {
        OrganizationType type = null;
        if (Text.cleanOrNull(query.type()) != null) {
            type = OrganizationType.parse(query.type())
                    .orElseThrow(() -> DomainException.invalid(
                            "type", "organization.type.unknown", ProfileRules.echo(query.type())));
        }
        String regionPrefix = null;
        if (Text.cleanOrNull(query.region()) != null) {
            String code = ProfileRules.echo(query.region());
            Region region = regions.find(code)
                    .orElseThrow(() -> DomainException.invalid("region", "organization.region.unknown", code));
            regionPrefix = prefixOf(region);
        }
        if (query.q() != null && query.q().length() > ProfileRules.NAME_MAX) {
            throw DomainException.invalid("q", "text.too-long", ProfileRules.NAME_MAX);
        }
        String nameKey = Text.key(query.q());
        int size = Math.clamp(query.size(), 1, MAX_PAGE_SIZE);
        int page = Math.max(query.page(), 0);
        return organizations.search(
                new OrganizationRepository.Criteria(
                        type, regionPrefix, nameKey == null || nameKey.isEmpty() ? null : nameKey, query.stationId()),
                page * size,
                size);
    }

    /** GB/T 2260 codes nest by prefix: 110000 (a province) covers 1101xx, 110101 only itself. */
    static String prefixOf(Region region) {
        return switch (region.level()) {
            case 1 -> region.code().substring(0, 2);
            case 2 -> region.code().substring(0, 4);
            default -> region.code();
        };
    }

    @Transactional(readOnly = true)
    Organization get(long id) {
        return organizations.find(id).orElseThrow(() -> DomainException.notFound("organization.not-found"));
    }

    /** The stations with a claim on the organization: its owner and the station it is the seat of. */
    @Transactional(readOnly = true)
    List<Station> curatorsOf(Organization organization) {
        List<Station> curators = new ArrayList<>();
        if (organization.stationId() != null) {
            stations.find(organization.stationId()).ifPresent(curators::add);
        }
        stations.findByOrganization(organization.id())
                .filter(seat -> !curators.contains(seat))
                .ifPresent(curators::add);
        return curators;
    }

    boolean mayEdit(CurrentUser user, Organization organization) {
        return CurationPolicy.mayEdit(user, curatorsOf(organization));
    }

    /**
     * The station a new organization of this user would belong to: the one asked for (which they must administer),
     * none for an operator who names none, and for a station admin of exactly one station that station.
     */
    @Transactional(readOnly = true)
    Optional<Station> owningStationFor(CurrentUser user, Long stationId) {
        CurationPolicy.requireSignedIn(user);
        if (stationId != null) {
            Station station = stations.find(stationId).orElseThrow(() -> DomainException.notFound("station.not-found"));
            CurationPolicy.requireActIn(user, station);
            return Optional.of(station);
        }
        if (user.isOperator()) {
            return Optional.empty();
        }
        if (user.administeredStations().isEmpty()) {
            throw DomainException.forbidden("organization.curators-only");
        }
        if (user.administeredStations().size() > 1) {
            throw DomainException.invalid("stationId", "organization.station.required");
        }
        return owningStationFor(user, user.administeredStations().iterator().next());
    }

    @Transactional
    Organization register(OrganizationDraft draft, Long stationId, CurrentUser user) {
        Optional<Station> owner = owningStationFor(user, stationId);
        OrganizationProfile profile = rules.validate(draft);
        ensureUnique(profile, null);
        return organizations.insert(Organization.register(
                profile, owner.map(Station::id).orElse(null), Provenance.ENTERED_BY_HAND, clock.instant()));
    }

    @Transactional
    Organization revise(long id, OrganizationDraft draft, CurrentUser user) {
        CurationPolicy.requireSignedIn(user);
        Organization organization = get(id);
        if (!mayEdit(user, organization)) {
            throw DomainException.forbidden("organization.not-yours");
        }
        OrganizationProfile profile = rules.validate(draft);
        ensureUnique(profile, id);
        if (organization.revise(profile, clock.instant())) {
            organizations.update(organization);
            return get(id);
        }
        return organization;
    }

    /** Refuses a name or credit code that another organization already holds, naming that organization. */
    void ensureUnique(OrganizationProfile profile, Long self) {
        organizations
                .findByNameKey(profile.nameKey())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw DomainException.conflict(
                            "name",
                            "organization.duplicate-name",
                            other.profile().name());
                });
        if (profile.creditCode() != null) {
            organizations
                    .findByCreditCode(profile.creditCode())
                    .filter(other -> !other.id().equals(self))
                    .ifPresent(other -> {
                        throw DomainException.conflict(
                                CreditCode.FIELD,
                                "organization.credit-code.duplicate",
                                other.profile().name());
                    });
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> find(long id) {
        return organizations.find(id).map(OrganizationCatalog::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return organizations.count();
    }

    @Override
    @Transactional
    public OrganizationSummary registerForPlatform(OrganizationDraft draft, Long stationId) {
        if (stationId != null && stations.find(stationId).isEmpty()) {
            throw DomainException.notFound("station.not-found");
        }
        OrganizationProfile profile = rules.validate(draft);
        ensureUnique(profile, null);
        return summary(organizations.insert(
                Organization.register(profile, stationId, Provenance.ENTERED_BY_HAND, clock.instant())));
    }

    static OrganizationSummary summary(Organization organization) {
        OrganizationProfile profile = organization.profile();
        return new OrganizationSummary(
                organization.id(), profile.name(), profile.type(), profile.regionCode(), organization.stationId());
    }
}
