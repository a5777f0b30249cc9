package org.kechuang.achievement;

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

/** The achievement pages: the public list and detail, the members' forms and the station admins' curation page. */
@Controller
class AchievementPages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final AchievementCatalog catalog;
    private final AchievementViews views;
    private final Regions regions;
    private final IndustryChains chains;
    private final Stations stations;
    private final Problems problems;

    AchievementPages(
            AchievementCatalog catalog,
            AchievementViews views,
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

    /** What the form posts: every value as typed; keywords and patents separated, inventors one per line. */
    record AchievementForm(
            String title,
            String description,
            String keywords,
            String technologyField,
            String disciplineCode,
            String industryCode,
            String chainNodeCode,
            String trl,
            String patents,
            List<String> transferModes,
            String priceMin,
            String priceMax,
            String organizationId,
            String inventors,
            String regionCode,
            Long stationId,
            Integer version) {

        static AchievementForm empty() {
            return new AchievementForm(
                    null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null,
                    null);
        }

        static AchievementForm of(Achievement achievement) {
            AchievementContent c = achievement.content();
            return new AchievementForm(
                    c.title(),
                    c.description(),
                    String.join("；", c.keywords()),
                    c.technologyField(),
                    c.disciplineCode(),
                    c.industryCode(),
                    c.chainNodeCode(),
                    c.trl() == null ? null : Integer.toString(c.trl().level()),
                    c.patents().stream().map(PatentNumber::canonical).collect(Collectors.joining("\n")),
                    c.transferModes().stream().map(Enum::name).toList(),
                    c.priceMin() == null
                            ? null
                            : c.priceMin().stripTrailingZeros().toPlainString(),
                    c.priceMax() == null
                            ? null
                            : c.priceMax().stripTrailingZeros().toPlainString(),
                    c.organizationId() == null ? null : c.organizationId().toString(),
                    c.inventors().stream()
                            .map(i -> i.expertId() == null ? i.name() : i.name() + " #" + i.expertId())
                            .collect(Collectors.joining("\n")),
                    c.regionCode(),
                    achievement.stationId(),
                    achievement.version());
        }

        public boolean has(String mode) {
            return transferModes != null && transferModes.contains(mode);
        }

        /** The draft the rules check; an organization id that is not a number is refused like an unknown one. */
        AchievementDraft draft() {
            Long organization = null;
            String typed = organizationId == null ? null : organizationId.strip();
            if (typed != null && !typed.isEmpty()) {
                try {
                    organization = Long.valueOf(org.kechuang.platform.text.Text.clean(typed));
                } catch (NumberFormatException notANumber) {
                    throw new AchievementRejected(List.of(Violation.of(
                            "organizationId", "achievement.organization.unknown", AchievementCatalog.echo(typed))));
                }
            }
            return new AchievementDraft(
                    title,
                    description,
                    AchievementRules.items(keywords),
                    technologyField,
                    disciplineCode,
                    industryCode,
                    chainNodeCode,
                    trl,
                    AchievementRules.items(patents),
                    transferModes,
                    priceMin,
                    priceMax,
                    organization,
                    inventorLines(inventors),
                    regionCode,
                    stationId,
                    version);
        }

        /** One inventor per line: the name, optionally followed by {@code #} and the expert's number. */
        static List<Inventor> inventorLines(String lines) {
            List<Inventor> inventors = new ArrayList<>();
            if (lines == null) {
                return inventors;
            }
            for (String line : lines.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                java.util.regex.Matcher linked = INVENTOR_LINE.matcher(trimmed);
                if (linked.matches()) {
                    inventors.add(new Inventor(
                            linked.group(1).strip(),
                            Long.valueOf(org.kechuang.platform.text.Text.clean(linked.group(2)))));
                } else {
                    inventors.add(new Inventor(trimmed, null));
                }
            }
            return inventors;
        }
    }

    private static final java.util.regex.Pattern INVENTOR_LINE =
            java.util.regex.Pattern.compile("(.+?)\\s*[#＃]\\s*([0-9０-９]{1,15})");

    @GetMapping("/achievements")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String trl,
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
        filters.put("mode", mode);
        filters.put("q", q);
        filters.put("station", station);
        filters.put("mine", mine ? Boolean.TRUE : null);
        filters.put("trl", trl);
        filters.put("keyword", keyword);
        model.addAllAttributes(filters);
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("chains", chains.all());
        model.addAttribute("modes", offeredModes());
        model.addAttribute("levels", MaturityLevel.values());
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute(
                "curator",
                user != null
                        && (user.isOperator() || !user.administeredStations().isEmpty()));
        model.addAttribute("mayPost", AchievementCatalog.mayPost(user));
        model.addAttribute("curatedStations", curatedStations(user));
        listing(
                new AchievementCatalog.Query(
                        status, mine, industry, chain, province, mode, trl, keyword, null, q, station, page, PAGE_SIZE),
                user,
                model,
                locale);
        return "achievement/list";
    }

    private void listing(AchievementCatalog.Query query, CurrentUser user, Model model, Locale locale) {
        try {
            var found = catalog.search(query, user);
            model.addAttribute("total", found.total());
            model.addAttribute(
                    "achievements",
                    found.results().stream().map(d -> views.of(d, user, locale)).toList());
            model.addAttribute("page", Math.max(query.page(), 0));
            model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        } catch (DomainException badFilter) {
            model.addAttribute("filterError", problems.message(badFilter.key(), badFilter.args(), locale));
            model.addAttribute("total", 0L);
            model.addAttribute("achievements", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 0L);
        }
    }

    @GetMapping("/achievements/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return detailPage(catalog.get(id, user), user, model, locale, null);
    }

    private String detailPage(
            Achievement achievement, CurrentUser user, Model model, Locale locale, String actionError) {
        model.addAttribute("achievement", views.of(achievement, user, locale));
        model.addAttribute("updated", SHOWN_TIME.format(achievement.updatedAt()));
        model.addAttribute("signedIn", user != null);
        boolean mayEdit = catalog.mayEdit(user, achievement);
        PublicationStatus status = achievement.status();
        model.addAttribute("mayEdit", mayEdit && status != PublicationStatus.ARCHIVED);
        model.addAttribute("maySubmit", mayEdit && status.canMoveTo(PublicationStatus.SUBMITTED));
        model.addAttribute("mayArchive", mayEdit && status.canMoveTo(PublicationStatus.ARCHIVED));
        model.addAttribute(
                "mayReturn", catalog.curates(user, achievement) && status.canMoveTo(PublicationStatus.RETURNED));
        model.addAttribute("actionError", actionError);
        boolean everything = AchievementAccess.seesEverything(user, achievement);
        model.addAttribute(
                "history",
                everything
                        ? catalog.history(achievement.id(), user).stream()
                                .map(AchievementPages::historyRow)
                                .toList()
                        : List.of());
        model.addAttribute("showHistory", everything);
        return "achievement/detail";
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

    @GetMapping("/achievements/new")
    String newForm(
            @RequestParam(required = false) Long station, @AuthenticationPrincipal CurrentUser user, Model model) {
        mayPost(user);
        AchievementForm form = AchievementForm.empty();
        return form(model, user, station == null ? form : withStation(form, station), null, Map.of());
    }

    @PostMapping("/achievements")
    String create(
            @ModelAttribute AchievementForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        mayPost(user);
        try {
            Achievement created = catalog.create(form.draft(), user);
            return "redirect:/achievements/" + created.id() + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, null, locale);
        }
    }

    @GetMapping("/achievements/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Achievement achievement = editable(id, user);
        return form(model, user, AchievementForm.of(achievement), achievement, Map.of());
    }

    @PostMapping("/achievements/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute AchievementForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Achievement achievement = editable(id, user);
        try {
            catalog.revise(id, form.draft(), user);
            return "redirect:/achievements/" + id + "?saved";
        } catch (DomainException refused) {
            return refusedForm(refused, model, user, form, achievement, locale);
        }
    }

    @PostMapping("/achievements/{id}/submit")
    String submit(
            @PathVariable long id,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        AchievementCatalog.requireSignedIn(user);
        try {
            Achievement submitted = catalog.submit(id, user);
            return "redirect:/achievements/" + id + "?"
                    + submitted.status().name().toLowerCase(Locale.ROOT);
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/achievements/{id}/return")
    String returnToAuthor(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        AchievementCatalog.requireSignedIn(user);
        try {
            catalog.returnWith(id, reason, user);
            return curation == null
                    ? "redirect:/achievements/" + id + "?returned"
                    : "redirect:/stations/" + curation + "/curation/achievements?returned";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    @PostMapping("/achievements/{id}/archive")
    String archive(
            @PathVariable long id,
            @RequestParam(required = false) Long curation,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        AchievementCatalog.requireSignedIn(user);
        try {
            catalog.archive(id, user);
            return curation == null
                    ? "redirect:/achievements/" + id + "?archived"
                    : "redirect:/stations/" + curation + "/curation/achievements?archived";
        } catch (DomainException refused) {
            return refusedAction(id, refused, user, model, locale);
        }
    }

    /** A station's achievements by status for its admins (and operators). */
    @GetMapping("/stations/{stationId}/curation/achievements")
    String curation(
            @PathVariable long stationId,
            @RequestParam(defaultValue = "SUBMITTED") String status,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        AchievementCatalog.requireSignedIn(user);
        Stations.StationSummary station = stations.find(stationId).orElseThrow(AchievementCatalog::notFound);
        if (!user.administers(stationId)) {
            throw DomainException.forbidden("achievement.curators-only");
        }
        model.addAttribute("station", station);
        model.addAttribute("status", status);
        model.addAttribute("statuses", PublicationStatus.values());
        listing(
                new AchievementCatalog.Query(
                        status, false, null, null, null, null, null, null, null, null, stationId, page, PAGE_SIZE),
                user,
                model,
                locale);
        return "achievement/curation";
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
            DomainException refused,
            Model model,
            CurrentUser user,
            AchievementForm form,
            Achievement achievement,
            Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Violation> violations = refused instanceof AchievementRejected rejected
                ? rejected.violations()
                : List.of(Violation.of(refused));
        for (Violation v : violations) {
            String field = v.field() == null ? "form" : v.field();
            errors.putIfAbsent(field, problems.message(v.key(), v.argArray(), locale));
        }
        if (refused instanceof AchievementStale) {
            errors.putIfAbsent("form", problems.message(refused.key(), refused.args(), locale));
        }
        return form(model, user, safeEcho(form), achievement, errors);
    }

    /** The form as posted, minus values too long to send back into the page (they are refused anyway). */
    private static AchievementForm safeEcho(AchievementForm form) {
        return new AchievementForm(
                cut(form.title(), AchievementRules.TITLE_MAX),
                cut(form.description(), AchievementRules.DESCRIPTION_MAX),
                cut(form.keywords(), 2000),
                cut(form.technologyField(), AchievementRules.FIELD_MAX),
                cut(form.disciplineCode(), 40),
                cut(form.industryCode(), 40),
                cut(form.chainNodeCode(), 40),
                cut(form.trl(), 40),
                cut(form.patents(), 2000),
                form.transferModes() == null
                        ? List.of()
                        : form.transferModes().stream().map(m -> cut(m, 40)).toList(),
                cut(form.priceMin(), 40),
                cut(form.priceMax(), 40),
                cut(form.organizationId(), 40),
                cut(form.inventors(), 3000),
                cut(form.regionCode(), 40),
                form.stationId(),
                form.version());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static AchievementForm withStation(AchievementForm form, long station) {
        return new AchievementForm(
                form.title(),
                form.description(),
                form.keywords(),
                form.technologyField(),
                form.disciplineCode(),
                form.industryCode(),
                form.chainNodeCode(),
                form.trl(),
                form.patents(),
                form.transferModes(),
                form.priceMin(),
                form.priceMax(),
                form.organizationId(),
                form.inventors(),
                form.regionCode(),
                station,
                form.version());
    }

    private static List<CooperationMode> offeredModes() {
        return java.util.Arrays.stream(CooperationMode.values())
                .filter(CooperationMode::appliesToAchievements)
                .toList();
    }

    private String form(
            Model model, CurrentUser user, AchievementForm form, Achievement achievement, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("achievement", achievement == null ? null : achievement.id());
        model.addAttribute(
                "achievementTitle",
                achievement == null ? null : achievement.content().title());
        model.addAttribute("errors", errors);
        model.addAttribute("modes", offeredModes());
        model.addAttribute("levels", MaturityLevel.values());
        model.addAttribute("chains", chains.all());
        model.addAttribute("stations", achievement == null ? postableStations(user, form.stationId()) : List.of());
        return "achievement/form";
    }

    /**
     * The stations a new achievement may be entered into: those the user administers, and the one a link named (members
     * post into a station from its pages); members may also post without a station.
     */
    private List<Stations.StationSummary> postableStations(CurrentUser user, Long named) {
        List<Stations.StationSummary> postable = new ArrayList<>(curatedStations(user));
        if (named != null && AchievementAccess.mayPost(user)) {
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

    private Achievement editable(long id, CurrentUser user) {
        AchievementCatalog.requireSignedIn(user);
        Achievement achievement = catalog.get(id, user);
        if (!catalog.mayEdit(user, achievement)) {
            throw DomainException.forbidden("achievement.not-yours");
        }
        return achievement;
    }

    private static void mayPost(CurrentUser user) {
        AchievementCatalog.requireSignedIn(user);
        if (!AchievementCatalog.mayPost(user)) {
            throw DomainException.forbidden("achievement.post.forbidden");
        }
    }
}
