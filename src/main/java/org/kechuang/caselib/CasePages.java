package org.kechuang.caselib;

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
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.IndustryChains;
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

/** The case pages: the public list and detail, the members' forms and the station admins' curation page. */
@Controller
class CasePages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final CaseCatalog catalog;
    private final CaseViews views;
    private final Regions regions;
    private final IndustryChains chains;
    private final Stations stations;
    private final Problems problems;

    CasePages(
            CaseCatalog catalog,
            CaseViews views,
            Regions regions,
            IndustryChains chains,
            Stations stations,
            Problems problems) {
        this.catalog = catalog;
        this.views = views;
        this.regions = regions;
        this.chains = chains;
        this.stations = stations;
        this.problems = problems;
    }

    /**
     * What the form posts: every value as typed. Parties one per line for each role (a name, {@code #number} or
     * {@code name #number}); figures one per line as {@code name=number unit}.
     */
    record CaseForm(
            String title,
            String problem,
            String solution,
            String demandSide,
            String supplySide,
            String broker,
            String figures,
            String keywords,
            String industryCode,
            String chainNodeCode,
            String regionCode,
            String demandId,
            String achievementId,
            String expertIds,
            Long stationId,
            Integer version) {

        static CaseForm empty(Long station) {
            return new CaseForm(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, station, null);
        }

        static CaseForm of(ApplicationCase found) {
            CaseContent c = found.content();
            return new CaseForm(
                    c.title(),
                    c.problem(),
                    c.solution(),
                    partyLines(c, PartyRole.DEMAND_SIDE),
                    partyLines(c, PartyRole.SUPPLY_SIDE),
                    partyLines(c, PartyRole.BROKER),
                    c.figures().stream()
                            .map(f -> (f.kind() == FigureKind.ofUnit(f.unit())
                                            ? ""
                                            : f.kind().chineseName() + ":") + f.name() + "="
                                    + f.value().stripTrailingZeros().toPlainString() + f.unit())
                            .collect(Collectors.joining("\n")),
                    String.join("；", c.keywords()),
                    c.industryCode(),
                    c.chainNodeCode(),
                    c.regionCode(),
                    c.demandId() == null ? null : c.demandId().toString(),
                    c.achievementId() == null ? null : c.achievementId().toString(),
                    c.expertIds().stream().map(String::valueOf).collect(Collectors.joining("；")),
                    found.stationId(),
                    found.version());
        }

        private static String partyLines(CaseContent content, PartyRole role) {
            return content.parties().stream()
                    .filter(p -> p.role() == role)
                    .map(p -> p.organizationId() == null ? p.name() : p.name() + " #" + p.organizationId())
                    .collect(Collectors.joining("\n"));
        }

        /** The draft the rules check; record numbers that are not numbers are refused like unknown records. */
        CaseDraft draft() {
            List<Violation> violations = new ArrayList<>();
            List<CaseDraft.PartyDraft> parties = new ArrayList<>();
            parties.addAll(CaseRules.partyItems(PartyRole.DEMAND_SIDE, lines(demandSide)));
            parties.addAll(CaseRules.partyItems(PartyRole.SUPPLY_SIDE, lines(supplySide)));
            parties.addAll(CaseRules.partyItems(PartyRole.BROKER, lines(broker)));
            List<Long> demand =
                    CaseRules.numbers(violations, "demandId", CaseRules.items(demandId), "case.demand.unknown");
            List<Long> achievement = CaseRules.numbers(
                    violations, "achievementId", CaseRules.items(achievementId), "case.achievement.unknown");
            List<Long> experts =
                    CaseRules.numbers(violations, "expertIds", CaseRules.items(expertIds), "case.expert.unknown");
            Long demandLink = CaseRules.single(violations, "demandId", demand);
            Long achievementLink = CaseRules.single(violations, "achievementId", achievement);
            if (!violations.isEmpty()) {
                throw new CaseRejected(violations);
            }
            return new CaseDraft(
                    title,
                    problem,
                    solution,
                    parties,
                    CaseRules.figureItems(figures),
                    CaseRules.items(keywords),
                    industryCode,
                    chainNodeCode,
                    regionCode,
                    demandLink,
                    achievementLink,
                    experts,
                    stationId,
                    version);
        }

        private static List<String> lines(String typed) {
            List<String> lines = new ArrayList<>();
            if (typed != null) {
                for (String line : typed.split("\\R")) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            }
            return lines;
        }

        /** The form as posted, minus values too long to send back into the page (they are refused anyway). */
        CaseForm safeEcho() {
            return new CaseForm(
                    cut(title, CaseRules.TITLE_MAX),
                    cut(problem, CaseRules.TEXT_MAX),
                    cut(solution, CaseRules.TEXT_MAX),
                    cut(demandSide, 4000),
                    cut(supplySide, 4000),
                    cut(broker, 4000),
                    cut(figures, 4000),
                    cut(keywords, 2000),
                    cut(industryCode, 40),
                    cut(chainNodeCode, 40),
                    cut(regionCode, 40),
                    cut(demandId, 40),
                    cut(achievementId, 40),
                    cut(expertIds, 500),
                    stationId,
                    version);
        }

        private static String cut(String value, int max) {
            return value == null || value.length() <= max ? value : value.substring(0, max);
        }
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("industry", industry);
        filters.put("chain", chain);
        filters.put("province", province);
        filters.put("kind", kind);
        filters.put("keyword", keyword);
        filters.put("q", q);
        filters.put("station", station);
        filters.put("mine", mine ? Boolean.TRUE : null);
        model.addAllAttributes(filters);
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("chains", chains.all());
        model.addAttribute("kinds", FigureKind.values());
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute(
                "curator",
                user != null
                        && (user.isOperator() || !user.administeredStations().isEmpty()));
        model.addAttribute("mayPost", CaseCatalog.mayPost(user));
        model.addAttribute("curatedStations", curatedStations(user));
        listing(
                new CaseCatalog.Query(
                        status, mine, industry, chain, province, kind, keyword, null, null, null, q, station, page,
                        PAGE_SIZE),
                user,
                model,
                locale);
        return "caselib/list";
    }

    private void listing(CaseCatalog.Query query, CurrentUser user, Model model, Locale locale) {
        try {
            var found = catalog.search(query, user);
            model.addAttribute("total", found.total());
            model.addAttribute(
                    "cases",
                    found.results().stream().map(c -> views.of(c, user, locale)).toList());
            model.addAttribute("page", Math.max(query.page(), 0));
            model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        } catch (DomainException badFilter) {
            model.addAttribute("filterError", problems.message(badFilter.key(), badFilter.args(), locale));
            model.addAttribute("total", 0L);
            model.addAttribute("cases", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 0L);
        }
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return detailPage(catalog.get(id, user), user, model, locale, null);
    }

    private String detailPage(ApplicationCase found, CurrentUser user, Model model, Locale locale, String actionError) {
        model.addAttribute("c", views.of(found, user, locale));
        model.addAttribute("updated", SHOWN_TIME.format(found.updatedAt()));
        boolean mayEdit = catalog.mayEdit(user, found);
        PublicationStatus status = found.status();
        model.addAttribute("mayEdit", mayEdit && status != PublicationStatus.ARCHIVED);
        model.addAttribute("maySubmit", mayEdit && status.canMoveTo(PublicationStatus.SUBMITTED));
        model.addAttribute("mayArchive", mayEdit && status.canMoveTo(PublicationStatus.ARCHIVED));
        model.addAttribute("mayReturn", catalog.curates(user, found) && status.canMoveTo(PublicationStatus.RETURNED));
        model.addAttribute("actionError", actionError);
        boolean everything = CaseAccess.seesEverything(user, found);
        model.addAttribute(
                "history",
                everything
                        ? catalog.history(found.id(), user).stream()
                                .map(CasePages::historyRow)
                                .toList()
                        : List.of());
        model.addAttribute("showHistory", everything);
        return "caselib/detail";
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

    @GetMapping("/cases/new")
    String newForm(
            @RequestParam(required = false) Long station, @AuthenticationPrincipal CurrentUser user, Model model) {
        mayPost(user);
        return form(model, user, CaseForm.empty(station), null, Map.of());
    }

    @PostMapping("/cases")
    String create(
            @ModelAttribute CaseForm form, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        mayPost(user);
        try {
            ApplicationCase created = catalog.create(form.draft(), user);
            return "redirect:/cases/" + created.id() + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, null, locale);
        }
    }

    @GetMapping("/cases/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ApplicationCase found = editable(id, user);
        return form(model, user, CaseForm.of(found), found, Map.of());
    }

    @PostMapping("/cases/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute CaseForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        ApplicationCase found = editable(id, user);
        try {
            catalog.revise(id, form.draft(), user);
            return "redirect:/cases/" + id + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, found, locale);
        }
    }

    @PostMapping("/cases/{id}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        CaseCatalog.requireSignedIn(user);
        try {
            ApplicationCase submitted = catalog.submit(id, user);
            return "redirect:/cases/" + id + "?" + submitted.status().name().toLowerCase(Locale.ROOT);
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/cases/{id}/return")
    String returnToAuthor(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        CaseCatalog.requireSignedIn(user);
        try {
            catalog.returnWith(id, reason, user);
            return curation == null
                    ? "redirect:/cases/" + id + "?returned"
                    : "redirect:/stations/" + curation + "/curation/cases?returned";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/cases/{id}/archive")
    String archive(
            @PathVariable long id,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        CaseCatalog.requireSignedIn(user);
        try {
            catalog.archive(id, user);
            return curation == null
                    ? "redirect:/cases/" + id + "?archived"
                    : "redirect:/stations/" + curation + "/curation/cases?archived";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    /** A station's cases by status for its admins (and operators). */
    @GetMapping("/stations/{stationId}/curation/cases")
    String curation(
            @PathVariable long stationId,
            @RequestParam(defaultValue = "SUBMITTED") String status,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        CaseCatalog.requireSignedIn(user);
        Stations.StationSummary station = stations.find(stationId).orElseThrow(CaseCatalog::notFound);
        if (!user.administers(stationId)) {
            throw DomainException.forbidden("case.curators-only");
        }
        model.addAttribute("station", station);
        model.addAttribute("status", status);
        model.addAttribute("statuses", PublicationStatus.values());
        listing(CaseCatalog.Query.station(stationId, status, page, PAGE_SIZE), user, model, locale);
        return "caselib/curation";
    }

    private String refusedAction(long id, DomainException refused, CurrentUser user, Model model, Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        return detailPage(
                catalog.get(id, user), user, model, locale, problems.message(refused.key(), refused.args(), locale));
    }

    private String refusedForm(
            DomainException refused,
            Model model,
            CurrentUser user,
            CaseForm form,
            ApplicationCase found,
            Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Violation> violations =
                refused instanceof CaseRejected rejected ? rejected.violations() : List.of(Violation.of(refused));
        for (Violation v : violations) {
            String field = v.field() == null ? "form" : v.field();
            errors.merge(field, problems.message(v.key(), v.argArray(), locale), (a, b) -> a + " " + b);
        }
        if (refused instanceof CaseStale) {
            errors.putIfAbsent("form", problems.message(refused.key(), refused.args(), locale));
        }
        return form(model, user, form.safeEcho(), found, errors);
    }

    private String form(
            Model model, CurrentUser user, CaseForm form, ApplicationCase found, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("caseId", found == null ? null : found.id());
        model.addAttribute("caseTitle", found == null ? null : found.content().title());
        model.addAttribute("errors", errors);
        model.addAttribute("chains", chains.all());
        model.addAttribute("stations", found == null ? postableStations(user, form.stationId()) : List.of());
        return "caselib/form";
    }

    /** The stations a new case may be entered into: those the user administers, and one a link named. */
    private List<Stations.StationSummary> postableStations(CurrentUser user, Long named) {
        List<Stations.StationSummary> postable = new ArrayList<>(curatedStations(user));
        if (named != null && CaseAccess.mayPost(user)) {
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

    private ApplicationCase editable(long id, CurrentUser user) {
        CaseCatalog.requireSignedIn(user);
        ApplicationCase found = catalog.get(id, user);
        if (!catalog.mayEdit(user, found)) {
            throw DomainException.forbidden("case.not-yours");
        }
        return found;
    }

    private static void mayPost(CurrentUser user) {
        CaseCatalog.requireSignedIn(user);
        if (!CaseCatalog.mayPost(user)) {
            throw DomainException.forbidden("case.post.forbidden");
        }
    }
}
