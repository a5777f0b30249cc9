package org.kechuang.demand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.IndustryChains;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The guided demand form for enterprises (需求填报向导): five steps, each checked with its field errors before the next one
 * opens, the completeness meter and the match preview beside them. All steps travel in one form (the others hidden), so
 * it needs no script: every step change is an ordinary POST that the server answers with the next step or the same one
 * with its errors; htmx only refreshes the meter and the preview while the user types.
 */
@Controller
class DemandGuide {

    static final int STEPS = 5;

    /** The fields of each step, in the form's order; whatever is not listed (a form-wide refusal) shows on the last. */
    static final List<List<String>> STEP_FIELDS = List.of(
            List.of("title", "background", "technicalProblems"),
            List.of("targetIndicators"),
            List.of("applicationScenario", "chainNodeCode", "industryCode", "regionCode"),
            List.of("cooperationModes", "budgetMin", "budgetMax", "deadline"),
            List.of("contactPerson", "contactPhone", "contactEmail", "organizationId", "confidential", "stationId"));

    private final DemandCatalog catalog;
    private final DemandRules rules;
    private final DemandViews views;
    private final IndustryChains chains;
    private final Stations stations;
    private final Problems problems;

    DemandGuide(
            DemandCatalog catalog,
            DemandRules rules,
            DemandViews views,
            IndustryChains chains,
            Stations stations,
            Problems problems) {
        this.catalog = catalog;
        this.rules = rules;
        this.views = views;
        this.chains = chains;
        this.stations = stations;
        this.problems = problems;
    }

    /** Enterprise members are guided; station admins and operators, who enter demands for others, get the whole form. */
    static boolean guided(CurrentUser user) {
        return user != null
                && user.has(Role.ENTERPRISE)
                && !user.isOperator()
                && user.administeredStations().isEmpty();
    }

    /** The step (1–5) a field is asked in. */
    static int stepOf(String field) {
        String name = field == null ? "form" : field;
        if (name.startsWith("targetIndicators")) {
            name = "targetIndicators";
        }
        for (int i = 0; i < STEP_FIELDS.size(); i++) {
            if (STEP_FIELDS.get(i).contains(name)) {
                return i + 1;
            }
        }
        return STEPS;
    }

    @PostMapping("/demands/guide")
    String create(
            @ModelAttribute DemandPages.DemandForm form,
            @RequestParam(defaultValue = "1") int step,
            @RequestParam(defaultValue = "next") String go,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        DemandPages.requirePoster(user);
        return move(form, step, go, null, user, model, locale);
    }

    @PostMapping("/demands/{id}/guide")
    String update(
            @PathVariable long id,
            @ModelAttribute DemandPages.DemandForm form,
            @RequestParam(defaultValue = "1") int step,
            @RequestParam(defaultValue = "next") String go,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Demand demand = DemandPages.editable(catalog, id, user);
        return move(form, step, go, demand, user, model, locale);
    }

    private String move(
            DemandPages.DemandForm form,
            int typedStep,
            String go,
            Demand demand,
            CurrentUser user,
            Model model,
            Locale locale) {
        int step = Math.clamp(typedStep, 1, STEPS);
        switch (go) {
            case "back" -> {
                return page(model, user, form, demand, step - 1, Map.of(), locale);
            }
            case "save", "submit" -> {
                return finish(form, go.equals("submit"), demand, user, model, locale);
            }
            default -> {
                Map<String, String> errors = errorsOfStep(form, step, locale);
                return page(model, user, form, demand, errors.isEmpty() ? step + 1 : step, errors, locale);
            }
        }
    }

    /** Stores the demand (and submits it); on a refusal, the first step with an error opens with its messages. */
    private String finish(
            DemandPages.DemandForm form, boolean submit, Demand demand, CurrentUser user, Model model, Locale locale) {
        try {
            Demand stored;
            if (demand == null) {
                stored = submit ? catalog.createAndSubmit(form.draft(), user) : catalog.create(form.draft(), user);
            } else {
                stored = submit
                        ? catalog.reviseAndSubmit(demand.id(), form.draft(), user)
                        : catalog.revise(demand.id(), form.draft(), user);
            }
            String outcome = !submit ? "saved" : stored.status().name().toLowerCase(Locale.ROOT);
            return "redirect:/demands/" + stored.id() + "?" + outcome;
        } catch (DomainException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            Map<String, String> errors = DemandPages.errorsOf(refused, problems, locale);
            int first =
                    errors.keySet().stream().mapToInt(DemandGuide::stepOf).min().orElse(STEPS);
            return page(model, user, DemandPages.safeEcho(form), demand, first, errors, locale);
        }
    }

    /** The refusals of the step's fields only: later steps are not the user's concern yet. */
    private Map<String, String> errorsOfStep(DemandPages.DemandForm form, int step, Locale locale) {
        List<Violation> violations = new ArrayList<>();
        DemandDraft draft;
        try {
            draft = form.draft();
        } catch (DemandRejected badOrganization) {
            violations.addAll(badOrganization.violations());
            draft = form.withoutOrganization().draft();
        }
        try {
            rules.validate(draft);
        } catch (DemandRejected rejected) {
            violations.addAll(rejected.violations());
        }
        if (step == 4 && violations.stream().noneMatch(v -> "deadline".equals(v.field()))) {
            // a deadline already past is refused at submission: say so on its own step, not at the end
            try {
                DemandRules.requireOpenDeadline(rules.readLeniently(draft), catalog.today());
            } catch (DemandRejected past) {
                violations.addAll(past.violations());
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : violations) {
            if (stepOf(v.field()) == step) {
                errors.putIfAbsent(DemandPages.formField(v.field()), problems.message(v.key(), v.argArray(), locale));
            }
        }
        return errors;
    }

    /** The guide at the given step with the form as typed so far. */
    String page(
            Model model,
            CurrentUser user,
            DemandPages.DemandForm form,
            Demand demand,
            int step,
            Map<String, String> errors,
            Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("step", Math.clamp(step, 1, STEPS));
        model.addAttribute("steps", STEPS);
        model.addAttribute("errors", errors);
        model.addAttribute("demand", demand == null ? null : demand.id());
        model.addAttribute(
                "demandTitle", demand == null ? null : demand.content().title());
        // the author answers a technology manager's questions here: they stay in sight on every step
        model.addAttribute(
                "questions",
                demand != null && demand.questionsBy() != null && demand.status() == PublicationStatus.RETURNED
                        ? demand.returnReason()
                        : null);
        // a draft or a returned demand may be submitted from the last step; a published one is only saved (screened)
        model.addAttribute("mayPublish", demand == null || demand.status().canMoveTo(PublicationStatus.SUBMITTED));
        model.addAttribute("modes", CooperationMode.values());
        model.addAttribute("chains", chains.all());
        model.addAttribute("stations", demand == null ? namedStation(form.stationId()) : List.of());
        model.addAttribute("completeness", completeness(form, locale));
        return "demand/guide";
    }

    /** A member posting from a station's page enters the demand into it; otherwise no station is offered. */
    private List<Stations.StationSummary> namedStation(Long stationId) {
        if (stationId == null) {
            return List.of();
        }
        return stations.find(stationId).filter(Stations.StationSummary::active).stream()
                .toList();
    }

    /** The completeness of the form as typed so far, for the meter; nothing is checked or stored. */
    DemandResource.CompletenessView completeness(DemandPages.DemandForm form, Locale locale) {
        DemandDraft draft;
        try {
            draft = form.draft();
        } catch (DemandRejected badOrganization) {
            draft = form.withoutOrganization().draft();
        }
        return views.completeness(rules.readLeniently(draft), locale);
    }

    /** The live meter: htmx posts the whole form as the user types. */
    @PostMapping("/demands/completeness")
    String meter(
            @ModelAttribute DemandPages.DemandForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        DemandPages.requirePoster(user);
        model.addAttribute("completeness", completeness(form, locale));
        return "demand/completeness :: meter";
    }
}
