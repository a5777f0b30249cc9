package org.kechuang.organization;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The organization pages: the list with filters, a detail page, the entry and edit forms and the import page. */
@Controller
class OrganizationPages {

    static final int PAGE_SIZE = 20;
    /** The platform serves China: times are shown in Beijing time. */
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final OrganizationCatalog catalog;
    private final OrganizationImport importer;
    private final StationDirectory stations;
    private final Regions regions;
    private final Problems problems;

    OrganizationPages(
            OrganizationCatalog catalog,
            OrganizationImport importer,
            StationDirectory stations,
            Regions regions,
            Problems problems) {
        this.catalog = catalog;
        this.importer = importer;
        this.stations = stations;
        this.regions = regions;
        this.problems = problems;
    }

    /** What the entry and edit forms post; every value as typed, checked by {@link ProfileRules}. */
    record OrganizationForm(
            String name,
            String type,
            Boolean sme,
            String creditCode,
            String regionCode,
            String website,
            String description,
            String contactEmail,
            String contactPhone,
            String disciplineGroup,
            Long stationId) {

        static OrganizationForm empty() {
            return new OrganizationForm(null, null, false, null, null, null, null, null, null, null, null);
        }

        static OrganizationForm of(OrganizationProfile profile) {
            OrganizationDraft draft = profile.asDraft();
            return new OrganizationForm(
                    draft.name(),
                    draft.type(),
                    draft.sme(),
                    draft.creditCode(),
                    draft.regionCode(),
                    draft.website(),
                    draft.description(),
                    draft.contactEmail(),
                    draft.contactPhone(),
                    draft.disciplineGroup(),
                    null);
        }

        OrganizationDraft draft() {
            return new OrganizationDraft(
                    name,
                    type,
                    sme,
                    creditCode,
                    regionCode,
                    website,
                    description,
                    contactEmail,
                    contactPhone,
                    disciplineGroup);
        }
    }

    /** A row of the list: the organization with the names of its region. */
    record Listed(Organization organization, String regionName) {}

    @GetMapping("/organizations")
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("type", type);
        model.addAttribute("province", province);
        model.addAttribute("q", q);
        model.addAttribute("station", station);
        try {
            var found = catalog.search(new OrganizationCatalog.Query(type, province, q, station, page, PAGE_SIZE));
            model.addAttribute("total", found.total());
            model.addAttribute(
                    "organizations",
                    found.results().stream()
                            .map(o -> new Listed(o, regionName(o.profile().regionCode())))
                            .toList());
            model.addAttribute("page", Math.max(page, 0));
            model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        } catch (DomainException badFilter) {
            model.addAttribute("filterError", problems.message(badFilter.key(), badFilter.args(), locale));
            model.addAttribute("total", 0L);
            model.addAttribute("organizations", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 0L);
        }
        model.addAttribute(
                "mayEnter",
                user != null
                        && (user.isOperator() || !user.administeredStations().isEmpty()));
        return "organization/list";
    }

    @GetMapping("/organizations/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return detailPage(catalog.get(id), user, model, Map.of(), null);
    }

    String detailPage(
            Organization organization,
            CurrentUser user,
            Model model,
            Map<String, String> stationErrors,
            StationPages.StationForm stationForm) {
        model.addAttribute("organization", organization);
        model.addAttribute("regionPath", regionPath(organization.profile().regionCode()));
        model.addAttribute("updated", SHOWN_TIME.format(organization.updated()));
        model.addAttribute("showContacts", user != null);
        model.addAttribute("mayEdit", catalog.mayEdit(user, organization));
        model.addAttribute("owner", organization.stationId() == null ? null : stations.get(organization.stationId()));
        Optional<Station> seat = stations.seatOf(organization.id());
        model.addAttribute("seat", seat.orElse(null));
        model.addAttribute("mayOpenStation", user != null && user.isOperator() && seat.isEmpty());
        model.addAttribute("stationErrors", stationErrors);
        model.addAttribute("stationForm", stationForm);
        return "organization/detail";
    }

    @GetMapping("/organizations/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        mayEnterOrganizations(user);
        return form(model, user, OrganizationForm.empty(), null, Map.of());
    }

    @PostMapping("/organizations")
    String create(
            @ModelAttribute OrganizationForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        mayEnterOrganizations(user);
        try {
            Organization created = catalog.register(form.draft(), form.stationId(), user);
            return "redirect:/organizations/" + created.id() + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, null, locale);
        }
    }

    @GetMapping("/organizations/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Organization organization = editable(id, user);
        return form(model, user, OrganizationForm.of(organization.profile()), organization, Map.of());
    }

    @PostMapping("/organizations/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute OrganizationForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Organization organization = editable(id, user);
        try {
            catalog.revise(id, form.draft(), user);
            return "redirect:/organizations/" + id + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, organization, locale);
        }
    }

    @GetMapping("/organizations/import")
    String importPage(@AuthenticationPrincipal CurrentUser user, Model model) {
        mayEnterOrganizations(user);
        return importForm(model, user, null);
    }

    @PostMapping("/organizations/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Long station,
            @RequestParam(required = false) String source,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale)
            throws IOException {
        mayEnterOrganizations(user);
        model.addAttribute("selectedType", type);
        model.addAttribute("source", source);
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("file", "organization.import.empty-file");
            }
            model.addAttribute(
                    "result",
                    importer.importCsv(
                            new OrganizationImport.Request(
                                    file.getBytes(), file.getOriginalFilename(), type, station, source),
                            user));
        } catch (ImportRejected rejected) {
            model.addAttribute("error", problems.message(rejected.key(), rejected.args(), locale));
            model.addAttribute(
                    "rowErrors",
                    rejected.errors().stream()
                            .map(e -> new OrganizationProblemHandler.RowProblem(
                                    e.row(),
                                    e.field(),
                                    e.key(),
                                    problems.message(e.key(), e.args().toArray(), locale)))
                            .toList());
        } catch (DomainException refused) {
            model.addAttribute("error", problems.message(refused.key(), refused.args(), locale));
        }
        return importForm(model, user, station);
    }

    private String importForm(Model model, CurrentUser user, Long station) {
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("stations", stationsOf(user));
        model.addAttribute("selectedStation", station);
        return "organization/import";
    }

    private String refusedForm(
            DomainException refused,
            Model model,
            CurrentUser user,
            OrganizationForm form,
            Organization organization,
            Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Violation> violations = refused instanceof OrganizationRejected rejected
                ? rejected.violations()
                : List.of(Violation.of(refused));
        for (Violation v : violations) {
            errors.putIfAbsent(v.field() == null ? "form" : v.field(), problems.message(v.key(), v.argArray(), locale));
        }
        return form(model, user, safeEcho(form), organization, errors);
    }

    /** The form as posted, minus values too long to send back into the page (they are refused anyway). */
    private static OrganizationForm safeEcho(OrganizationForm form) {
        return new OrganizationForm(
                shortened(form.name(), ProfileRules.NAME_MAX),
                shortened(form.type(), 64),
                form.sme(),
                shortened(form.creditCode(), 72),
                shortened(form.regionCode(), 24),
                shortened(form.website(), ProfileRules.WEBSITE_MAX),
                shortened(form.description(), ProfileRules.DESCRIPTION_MAX),
                shortened(form.contactEmail(), ProfileRules.EMAIL_MAX),
                shortened(form.contactPhone(), ProfileRules.PHONE_MAX),
                shortened(form.disciplineGroup(), 64),
                form.stationId());
    }

    private static String shortened(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private String form(
            Model model,
            CurrentUser user,
            OrganizationForm form,
            Organization organization,
            Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("organization", organization);
        model.addAttribute("errors", errors);
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("groups", DisciplineGroup.values());
        model.addAttribute("stations", organization == null ? stationsOf(user) : List.of());
        return "organization/form";
    }

    /** The stations the user may enter organizations into; operators may also enter them without a station. */
    private List<Station> stationsOf(CurrentUser user) {
        return stations.all().stream()
                .filter(station -> CurationPolicy.mayActIn(user, station))
                .toList();
    }

    private Organization editable(long id, CurrentUser user) {
        CurationPolicy.requireSignedIn(user);
        Organization organization = catalog.get(id);
        if (!catalog.mayEdit(user, organization)) {
            throw DomainException.forbidden("organization.not-yours");
        }
        return organization;
    }

    private static void mayEnterOrganizations(CurrentUser user) {
        CurationPolicy.requireSignedIn(user);
        if (!user.isOperator() && user.administeredStations().isEmpty()) {
            throw DomainException.forbidden("organization.curators-only");
        }
    }

    private String regionName(String code) {
        return code == null ? null : regions.find(code).map(Region::name).orElse(code);
    }

    private String regionPath(String code) {
        if (code == null) {
            return null;
        }
        List<Region> path = regions.path(code);
        return path.isEmpty()
                ? code
                : String.join(" · ", path.stream().map(Region::name).toList());
    }
}
