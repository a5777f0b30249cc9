package org.kechuang.organization;

import java.io.IOException;
import java.net.URI;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Organizations over HTTP. Reading is public (contact details for signed-in users only); operators write anywhere,
 * station admins inside their station.
 */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApi {

    private final OrganizationCatalog catalog;
    private final OrganizationImport importer;
    private final Regions regions;

    OrganizationApi(OrganizationCatalog catalog, OrganizationImport importer, Regions regions) {
        this.catalog = catalog;
        this.importer = importer;
        this.regions = regions;
    }

    /**
     * @param region a GB/T 2260 code: a province includes its cities and counties, a city its counties
     * @param q part of the name, compared insensitive to traditional/simplified and full/half width
     */
    @GetMapping
    ResultPage<OrganizationResource> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user) {
        var found = catalog.search(new OrganizationCatalog.Query(type, region, q, station, page, size));
        return new ResultPage<>(
                found.total(),
                found.results().stream().map(o -> resource(o, user)).toList());
    }

    @GetMapping("/{id}")
    OrganizationResource get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return resource(catalog.get(id), user);
    }

    /** @param station the owning station; a station admin of exactly one station may leave it out */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrganizationResource> create(
            @RequestBody OrganizationDraft draft,
            @RequestParam(required = false) Long station,
            @AuthenticationPrincipal CurrentUser user) {
        Organization created = catalog.register(draft, station, user);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(resource(created, user));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    OrganizationResource update(
            @PathVariable long id, @RequestBody OrganizationDraft draft, @AuthenticationPrincipal CurrentUser user) {
        return resource(catalog.revise(id, draft, user), user);
    }

    /**
     * Imports a CSV file (UTF-8 with or without BOM, or GBK) all or nothing.
     *
     * @param type the type of rows without one, e.g. {@code NATIONAL_SOCIETY} for a list of societies
     * @param station the station the new organizations belong to; required for station admins of several stations
     * @param source the system the file's source ids belong to; by default the file name without extension
     */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OrganizationImport.Result importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Long station,
            @RequestParam(required = false) String source,
            @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        CurationPolicy.requireSignedIn(user);
        if (file.isEmpty()) {
            throw DomainException.invalid("file", "organization.import.empty-file");
        }
        return importer.importCsv(
                new OrganizationImport.Request(file.getBytes(), file.getOriginalFilename(), type, station, source),
                user);
    }

    private OrganizationResource resource(Organization organization, CurrentUser user) {
        String regionName = organization.profile().regionCode() == null
                ? null
                : regions.find(organization.profile().regionCode())
                        .map(Region::name)
                        .orElse(null);
        return OrganizationResource.of(organization, regionName, user != null);
    }
}
