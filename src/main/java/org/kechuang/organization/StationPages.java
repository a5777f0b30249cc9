package org.kechuang.organization;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The station pages: the list, a station with its organization and admins, and the operators' forms. */
@Controller
class StationPages {

    private final StationDirectory directory;
    private final OrganizationCatalog catalog;
    private final OrganizationPages organizationPages;
    private final Problems problems;

    StationPages(
            StationDirectory directory,
            OrganizationCatalog catalog,
            OrganizationPages organizationPages,
            Problems problems) {
        this.directory = directory;
        this.catalog = catalog;
        this.organizationPages = organizationPages;
        this.problems = problems;
    }

    /** What the "open a station" form on an organization's page posts. */
    record StationForm(Long organizationId, String code, String name) {}

    /** A row of the list: the station with its organization's name. */
    record Listed(Station station, String organizationName) {}

    @GetMapping("/stations")
    String list(Model model) {
        model.addAttribute(
                "stations",
                directory.all().stream()
                        .map(s -> new Listed(s, organizationName(s)))
                        .toList());
        return "station/list";
    }

    @GetMapping("/stations/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return detailPage(directory.get(id), user, model, null, null);
    }

    @PostMapping("/stations")
    String open(
            @ModelAttribute StationForm form, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        CurationPolicy.requireOperator(user);
        if (form.organizationId() == null) {
            throw DomainException.invalid("organizationId", "required", "organizationId");
        }
        Organization organization = catalog.get(form.organizationId());
        try {
            Station station = directory.open(form.organizationId(), form.code(), form.name(), user);
            return "redirect:/stations/" + station.id() + "?opened";
        } catch (DomainException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(
                    refused.field() == null ? "form" : refused.field(),
                    problems.message(refused.key(), refused.args(), locale));
            StationForm echo = new StationForm(form.organizationId(), shortened(form.code()), shortened(form.name()));
            return organizationPages.detailPage(organization, user, model, errors, echo);
        }
    }

    @PostMapping("/stations/{id}/admins")
    String appoint(
            @PathVariable long id,
            @RequestParam(required = false) String username,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        try {
            directory.appoint(id, username, user);
            return "redirect:/stations/" + id + "?appointed";
        } catch (DomainException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            return detailPage(
                    directory.get(id),
                    user,
                    model,
                    problems.message(refused.key(), refused.args(), locale),
                    shortened(username));
        }
    }

    @PostMapping("/stations/{id}/admins/{userId}/dismissal")
    String dismiss(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal CurrentUser user) {
        directory.dismiss(id, userId, user);
        return "redirect:/stations/" + id + "?dismissed";
    }

    @PostMapping("/stations/{id}/status")
    String changeStatus(
            @PathVariable long id, @RequestParam boolean active, @AuthenticationPrincipal CurrentUser user) {
        directory.changeStatus(id, active, user);
        return "redirect:/stations/" + id;
    }

    private String detailPage(Station station, CurrentUser user, Model model, String appointError, String username) {
        model.addAttribute("station", station);
        model.addAttribute("organization", catalog.get(station.organizationId()));
        model.addAttribute("admins", directory.adminsOf(station.id()));
        model.addAttribute("operator", user != null && user.isOperator());
        model.addAttribute("mayAct", CurationPolicy.mayActIn(user, station));
        model.addAttribute(
                "owned",
                catalog.search(new OrganizationCatalog.Query(
                                null, null, null, station.id(), 0, OrganizationPages.PAGE_SIZE))
                        .results());
        model.addAttribute("appointError", appointError);
        model.addAttribute("username", username);
        return "station/detail";
    }

    private String organizationName(Station station) {
        return catalog.find(station.organizationId())
                .map(Organizations.OrganizationSummary::name)
                .orElse(null);
    }

    private static String shortened(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }
}
