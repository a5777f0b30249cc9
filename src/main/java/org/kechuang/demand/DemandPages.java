package org.kechuang.demand;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kechuang.identity.CurrentUser;
import org.kechuang.organization.Stations;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.kechuang.shared.CooperationMode;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The demand pages: the public list and detail, the members' forms and the station admins' curation page. */
@Controller
class DemandPages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final DemandCatalog catalog;
    private final DemandViews views;
    private final Regions regions;
    private final IndustryChains chains;
    private final Stations stations;
    private final Problems problems;
    private final DemandGuide guide;

    DemandPages(
            DemandCatalog catalog,
            DemandViews views,
            Regions regions,
            IndustryChains chains,
            Stations stations,
            Problems problems,
            DemandGuide guide) {
        this.catalog = catalog;
        this.views = views;
        this.regions = regions;
        this.chains = chains;
        this.stations = stations;
        this.problems = problems;
        this.guide = guide;
    }

    /** What the form posts: every value as typed; target indicators one per line. */
    record DemandForm(
            String title,
            String background,
            String technicalProblems,
            String targetIndicators,
            String industryCode,
            String chainNodeCode,
            String applicationScenario,
            String regionCode,
            List<String> cooperationModes,
            String budgetMin,
            String budgetMax,
            String deadline,
            Boolean confidential,
            String contactPerson,
            String contactPhone,
            String contactEmail,
            String organizationId,
            Long stationId,
            Integer version) {

        static DemandForm empty() {
            return new DemandForm(
                    null, null, null, null, null, null, null, null, List.of(), null, null, null, false, null, null,
                    null, null, null, null);
        }

        static DemandForm of(Demand demand) {
            DemandContent c = demand.content();
            return new DemandForm(
                    c.title(),
                    c.background(),
                    c.technicalProblems(),
                    c.targetIndicators().stream().map(TargetIndicator::display).collect(Collectors.joining("\n")),
                    c.industryCode(),
                    c.chainNodeCode(),
                    c.applicationScenario(),
                    c.regionCode(),
                    c.cooperationModes().stream().map(Enum::name).toList(),
                    c.budgetMin() == null
                            ? null
                            : c.budgetMin().stripTrailingZeros().toPlainString(),
                    c.budgetMax() == null
                            ? null
                            : c.budgetMax().stripTrailingZeros().toPlainString(),
                    c.deadline() == null ? null : c.deadline().toString(),
                    c.confidential(),
                    c.contact().person(),
                    c.contact().phone(),
                    c.contact().email(),
                    c.organizationId() == null ? null : c.organizationId().toString(),
                    demand.stationId(),
                    demand.version());
        }

        /** The same form without its organization number (one that is not a number cannot even be read). */
        DemandForm withoutOrganization() {
            return new DemandForm(
                    title,
                    background,
                    technicalProblems,
                    targetIndicators,
                    industryCode,
                    chainNodeCode,
                    applicationScenario,
                    regionCode,
                    cooperationModes,
                    budgetMin,
                    budgetMax,
                    deadline,
                    confidential,
                    contactPerson,
                    contactPhone,
                    contactEmail,
                    null,
                    stationId,
                    version);
        }

        /** Target indicators as typed, one per line, blank lines left out: the guide's confirmation lists them. */
        public List<String> indicatorLines() {
            return targetIndicators == null
                    ? List.of()
                    : targetIndicators
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList();
        }

        public boolean has(String mode) {
            return cooperationModes != null && cooperationModes.contains(mode);
        }

        /** The draft the rules check; an organization id that is not a number is refused like an unknown one. */
        DemandDraft draft() {
            Long organization = null;
            String typed = organizationId == null ? null : organizationId.strip();
            if (typed != null && !typed.isEmpty()) {
                try {
                    organization = Long.valueOf(org.kechuang.platform.text.Text.clean(typed));
                } catch (NumberFormatException notANumber) {
                    throw new DemandRejected(List.of(
                            Violation.of("organizationId", "demand.organization.unknown", DemandCatalog.echo(typed))));
                }
            }
            return new DemandDraft(
                    title,
                    background,
                    technicalProblems,
                    DemandRules.parseLines(targetIndicators),
                    industryCode,
                    chainNodeCode,
                    applicationScenario,
                    regionCode,
                    cooperationModes,
                    budgetMin,
                    budgetMax,
                    deadline,
                    confidential,
                    contactPerson,
                    contactPhone,
                    contactEmail,
                    organization,
                    stationId,
                    version);
        }
    }

    @GetMapping("/demands")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean stale,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("industry", industry);
        filters.put("chain", chain);
        filters.put("province", province);
        filters.put("mode", mode);
        filters.put("q", q);
        filters.put("station", station);
        filters.put("mine", mine ? Boolean.TRUE : null);
        filters.put("stale", stale ? Boolean.TRUE : null);
        model.addAllAttributes(filters);
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("chains", chains.all());
        model.addAttribute("modes", CooperationMode.values());
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute(
                "curator",
                user != null
                        && (user.isOperator() || !user.administeredStations().isEmpty()));
        model.addAttribute("mayPost", DemandCatalog.mayPost(user));
        model.addAttribute("curatedStations", curatedStations(user));
        listing(
                new DemandCatalog.Query(
                        status, mine, industry, chain, province, mode, q, station, stale, page, PAGE_SIZE),
                user,
                model,
                locale);
        return "demand/list";
    }

    private void listing(DemandCatalog.Query query, CurrentUser user, Model model, Locale locale) {
        try {
            var found = catalog.search(query, user);
            model.addAttribute("total", found.total());
            model.addAttribute(
                    "demands",
                    found.results().stream().map(d -> views.of(d, user, locale)).toList());
            model.addAttribute("page", Math.max(query.page(), 0));
            model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        } catch (DomainException badFilter) {
            model.addAttribute("filterError", problems.message(badFilter.key(), badFilter.args(), locale));
            model.addAttribute("total", 0L);
            model.addAttribute("demands", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 0L);
        }
    }

    @GetMapping("/demands/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return detailPage(catalog.get(id, user), user, model, locale, null);
    }

    private String detailPage(Demand demand, CurrentUser user, Model model, Locale locale, String actionError) {
        model.addAttribute("demand", views.of(demand, user, locale));
        model.addAttribute("updated", SHOWN_TIME.format(demand.updatedAt()));
        model.addAttribute("signedIn", user != null);
        boolean mayEdit = catalog.mayEdit(user, demand);
        PublicationStatus status = demand.status();
        model.addAttribute("mayEdit", mayEdit && status != PublicationStatus.ARCHIVED);
        model.addAttribute("maySubmit", mayEdit && status.canMoveTo(PublicationStatus.SUBMITTED));
        model.addAttribute("mayArchive", mayEdit && status.canMoveTo(PublicationStatus.ARCHIVED));
        model.addAttribute("mayReturn", catalog.curates(user, demand) && status.canMoveTo(PublicationStatus.RETURNED));
        model.addAttribute("actionError", actionError);
        model.addAttribute(
                "mayAskManager", user != null && demand.createdBy(user.id()) && status == PublicationStatus.PUBLISHED);
        boolean everything = DemandAccess.seesEverything(user, demand);
        model.addAttribute(
                "history",
                everything
                        ? catalog.history(demand.id(), user).stream()
                                .map(DemandPages::historyRow)
                                .toList()
                        : List.of());
        model.addAttribute("showHistory", everything);
        return "demand/detail";
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

    /** Enterprises get the guided form unless they ask for everything on one page ({@code full}). */
    @GetMapping("/demands/new")
    String newForm(
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean full,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        requirePoster(user);
        DemandForm form = station == null ? DemandForm.empty() : withStation(DemandForm.empty(), station);
        if (!full && DemandGuide.guided(user)) {
            return guide.page(model, user, form, null, 1, Map.of(), locale);
        }
        return form(model, user, form, null, Map.of(), locale);
    }

    @PostMapping("/demands")
    String create(
            @ModelAttribute DemandForm form, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        requirePoster(user);
        try {
            Demand created = catalog.create(form.draft(), user);
            return "redirect:/demands/" + created.id() + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, null, locale);
        }
    }

    @GetMapping("/demands/{id}/edit")
    String editForm(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean full,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Demand demand = editable(catalog, id, user);
        if (!full && DemandGuide.guided(user)) {
            return guide.page(model, user, DemandForm.of(demand), demand, 1, Map.of(), locale);
        }
        return form(model, user, DemandForm.of(demand), demand, Map.of(), locale);
    }

    @PostMapping("/demands/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute DemandForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Demand demand = editable(catalog, id, user);
        try {
            catalog.revise(id, form.draft(), user);
            return "redirect:/demands/" + id + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, demand, locale);
        }
    }

    @PostMapping("/demands/{id}/submit")
    String submit(
            @PathVariable long id,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        DemandCatalog.requireSignedIn(user);
        try {
            Demand submitted = catalog.submit(id, user);
            return "redirect:/demands/" + id + "?" + submitted.status().name().toLowerCase(Locale.ROOT);
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/demands/{id}/return")
    String returnToAuthor(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        DemandCatalog.requireSignedIn(user);
        try {
            catalog.returnWith(id, reason, user);
            return curation == null
                    ? "redirect:/demands/" + id + "?returned"
                    : "redirect:/stations/" + curation + "/curation/demands?returned";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/demands/{id}/archive")
    String archive(
            @PathVariable long id,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        DemandCatalog.requireSignedIn(user);
        try {
            catalog.archive(id, user);
            return curation == null
                    ? "redirect:/demands/" + id + "?archived"
                    : "redirect:/stations/" + curation + "/curation/demands?archived";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    /** A station's demands by status for its admins (and operators), with the stale ones marked. */
    @GetMapping("/stations/{stationId}/curation/demands")
    String curation(
            @PathVariable long stationId,
            @RequestParam(defaultValue = "SUBMITTED") String status,
            @RequestParam(defaultValue = "false") boolean stale,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        DemandCatalog.requireSignedIn(user);
        Stations.StationSummary station = stations.find(stationId).orElseThrow(DemandCatalog::notFound);
        if (!user.administers(stationId)) {
            throw DomainException.forbidden("demand.curators-only");
        }
        model.addAttribute("station", station);
        model.addAttribute("status", status);
        model.addAttribute("stale", stale);
        model.addAttribute("statuses", PublicationStatus.values());
        listing(
                new DemandCatalog.Query(status, false, null, null, null, null, null, stationId, stale, page, PAGE_SIZE),
                user,
                model,
                locale);
        return "demand/curation";
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
            DomainException refused, Model model, CurrentUser user, DemandForm form, Demand demand, Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        return form(model, user, safeEcho(form), demand, errorsOf(refused, problems, locale), locale);
    }

    /** Each refused field's first message, by the form's field names ({@code form} for a refusal of the whole). */
    static Map<String, String> errorsOf(DomainException refused, Problems problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Violation> violations =
                refused instanceof DemandRejected rejected ? rejected.violations() : List.of(Violation.of(refused));
        for (Violation v : violations) {
            errors.putIfAbsent(formField(v.field()), problems.message(v.key(), v.argArray(), locale));
        }
        if (refused instanceof DemandStale) {
            errors.putIfAbsent("form", problems.message(refused.key(), refused.args(), locale));
        }
        return errors;
    }

    /** The form field a refusal belongs to: the indicator box for any one indicator. */
    static String formField(String field) {
        if (field == null) {
            return "form";
        }
        return field.startsWith("targetIndicators") ? "targetIndicators" : field;
    }

    /** The form as posted, minus values too long to send back into the page (they are refused anyway). */
    static DemandForm safeEcho(DemandForm form) {
        return new DemandForm(
                cut(form.title(), DemandRules.TITLE_MAX),
                cut(form.background(), DemandRules.TEXT_MAX),
                cut(form.technicalProblems(), DemandRules.TEXT_MAX),
                cut(form.targetIndicators(), DemandRules.TEXT_MAX),
                cut(form.industryCode(), 40),
                cut(form.chainNodeCode(), 40),
                cut(form.applicationScenario(), DemandRules.SCENARIO_MAX),
                cut(form.regionCode(), 40),
                form.cooperationModes() == null
                        ? List.of()
                        : form.cooperationModes().stream().map(m -> cut(m, 40)).toList(),
                cut(form.budgetMin(), 40),
                cut(form.budgetMax(), 40),
                cut(form.deadline(), 40),
                form.confidential(),
                cut(form.contactPerson(), DemandRules.PERSON_MAX),
                cut(form.contactPhone(), DemandRules.PHONE_MAX),
                cut(form.contactEmail(), DemandRules.EMAIL_MAX),
                cut(form.organizationId(), 40),
                form.stationId(),
                form.version());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static DemandForm withStation(DemandForm form, long station) {
        return new DemandForm(
                form.title(),
                form.background(),
                form.technicalProblems(),
                form.targetIndicators(),
                form.industryCode(),
                form.chainNodeCode(),
                form.applicationScenario(),
                form.regionCode(),
                form.cooperationModes(),
                form.budgetMin(),
                form.budgetMax(),
                form.deadline(),
                form.confidential(),
                form.contactPerson(),
                form.contactPhone(),
                form.contactEmail(),
                form.organizationId(),
                station,
                form.version());
    }

    private String form(
            Model model, CurrentUser user, DemandForm form, Demand demand, Map<String, String> errors, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("completeness", guide.completeness(form, locale));
        model.addAttribute("demand", demand == null ? null : demand.id());
        model.addAttribute(
                "demandTitle", demand == null ? null : demand.content().title());
        model.addAttribute("errors", errors);
        model.addAttribute("modes", CooperationMode.values());
        model.addAttribute("chains", chains.all());
        model.addAttribute("stations", demand == null ? postableStations(user, form.stationId()) : List.of());
        return "demand/form";
    }

    /**
     * The stations a new demand may be entered into: those the user administers, and the one a link named (members
     * post into a station from its pages); members may also post without a station.
     */
    private List<Stations.StationSummary> postableStations(CurrentUser user, Long named) {
        List<Stations.StationSummary> postable = new ArrayList<>(curatedStations(user));
        if (named != null && DemandAccess.mayPost(user)) {
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
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    static Demand editable(DemandCatalog catalog, long id, CurrentUser user) {
        DemandCatalog.requireSignedIn(user);
        Demand demand = catalog.get(id, user);
        if (!catalog.mayEdit(user, demand)) {
            throw DomainException.forbidden("demand.not-yours");
        }
        return demand;
    }

    static void requirePoster(CurrentUser user) {
        DemandCatalog.requireSignedIn(user);
        if (!DemandCatalog.mayPost(user)) {
            throw DomainException.forbidden("demand.post.forbidden");
        }
    }
}
