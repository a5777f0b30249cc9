package org.kechuang.knowledge;

import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of my saved searches, and saving the current search from the results page. */
@Controller
class SavedSearchPages {

    private final SavedSearches savedSearches;
    private final Problems problems;

    SavedSearchPages(SavedSearches savedSearches, Problems problems) {
        this.savedSearches = savedSearches;
        this.problems = problems;
    }

    @GetMapping("/saved-searches")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<SavedSearch> mine = savedSearches.of(user.id());
        model.addAttribute("savedSearches", mine);
        model.addAttribute("digests", Digest.values());
        return "knowledge/saved-searches";
    }

    /** Saves the search shown on {@code /search} (its words and filters come as hidden fields). */
    @PostMapping("/saved-searches")
    String save(
            @RequestParam String name,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer trl,
            @RequestParam(defaultValue = "false") boolean notify,
            @RequestParam(required = false) String digest,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            SavedSearch saved = savedSearches.save(
                    user.id(),
                    new Criteria(q, type, industry, chain, region, trl),
                    new SavedSearches.Settings(name, notify, Digest.parse(digest)),
                    locale);
            redirect.addFlashAttribute("savedId", saved.id());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", problems.message(refused.key(), refused.args(), locale));
        }
        return "redirect:/saved-searches";
    }

    @PostMapping("/saved-searches/{id}")
    String change(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean notify,
            @RequestParam(required = false) String digest,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            savedSearches.change(user.id(), id, new SavedSearches.Settings(name, notify, Digest.parse(digest)), locale);
            redirect.addFlashAttribute("changedId", id);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", problems.message(refused.key(), refused.args(), locale));
        }
        return "redirect:/saved-searches";
    }

    @PostMapping("/saved-searches/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        savedSearches.delete(user.id(), id);
        return "redirect:/saved-searches";
    }
}
