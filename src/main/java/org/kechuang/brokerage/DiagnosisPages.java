package org.kechuang.brokerage;

import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The manager's page of demands to diagnose, and the author's request for a manager's help. */
@Controller
class DiagnosisPages {

    private final Diagnoses diagnoses;
    private final DiagnosisApi views;
    private final MessageSource messages;

    DiagnosisPages(Diagnoses diagnoses, DiagnosisApi views, MessageSource messages) {
        this.diagnoses = diagnoses;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/engagements/diagnoses")
    @PreAuthorize("hasAnyRole('MANAGER', 'OPERATOR')")
    String list(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute(
                "diagnoses",
                diagnoses.list(user, null).stream()
                        .map(d -> views.view(d, locale))
                        .toList());
        return "brokerage/diagnoses";
    }

    @PostMapping("/engagements/diagnoses/{demandId}/questions")
    @PreAuthorize("hasAnyRole('MANAGER', 'OPERATOR')")
    String question(
            @PathVariable long demandId,
            @RequestParam(required = false) String questions,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            diagnoses.question(demandId, questions, user);
            redirect.addFlashAttribute("done", messages.getMessage("diagnosis.page.questioned", null, locale));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusedDemand", demandId);
            redirect.addFlashAttribute(
                    "refused", messages.getMessage("problem." + refused.key(), refused.args(), locale));
            redirect.addFlashAttribute("questions", questions);
        }
        return "redirect:/engagements/diagnoses";
    }

    @PostMapping("/engagements/diagnoses/{demandId}/done")
    @PreAuthorize("hasAnyRole('MANAGER', 'OPERATOR')")
    String done(
            @PathVariable long demandId,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            RedirectAttributes redirect) {
        diagnoses.done(demandId, user);
        redirect.addFlashAttribute("done", messages.getMessage("diagnosis.page.closed", null, locale));
        return "redirect:/engagements/diagnoses";
    }

    /** The author's "ask a technology manager" button on their demand's page. */
    @PostMapping("/engagements/diagnoses/request")
    String request(
            @RequestParam long demandId,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            diagnoses.request(demandId, null, user);
            redirect.addFlashAttribute("notice", messages.getMessage("diagnosis.page.requested", null, locale));
        } catch (DomainException refused) {
            redirect.addFlashAttribute(
                    "notice", messages.getMessage("problem." + refused.key(), refused.args(), locale));
        }
        return "redirect:/demands/" + demandId;
    }
}
