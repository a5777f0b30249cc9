package org.kechuang.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /inbox/preferences}: a checkbox per notice kind and channel, and the language of notice mails. The
 * form lists every kind it shows, so a kind whose boxes are all unticked is turned off, not left as it was.
 */
@Controller
class NoticePreferencesPages {

    private final NoticePreferences preferences;
    private final Problems problems;

    NoticePreferencesPages(NoticePreferences preferences, Problems problems) {
        this.preferences = preferences;
        this.problems = problems;
    }

    @GetMapping("/inbox/preferences")
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("settings", preferences.of(user.id()));
        model.addAttribute("languages", MailLanguage.values());
        model.addAttribute("channels", Channel.values());
        return "inbox/preferences";
    }

    /**
     * @param kind every kind the form shows
     * @param inbox the kinds ticked for the inbox
     * @param email the kinds ticked for e-mail
     */
    @PostMapping("/inbox/preferences")
    String change(
            @RequestParam(name = "kind", required = false) List<String> kind,
            @RequestParam(name = "inbox", required = false) List<String> inbox,
            @RequestParam(name = "email", required = false) List<String> email,
            @RequestParam(required = false) String language,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            RedirectAttributes redirect) {
        List<NoticePreferences.Requested> requested = new ArrayList<>();
        for (String shown : kind == null ? List.<String>of() : kind) {
            List<String> channels = new ArrayList<>();
            if (inbox != null && inbox.contains(shown)) {
                channels.add(Channel.INBOX.name());
            }
            if (email != null && email.contains(shown)) {
                channels.add(Channel.EMAIL.name());
            }
            requested.add(new NoticePreferences.Requested(shown, channels));
        }
        try {
            preferences.change(user.id(), language, requested);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", problems.message(refused.key(), refused.args(), locale));
        }
        return "redirect:/inbox/preferences";
    }
}
