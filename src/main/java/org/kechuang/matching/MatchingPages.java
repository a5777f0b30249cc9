package org.kechuang.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.search.Searcher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The match panel on the demand, achievement and expert pages (loaded by htmx), the accept / decline buttons on a
 * demand's panel, and the live preview on the demand form. The same visibility rules as the API: only records the
 * viewer may see are proposed, and only for a record they may see.
 */
@Controller
class MatchingPages {

    static final int PANEL_SIZE = 10;
    private static final Set<String> PANEL_TYPES = Set.of("demand", "achievement", "expert");
    private static final List<String> DEMAND_TARGETS = List.of("achievement", "expert", "organization");
    private static final List<String> DECLINE_REASONS =
            Arrays.stream(MatchFeedback.DeclineReason.values()).map(Enum::name).toList();

    private final Matching matching;
    private final MatchFeedback feedback;
    private final Problems problems;

    MatchingPages(Matching matching, MatchFeedback feedback, Problems problems) {
        this.matching = matching;
        this.feedback = feedback;
        this.problems = problems;
    }

    /**
     * What the panel shows.
     *
     * @param targets the kinds of record the viewer can switch between (a demand's panel: achievements, experts,
     *     organizations)
     * @param mayDecide whether the viewer may accept or decline the proposals (a demand's owner, a manager)
     * @param error a refusal in the viewer's language, or null
     */
    record Panel(
            String type,
            long id,
            String target,
            List<String> targets,
            List<Matching.Result> results,
            boolean mayDecide,
            List<String> declineReasons,
            String error) {}

    @GetMapping("/matching/panel/{type}/{id}")
    String panel(
            @PathVariable String type,
            @PathVariable long id,
            @RequestParam(required = false) String target,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        if (!PANEL_TYPES.contains(type)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("panel", contents(type, id, target, user, locale, null));
        return "matching/panel :: panel";
    }

    /** Accepts or declines a proposal from a demand's panel; answers the panel again (or the page, without htmx). */
    @PostMapping("/matching/feedback/demand/{id}")
    String decide(
            @PathVariable long id,
            @RequestParam String targetType,
            @RequestParam long targetId,
            @RequestParam String verdict,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        String error = null;
        try {
            feedback.decide(id, new MatchFeedback.Request(targetType, targetId, verdict, reason, null), user);
        } catch (DomainException refused) {
            error = problems.message(refused.key(), refused.args(), locale);
        }
        if (htmx == null) {
            return "redirect:/demands/" + id;
        }
        String target = DEMAND_TARGETS.contains(targetType) ? targetType : null;
        model.addAttribute("panel", contents("demand", id, target, user, locale, error));
        return "matching/panel :: panel";
    }

    /** What the platform would propose for the demand being written: its title, background and problems. */
    @PostMapping("/matching/preview")
    String preview(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String background,
            @RequestParam(required = false) String technicalProblems,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        String text = Stream.of(title, background, technicalProblems)
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("\n"));
        List<Matching.Result> results = List.of();
        String error = null;
        if (!text.isEmpty()) {
            try {
                results = matching.forText(text, "achievement", Searcher.of(user), PANEL_SIZE, locale);
            } catch (DomainException refused) {
                error = problems.message(refused.key(), refused.args(), locale);
            }
        }
        model.addAttribute("asked", !text.isEmpty());
        model.addAttribute("results", results);
        model.addAttribute("error", error);
        return "matching/panel :: preview";
    }

    private Panel contents(String type, long id, String target, CurrentUser user, Locale locale, String error) {
        Searcher searcher = Searcher.of(user);
        String chosen = type.equals("demand")
                ? (target != null && DEMAND_TARGETS.contains(target) ? target : "achievement")
                : "demand";
        List<Matching.Result> results;
        boolean mayDecide = false;
        try {
            results = matching.forRecord(type, id, chosen, searcher, PANEL_SIZE, locale);
            if (type.equals("demand")) {
                mayDecide = matching.visible(type, id, searcher)
                        .map(demand -> MatchFeedback.mayDecide(demand, user))
                        .orElse(false);
            }
        } catch (DomainException unknown) {
            // a record not (yet) in the matching index, or one the viewer may not see: nothing to propose
            results = List.of();
        }
        return new Panel(
                type,
                id,
                chosen,
                type.equals("demand") ? DEMAND_TARGETS : List.of("demand"),
                results,
                mayDecide,
                DECLINE_REASONS,
                error);
    }
}
