package org.kechuang.organization;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.StationAdministration;
import org.kechuang.identity.StationAdministration.StationAdmin;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens stations, changes their status and appoints their admins; all of it is the operators' business. */
@Service
class StationDirectory implements Stations {

    private final StationRepository stations;
    private final OrganizationRepository organizations;
    private final StationAdministration administration;
    private final Clock clock;

    StationDirectory(
            StationRepository stations, OrganizationRepository organizations, StationAdministration administration) {
        this.stations = stations;
        this.organizations = organizations;
        this.administration = administration;
        this.clock = Clock.systemUTC();
    }

    @Transactional(readOnly = true)
    Station get(long id) {
        return stations.find(id).orElseThrow(() -> DomainException.notFound("station.not-found"));
    }

    @Transactional(readOnly = true)
    List<Station> page(int page, int size) {
        int limit = Math.clamp(size, 1, OrganizationCatalog.MAX_PAGE_SIZE);
        return stations.page(Math.max(page, 0) * limit, limit);
    }

    @Transactional(readOnly = true)
    List<Station> all() {
        return stations.all();
    }

    @Transactional(readOnly = true)
    Optional<Station> seatOf(long organizationId) {
        return stations.findByOrganization(organizationId);
    }

    @Transactional
    Station open(long organizationId, String code, String name, CurrentUser user) {
        CurationPolicy.requireOperator(user);
        return openStation(organizationId, code, name);
    }

    private Station openStation(long organizationId, String code, String name) {
        Organization organization = organizations
                .find(organizationId)
                .orElseThrow(() -> DomainException.invalid("organizationId", "station.organization.unknown"));
        if (stations.findByOrganization(organizationId).isPresent()) {
            throw DomainException.conflict("organizationId", "station.organization-taken");
        }
        Station station = Station.open(organizationId, organization.profile().name(), name, code, clock.instant());
        if (stations.findByCode(station.code()).isPresent()) {
            throw DomainException.conflict("code", "station.code.taken", station.code());
        }
        return stations.insert(station);
    }

    @Transactional
    Station changeStatus(long stationId, boolean active, CurrentUser user) {
        CurationPolicy.requireOperator(user);
        Station station = get(stationId);
        if (active) {
            station.resume();
        } else {
            station.suspend();
        }
        stations.updateStatus(station);
        return get(stationId);
    }

    @Transactional
    StationAdmin appoint(long stationId, String username, CurrentUser user) {
        CurationPolicy.requireOperator(user);
        get(stationId);
        String name = Text.cleanOrNull(username);
        if (name == null) {
            throw DomainException.invalid("username", "station.admin.username-required");
        }
        return administration.appoint(stationId, name);
    }

    @Transactional
    void dismiss(long stationId, long userId, CurrentUser user) {
        CurationPolicy.requireOperator(user);
        get(stationId);
        administration.dismiss(stationId, userId);
    }

    List<StationAdmin> adminsOf(long stationId) {
        return administration.adminsOf(stationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StationSummary> find(long id) {
        return stations.find(id).map(StationDirectory::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StationSummary> findByCode(String code) {
        return stations.findByCode(code).map(StationDirectory::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return stations.count();
    }

    @Override
    @Transactional
    public StationSummary openForPlatform(long organizationId, String code, String name) {
        return summary(openStation(organizationId, code, name));
    }

    private static StationSummary summary(Station station) {
        return new StationSummary(
                station.id(), station.organizationId(), station.name(), station.code(), station.active());
    }
}
