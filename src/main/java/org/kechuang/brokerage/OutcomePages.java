package org.kechuang.brokerage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.IndustryChains;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages {@code /engagements/funnel} (with the chart and the drill-down {@code /engagements/funnel/records}) and
 * {@code /engagements/figures}, reading exactly what the API answers. A filter the user may not use is refused as on
 * the API (403); a wrong value is shown next to the form.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class OutcomePages {

    private final Funnel funnel;
    private final ManagerFigures figures;
    private final OutcomeViews views;
    private final Stations stations;
    private final IndustryChains chains;
    private final Accounts accounts;
    private final Problems problems;
    private final JdbcClient jdbc;

    OutcomePages(
            Funnel funnel,
            ManagerFigures figures,
            OutcomeViews views,
            Stations stations,
            IndustryChains chains,
            Accounts accounts,
            Problems problems,
            JdbcClient jdbc) {
        this.funnel = funnel;
        this.figures = figures;
        this.views = views;
        this.stations = stations;
        this.chains = chains;
        this.accounts = accounts;
        this.problems = problems;
        this.jdbc = jdbc;
    }

    record Option(String value, String label) {}

    @GetMapping("/engagements/funnel")
    String funnel(
            @RequestParam(required = false) Long station,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) Long manager,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        filters(model, user, station, chain, manager, locale);
        try {
            Funnel.Scope scope = funnel.scope(user, station, chain, manager);
            OutcomeViews.Filters filters = new OutcomeViews.Filters(station, chain, manager);
            model.addAttribute("funnel", views.funnel(funnel.counts(scope), filters, locale));
            model.addAttribute("apiUrl", "/api/v1/engagements/funnel" + filters.query(null));
        } catch (DomainException refused) {
            refuse(refused, model, locale);
        }
        return "brokerage/funnel";
    }

    @GetMapping("/engagements/funnel/records")
    String records(
            @RequestParam(required = false) String step,
            @RequestParam(required = false) Long station,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) Long manager,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        int size = 20;
        OutcomeViews.Filters filters = new OutcomeViews.Filters(station, chain, manager);
        model.addAttribute("back", "/engagements/funnel" + filters.query(null));
        try {
            FunnelStep parsed = FunnelStep.parse(step);
            Funnel.Scope scope = funnel.scope(user, station, chain, manager);
            OutcomeViews.RecordsView records =
                    views.records(funnel.records(scope, parsed, page, size), parsed, page, size, user, locale);
            model.addAttribute("records", records);
            String query = filters.query(parsed);
            if (page > 0) {
                model.addAttribute("previous", "/engagements/funnel/records" + query + "&page=" + (page - 1));
            }
            if ((long) (page + 1) * size < records.total()) {
                model.addAttribute("next", "/engagements/funnel/records" + query + "&page=" + (page + 1));
            }
        } catch (DomainException refused) {
            refuse(refused, model, locale);
        }
        return "brokerage/funnel-records";
    }

    @GetMapping("/engagements/figures")
    String figures(
            @RequestParam(required = false) Long manager,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        if (user.isOperator()) {
            model.addAttribute("managers", managers());
        }
        model.addAttribute("manager", manager);
        try {
            if (user.isOperator() && manager == null) {
                return "brokerage/figures";
            }
            model.addAttribute("figures", views.figures(figures.of(figures.managerFor(user, manager)), locale));
        } catch (DomainException refused) {
            refuse(refused, model, locale);
        }
        return "brokerage/figures";
    }

    private void refuse(DomainException refused, Model model, Locale locale) {
        if (refused.status() == HttpStatus.FORBIDDEN) {
            throw refused;
        }
        model.addAttribute("refusal", problems.message(refused.key(), refused.args(), locale));
    }

    /** The choices of the form: the stations and managers the user may filter by, and every chain. */
    private void filters(Model model, CurrentUser user, Long station, String chain, Long manager, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        model.addAttribute("station", station);
        model.addAttribute("chain", chain == null || chain.isBlank() ? null : chain.strip());
        model.addAttribute("manager", manager);
        model.addAttribute(
                "chains",
                chains.all().stream()
                        .map(c -> new Option(c.code(), english ? c.nameEn() : c.name()))
                        .toList());
        Set<Long> stationIds = new TreeSet<>();
        if (user.isOperator()) {
            stationIds.addAll(jdbc.sql("select distinct station_id from engagement where station_id is not null")
                    .query(Long.class)
                    .list());
        } else if (user.has(Role.STATION_ADMIN)) {
            stationIds.addAll(user.administeredStations());
        }
        List<Option> stationOptions = new ArrayList<>();
        for (long id : stationIds) {
            stations.find(id).ifPresent(s -> stationOptions.add(new Option(Long.toString(id), s.name())));
        }
        model.addAttribute("stations", stationOptions);
        boolean choosesManager =
                user.isOperator() || !user.administeredStations().isEmpty();
        model.addAttribute("managers", choosesManager ? managers() : List.of());
    }

    private List<Option> managers() {
        return accounts.holding(Role.MANAGER).stream()
                .map(a -> new Option(Long.toString(a.id()), displayName(a)))
                .toList();
    }

    private static String displayName(Account account) {
        return account.displayName() == null ? account.username() : account.displayName();
    }
}
