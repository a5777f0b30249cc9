package org.kechuang.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kechuang.platform.web.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: details, personal access tokens, password. */
@Controller
class ProfileController {

    record TokenRow(long id, String name, ZonedDateTime createdAt, ZonedDateTime lastUsedAt) {}

    private final AccountStore accounts;
    private final AccessTokens tokens;
    private final Registration registration;
    private final MessageSource messages;

    ProfileController(AccountStore accounts, AccessTokens tokens, Registration registration, MessageSource messages) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.registration = registration;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
        return render(user, model, Map.of());
    }

    @PostMapping("/profile/tokens")
    String createToken(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String name,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(user.id(), name));
        } catch (DomainException refused) {
            redirect.addFlashAttribute(
                    "tokenError", messages.getMessage("problem." + refused.key(), refused.args(), locale));
        }
        return "redirect:/profile#tokens";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(user.id(), id);
        } catch (DomainException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.key());
        }
        redirect.addFlashAttribute("notice", "profile.tokens.revoked");
        return "redirect:/profile#tokens";
    }

    @PostMapping("/profile/password")
    String changePassword(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<Refusal> refusals =
                registration.changePassword(user.id(), currentPassword, password, passwordConfirmation);
        if (!refusals.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(user, model, FormErrors.of(refusals, messages, locale));
        }
        redirect.addFlashAttribute("notice", "profile.password.changed");
        return "redirect:/profile";
    }

    private String render(CurrentUser user, Model model, Map<String, String> errors) {
        Account account = accounts.findById(user.id()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("createdAt", local(account.createdAt()));
        model.addAttribute("roles", account.roles().stream().sorted().toList());
        model.addAttribute(
                "stations", account.administeredStations().stream().sorted().toList());
        model.addAttribute(
                "tokens",
                tokens.liveTokensOf(user.id()).stream()
                        .map(t -> new TokenRow(t.id(), t.name(), local(t.createdAt()), local(t.lastUsedAt())))
                        .toList());
        model.addAttribute("errors", errors);
        return "identity/profile";
    }

    static ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneId.systemDefault());
    }
}
