package org.kechuang.dedup;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The operator's list of candidate duplicates: each group side by side, keep one and merge the others, or dismiss. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class DuplicatePages {

    static final int PAGE_SIZE = 20;
    static final String PATH = "/operator/duplicates";

    private final DuplicateDesk desk;
    private final MessageSource messages;

    DuplicatePages(DuplicateDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    @Bean
    static NavigationItem duplicatesNavigation() {
        return NavigationItem.forAuthority(945, "dedup.nav", PATH, Role.OPERATOR.authority());
    }

    @GetMapping(PATH)
    String list(
            @RequestParam(required = false) String library, @RequestParam(defaultValue = "1") int page, Model model) {
        String shown = library != null && desk.libraries().contains(library) ? library : null;
        List<DuplicateDesk.Candidate> all = desk.candidates(shown);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        int from = (current - 1) * PAGE_SIZE;
        model.addAttribute("library", shown);
        model.addAttribute("libraries", desk.libraries());
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("zone", ZoneId.systemDefault());
        model.addAttribute("groups", desk.describe(all.subList(from, Math.min(all.size(), from + PAGE_SIZE))));
        return "dedup/duplicates";
    }

    @PostMapping(PATH + "/merge")
    String merge(
            @RequestParam String library,
            @RequestParam long keptId,
            @RequestParam List<Long> recordIds,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal CurrentUser operator,
            Locale locale,
            RedirectAttributes redirect) {
        List<Long> merged =
                recordIds.stream().filter(id -> id != keptId).distinct().toList();
        try {
            List<DuplicateDesk.CarriedProvenance> carried = desk.merge(library, keptId, merged, operator.id());
            redirect.addFlashAttribute(
                    "notice", message("dedup.merged", locale, merged.size(), Long.toString(keptId), carried.size()));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", message("problem." + refused.key(), locale, refused.args()));
        }
        return back(library, page);
    }

    @PostMapping(PATH + "/dismiss")
    String dismiss(
            @RequestParam String library,
            @RequestParam String reason,
            @RequestParam List<Long> recordIds,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal CurrentUser operator,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            desk.dismiss(library, reason, recordIds, operator.id());
            redirect.addFlashAttribute("notice", message("dedup.dismissed", locale, recordIds.size()));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", message("problem." + refused.key(), locale, refused.args()));
        }
        return back(library, page);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String back(String library, int page) {
        return "redirect:"
                + UriComponentsBuilder.fromPath(PATH)
                        .queryParam("library", library)
                        .queryParam("page", Math.max(1, page))
                        .build()
                        .toUriString();
    }
}
