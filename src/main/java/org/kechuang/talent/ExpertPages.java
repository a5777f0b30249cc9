package org.kechuang.talent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kechuang.identity.CurrentUser;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.Regions;
import org.kechuang.shared.PublicationStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert pages: the public list and profile, the forms, the claim and consent of the expert, and the station
 * admins' curation page with the claims waiting for them.
 */
@Controller
class ExpertPages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final ExpertCatalog catalog;
    private final ExpertViews views;
    private final Regions regions;
    private final Stations stations;
    private final Problems problems;

    ExpertPages(ExpertCatalog catalog, ExpertViews views, Regions regions, Stations stations, Problems problems) {
        this.catalog = catalog;
        this.views = views;
        this.regions = regions;
        this.stations = stations;
        this.problems = problems;
    }

    /** What the form posts: every value as typed; lists separated, flags as checkboxes. */
    record ExpertForm(
            String name,
            String affiliation,
            String title,
            String disciplineCodes,
            String researchFields,
            String keywords,
            String regionCode,
            String societyIds,
            Boolean youngTalent,
            Boolean overseas,
            String availability,
            String introduction,
            String phone,
            String email,
            Long stationId,
            Integer version) {

        static ExpertForm empty() {
            return new ExpertForm(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    false,
                    Availability.AVAILABLE.name(),
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        static ExpertForm of(Expert expert) {
            ExpertContent c = expert.content();
            return new ExpertForm(
                    c.name(),
                    c.affiliation(),
                    c.title(),
                    String.join("；", c.disciplineCodes()),
                    String.join("；", c.researchFields()),
                    String.join("；", c.keywords()),
                    c.regionCode(),
                    c.societyIds().stream().map(String::valueOf).collect(Collectors.joining("；")),
                    c.youngTalent(),
                    c.overseas(),
                    c.availability().name(),
                    c.introduction(),
                    c.phone(),
                    c.email(),
                    expert.stationId(),
                    expert.version());
        }

        /** The draft the rules check; a society id that is not a number is refused like an unknown one. */
        ExpertDraft draft() {
            List<Long> societies = new ArrayList<>();
            for (String item : ExpertRules.items(societyIds)) {
                try {
                    societies.add(Long.valueOf(Text.clean(item)));
                } catch (NumberFormatException notANumber) {
                    throw new ExpertRejected(
                            List.of(Violation.of("societyIds", "expert.society.unknown", ExpertRules.echo(item))));
                }
            }
            return new ExpertDraft(
                    name,
                    affiliation,
                    title,
                    ExpertRules.items(disciplineCodes),
                    ExpertRules.items(researchFields),
                    ExpertRules.items(keywords),
                    regionCode,
                    societies,
                    Boolean.TRUE.equals(youngTalent),
                    Boolean.TRUE.equals(overseas),
                    availability,
                    introduction,
                    phone,
                    email,
                    stationId,
                    version);
        }

        ExpertForm withStation(Long station) {
            return new ExpertForm(
                    name,
                    affiliation,
                    title,
                    disciplineCodes,
                    researchFields,
                    keywords,
                    regionCode,
                    societyIds,
                    youngTalent,
                    overseas,
                    availability,
                    introduction,
                    phone,
                    email,
                    station,
                    version);
        }

        /** The form as posted, minus values too long to send back into the page (they are refused anyway). */
        ExpertForm safeEcho() {
            return new ExpertForm(
                    cut(name, ExpertRules.NAME_MAX),
                    cut(affiliation, ExpertRules.AFFILIATION_MAX),
                    cut(title, ExpertRules.TITLE_MAX),
                    cut(disciplineCodes, 500),
                    cut(researchFields, 2000),
                    cut(keywords, 2000),
                    cut(regionCode, 40),
                    cut(societyIds, 500),
                    youngTalent,
                    overseas,
                    cut(availability, 40),
                    cut(introduction, ExpertRules.INTRODUCTION_MAX),
                    cut(phone, 40),
                    cut(email, ExpertRules.EMAIL_MAX),
                    stationId,
                    version);
        }

        private static String cut(String value, int max) {
            return value == null || value.length() <= max ? value : value.substring(0, max);
        }
    }

    @GetMapping("/experts")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String discipline,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String availability,
            @RequestParam(defaultValue = "false") boolean young,
            @RequestParam(defaultValue = "false") boolean overseas,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("discipline", discipline);
        filters.put("province", province);
        filters.put("keyword", keyword);
        filters.put("availability", availability);
        filters.put("young", young ? Boolean.TRUE : null);
        filters.put("overseas", overseas ? Boolean.TRUE : null);
        filters.put("q", q);
        filters.put("station", station);
        filters.put("mine", mine ? Boolean.TRUE : null);
        model.addAllAttributes(filters);
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("availabilities", Availability.values());
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute(
                "curator",
                user != null
                        && (user.isOperator() || !user.administeredStations().isEmpty()));
        model.addAttribute("mayPost", ExpertCatalog.mayPost(user));
        model.addAttribute("curatedStations", curatedStations(user));
        listing(
                new ExpertCatalog.Query(
                        status,
                        mine,
                        discipline,
                        province,
                        keyword,
                        null,
                        null,
                        young,
                        overseas,
                        availability,
                        q,
                        station,
                        false,
                        page,
                        PAGE_SIZE),
                user,
                model,
                locale);
        return "talent/list";
    }

    private void listing(ExpertCatalog.Query query, CurrentUser user, Model model, Locale locale) {
        try {
            var found = catalog.search(query, user);
            model.addAttribute("total", found.total());
            model.addAttribute(
                    "experts",
                    found.results().stream().map(e -> views.of(e, user, locale)).toList());
            model.addAttribute("page", Math.max(query.page(), 0));
            model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        } catch (DomainException badFilter) {
            model.addAttribute("filterError", problems.message(badFilter.key(), badFilter.args(), locale));
            model.addAttribute("total", 0L);
            model.addAttribute("experts", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 0L);
        }
    }

    @GetMapping("/experts/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return detailPage(catalog.get(id, user), user, model, locale, null);
    }

    private String detailPage(Expert expert, CurrentUser user, Model model, Locale locale, String actionError) {
        model.addAttribute("expert", views.of(expert, user, locale));
        model.addAttribute("updated", SHOWN_TIME.format(expert.updatedAt()));
        model.addAttribute("signedIn", user != null);
        boolean mayEdit = catalog.mayEdit(user, expert);
        boolean curates = catalog.curates(user, expert);
        PublicationStatus status = expert.status();
        model.addAttribute("mayEdit", mayEdit && status != PublicationStatus.ARCHIVED);
        model.addAttribute("maySubmit", mayEdit && status.canMoveTo(PublicationStatus.SUBMITTED));
        model.addAttribute("mayArchive", mayEdit && status.canMoveTo(PublicationStatus.ARCHIVED));
        model.addAttribute("mayReturn", curates && status.canMoveTo(PublicationStatus.RETURNED));
        model.addAttribute(
                "mayClaim", ExpertAccess.mayClaim(user) && !expert.claimed() && status != PublicationStatus.ARCHIVED);
        model.addAttribute("mayConsent", user != null && (expert.claimedBy(user.id()) || curates));
        model.addAttribute(
                "consentScope",
                expert.consent() == null ? "NONE" : expert.consent().scope().name());
        model.addAttribute(
                "claims",
                curates
                        ? catalog.claims(expert.id(), user).stream()
                                .filter(claim -> claim.status() == ExpertClaim.Status.PENDING)
                                .toList()
                        : List.of());
        model.addAttribute("actionError", actionError);
        boolean everything = ExpertAccess.seesEverything(user, expert);
        model.addAttribute(
                "history",
                everything
                        ? catalog.history(expert.id(), user).stream()
                                .map(ExpertPages::historyRow)
                                .toList()
                        : List.of());
        model.addAttribute("showHistory", everything);
        return "talent/detail";
    }

    /** One line of the history as the detail page shows it: when, what, which fields (the version step left out). */
    record HistoryRow(String at, String action, String fields) {}

    static HistoryRow historyRow(RecordHistory.Entry entry) {
        return new HistoryRow(
                SHOWN_TIME.format(entry.at()),
                entry.action(),
                entry.changes().stream()
                        .map(RecordHistory.Change::field)
                        .filter(field -> !field.equals("version"))
                        .collect(Collectors.joining(", ")));
    }

    @GetMapping("/experts/new")
    String newForm(
            @RequestParam(required = false) Long station, @AuthenticationPrincipal CurrentUser user, Model model) {
        mayPost(user);
        return form(model, user, ExpertForm.empty().withStation(station), null, Map.of());
    }

    @PostMapping("/experts")
    String create(
            @ModelAttribute ExpertForm form, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        mayPost(user);
        try {
            Expert created = catalog.create(form.draft(), user);
            return "redirect:/experts/" + created.id() + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, null, locale);
        }
    }

    @GetMapping("/experts/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Expert expert = editable(id, user);
        return form(model, user, ExpertForm.of(expert), expert, Map.of());
    }

    @PostMapping("/experts/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute ExpertForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Expert expert = editable(id, user);
        try {
            catalog.revise(id, form.draft(), user);
            return "redirect:/experts/" + id + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, expert, locale);
        }
    }

    @PostMapping("/experts/{id}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            Expert submitted = catalog.submit(id, user);
            return "redirect:/experts/" + id + "?" + submitted.status().name().toLowerCase(Locale.ROOT);
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/experts/{id}/return")
    String returnToAuthor(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            catalog.returnWith(id, reason, user);
            return curation == null
                    ? "redirect:/experts/" + id + "?returned"
                    : "redirect:/stations/" + curation + "/curation/experts?returned";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/experts/{id}/archive")
    String archive(
            @PathVariable long id,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            catalog.archive(id, user);
            return curation == null
                    ? "redirect:/experts/" + id + "?archived"
                    : "redirect:/stations/" + curation + "/curation/experts?archived";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/experts/{id}/claim")
    String claim(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            ExpertCatalog.Claimed claimed = catalog.claim(id, user);
            return "redirect:/experts/" + id
                    + (claimed.claim().status() == ExpertClaim.Status.APPROVED ? "?claimed" : "?claim-pending");
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/experts/{id}/claims/{claimId}/approve")
    String approveClaim(
            @PathVariable long id,
            @PathVariable long claimId,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            catalog.approveClaim(id, claimId, user);
            return curation == null
                    ? "redirect:/experts/" + id + "?claim-approved"
                    : "redirect:/stations/" + curation + "/curation/experts?claim-approved";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/experts/{id}/claims/{claimId}/refuse")
    String refuseClaim(
            @PathVariable long id,
            @PathVariable long claimId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            catalog.refuseClaim(id, claimId, reason, user);
            return curation == null
                    ? "redirect:/experts/" + id + "?claim-refused"
                    : "redirect:/stations/" + curation + "/curation/experts?claim-refused";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/experts/{id}/consent")
    String consent(
            @PathVariable long id,
            @RequestParam(required = false) String scope,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        try {
            catalog.consent(id, scope, user);
            return "redirect:/experts/" + id + "?consent";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    /** A station's profiles by status, and the claims waiting, for its admins (and operators). */
    @GetMapping("/stations/{stationId}/curation/experts")
    String curation(
            @PathVariable long stationId,
            @RequestParam(defaultValue = "SUBMITTED") String status,
            @RequestParam(defaultValue = "false") boolean unclaimed,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ExpertCatalog.requireSignedIn(user);
        Stations.StationSummary station = stations.find(stationId).orElseThrow(ExpertCatalog::notFound);
        if (!user.administers(stationId)) {
            throw DomainException.forbidden("expert.curators-only");
        }
        model.addAttribute("station", station);
        model.addAttribute("status", status);
        model.addAttribute("unclaimed", unclaimed ? Boolean.TRUE : null);
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute("claims", catalog.pendingClaims(stationId));
        listing(ExpertCatalog.Query.station(stationId, status, unclaimed, page, PAGE_SIZE), user, model, locale);
        return "talent/curation";
    }

    private String refusedAction(long id, DomainException refused, CurrentUser user, Model model, Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        model.addAttribute("actionField", refused.field());
        return detailPage(
                catalog.get(id, user), user, model, locale, problems.message(refused.key(), refused.args(), locale));
    }

    private String refusedForm(
            DomainException refused, Model model, CurrentUser user, ExpertForm form, Expert expert, Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Violation> violations =
                refused instanceof ExpertRejected rejected ? rejected.violations() : List.of(Violation.of(refused));
        for (Violation v : violations) {
            String field = v.field() == null ? "form" : v.field();
            errors.putIfAbsent(field, problems.message(v.key(), v.argArray(), locale));
        }
        if (refused instanceof ExpertStale) {
            errors.putIfAbsent("form", problems.message(refused.key(), refused.args(), locale));
        }
        return form(model, user, form.safeEcho(), expert, errors);
    }

    private String form(Model model, CurrentUser user, ExpertForm form, Expert expert, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("expert", expert == null ? null : expert.id());
        model.addAttribute(
                "expertName", expert == null ? null : expert.content().name());
        model.addAttribute("errors", errors);
        model.addAttribute("availabilities", Availability.values());
        model.addAttribute("stations", expert == null ? postableStations(user, form.stationId()) : List.of());
        return "talent/form";
    }

    /** The stations a new profile may be entered into: those the user administers, and one a link named. */
    private List<Stations.StationSummary> postableStations(CurrentUser user, Long named) {
        List<Stations.StationSummary> postable = new ArrayList<>(curatedStations(user));
        if (named != null && ExpertAccess.mayPost(user)) {
            stations.find(named)
                    .filter(Stations.StationSummary::active)
                    .filter(station -> !postable.contains(station))
                    .ifPresent(postable::add);
        }
        return postable;
    }

    private List<Stations.StationSummary> curatedStations(CurrentUser user) {
        if (user == null) {
            return List.of();
        }
        return user.administeredStations().stream()
                .sorted()
                .map(stations::find)
                .flatMap(Optional::stream)
                .toList();
    }

    private Expert editable(long id, CurrentUser user) {
        ExpertCatalog.requireSignedIn(user);
        Expert expert = catalog.get(id, user);
        if (!catalog.mayEdit(user, expert)) {
            throw DomainException.forbidden("expert.not-yours");
        }
        return expert;
    }

    private static void mayPost(CurrentUser user) {
        ExpertCatalog.requireSignedIn(user);
        if (!ExpertCatalog.mayPost(user)) {
            throw DomainException.forbidden("expert.post.forbidden");
        }
    }
}
