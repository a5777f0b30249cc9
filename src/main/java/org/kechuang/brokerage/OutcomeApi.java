package org.kechuang.brokerage;

import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outcomes of brokerage over the API: the funnel per station, chain and manager with its drill-down, and a manager's
 * figures. Managers see their own, station admins their stations, operators everything.
 */
@RestController
@RequestMapping("/api/v1/engagements")
@PreAuthorize("isAuthenticated()")
class OutcomeApi {

    private final Funnel funnel;
    private final ManagerFigures figures;
    private final OutcomeViews views;

    OutcomeApi(Funnel funnel, ManagerFigures figures, OutcomeViews views) {
        this.funnel = funnel;
        this.figures = figures;
        this.views = views;
    }

    /** Demands → matched → contacted → contracted → evaluated, each count with the link to its records. */
    @GetMapping("/funnel")
    OutcomeViews.FunnelView funnel(
            @RequestParam(required = false) Long station,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) Long manager,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        Funnel.Scope scope = funnel.scope(user, station, chain, manager);
        return views.funnel(funnel.counts(scope), new OutcomeViews.Filters(station, chain, manager), locale);
    }

    /** The demands behind one count of the funnel, with the engagements that put them there. */
    @GetMapping("/funnel/records")
    OutcomeViews.RecordsView records(
            @RequestParam(required = false) String step,
            @RequestParam(required = false) Long station,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) Long manager,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        FunnelStep parsed = FunnelStep.parse(step);
        Funnel.Scope scope = funnel.scope(user, station, chain, manager);
        return views.records(funnel.records(scope, parsed, page, size), parsed, page, size, user, locale);
    }

    /** Open, won, lost by reason, median days per stage: a manager's own, or for an operator any manager's. */
    @GetMapping("/figures")
    OutcomeViews.FiguresView figures(
            @RequestParam(required = false) Long manager, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.figures(figures.of(figures.managerFor(user, manager)), locale);
    }
}
