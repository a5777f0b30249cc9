package org.kechuang.organization;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.StationAdministration.StationAdmin;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stations over HTTP: public to read, opened and staffed by operators. */
@RestController
@RequestMapping("/api/v1/stations")
class StationApi {

    private final StationDirectory directory;
    private final OrganizationCatalog catalog;

    StationApi(StationDirectory directory, OrganizationCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    record StationResource(
            long id,
            String code,
            String name,
            Station.Status status,
            long organizationId,
            String organizationName,
            Instant created,
            List<AdminResource> admins) {}

    /** A station admin; the username (the sign-in name) only for operators. */
    record AdminResource(long userId, String username, String displayName) {}

    record OpenStation(Long organizationId, String code, String name) {}

    record StatusChange(Station.Status status) {}

    @GetMapping
    ResultPage<StationResource> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return new ResultPage<>(
                directory.count(),
                directory.page(page, size).stream()
                        .map(station -> resource(station, null, null))
                        .toList());
    }

    @GetMapping("/{id}")
    StationResource get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Station station = directory.get(id);
        return resource(station, directory.adminsOf(id), user);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<StationResource> open(@RequestBody OpenStation request, @AuthenticationPrincipal CurrentUser user) {
        if (request.organizationId() == null) {
            throw DomainException.invalid("organizationId", "required", "organizationId");
        }
        Station station = directory.open(request.organizationId(), request.code(), request.name(), user);
        return ResponseEntity.created(URI.create("/api/v1/stations/" + station.id()))
                .body(resource(station, List.of(), user));
    }

    @PutMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    StationResource changeStatus(
            @PathVariable long id, @RequestBody StatusChange change, @AuthenticationPrincipal CurrentUser user) {
        if (change.status() == null) {
            throw DomainException.invalid("status", "required", "status");
        }
        Station station = directory.changeStatus(id, change.status() == Station.Status.ACTIVE, user);
        return resource(station, directory.adminsOf(id), user);
    }

    @PutMapping("/{id}/admins/{username}")
    @PreAuthorize("hasRole('OPERATOR')")
    AdminResource appoint(
            @PathVariable long id, @PathVariable String username, @AuthenticationPrincipal CurrentUser user) {
        StationAdmin admin = directory.appoint(id, username, user);
        return new AdminResource(admin.userId(), admin.username(), admin.displayName());
    }

    @DeleteMapping("/{id}/admins/{userId}")
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<Void> dismiss(
            @PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal CurrentUser user) {
        directory.dismiss(id, userId, user);
        return ResponseEntity.noContent().build();
    }

    private StationResource resource(Station station, List<StationAdmin> admins, CurrentUser user) {
        boolean operator = user != null && user.isOperator();
        String organizationName = catalog.find(station.organizationId())
                .map(Organizations.OrganizationSummary::name)
                .orElse(null);
        return new StationResource(
                station.id(),
                station.code(),
                station.name(),
                station.status(),
                station.organizationId(),
                organizationName,
                station.created(),
                admins == null
                        ? null
                        : admins.stream()
                                .map(a ->
                                        new AdminResource(a.userId(), operator ? a.username() : null, a.displayName()))
                                .toList());
    }
}
