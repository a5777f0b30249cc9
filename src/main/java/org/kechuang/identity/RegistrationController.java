package org.kechuang.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registration, e-mail verification and password reset pages, open to visitors. */
@Controller
class RegistrationController {

    private final Registration registration;
    private final MessageSource messages;
    private final IdentityProperties properties;

    RegistrationController(Registration registration, MessageSource messages, IdentityProperties properties) {
        this.registration = registration;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", echo(new Registration.Form("", "", "", null, null, "ENTERPRISE")));
        model.addAttribute("errors", Map.of());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation,
            @RequestParam(required = false) String kind,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Registration.Form form =
                new Registration.Form(username, email, displayName, password, passwordConfirmation, kind);
        Registration.Outcome outcome = registration.register(form, locale);
        if (outcome instanceof Registration.Refused refused) {
            List<Refusal> refusals = refused.refusals();
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", echo(form));
            model.addAttribute("errors", FormErrors.of(refusals, messages, locale));
            return "identity/register";
        }
        Registration.Registered registered = (Registration.Registered) outcome;
        redirect.addFlashAttribute("email", registered.account().email());
        redirect.addFlashAttribute("mailSent", registered.mailSent());
        redirect.addFlashAttribute(
                "hours", properties.verificationLinkValidity().toHours());
        return "redirect:/register/done";
    }

    @GetMapping("/register/done")
    String registered(Model model) {
        if (!model.containsAttribute("email")) {
            return "redirect:/register";
        }
        return "identity/registered";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("verified", registration.verify(token));
        return "identity/verified";
    }

    @PostMapping("/verify/resend")
    String resend(@RequestParam(required = false) String email, Locale locale, Model model) {
        registration.resendVerification(email, locale);
        model.addAttribute("message", "verify.resend.sent");
        return "identity/message";
    }

    @GetMapping("/password-reset")
    String resetRequestForm() {
        return "identity/password-reset";
    }

    @PostMapping("/password-reset")
    String requestReset(@RequestParam(required = false) String email, Locale locale, Model model) {
        registration.requestPasswordReset(email, locale);
        model.addAttribute("message", "reset.sent");
        return "identity/message";
    }

    @GetMapping("/password-reset/new")
    String newPasswordForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (registration.resetLinkAccount(token).isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("message", "reset.link-invalid");
            return "identity/message";
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "identity/password-new";
    }

    @PostMapping("/password-reset/new")
    String setNewPassword(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        List<Refusal> refusals = registration.resetPassword(token, password, passwordConfirmation);
        if (refusals.stream().anyMatch(r -> r.field().equals("token"))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("message", "reset.link-invalid");
            return "identity/message";
        }
        if (!refusals.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("errors", FormErrors.of(refusals, messages, locale));
            return "identity/password-new";
        }
        model.addAttribute("message", "reset.done");
        model.addAttribute("success", true);
        return "identity/message";
    }

    private static Map<String, String> echo(Registration.Form form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", FormErrors.echo(form.username()));
        values.put("email", FormErrors.echo(form.email()));
        values.put("displayName", FormErrors.echo(form.displayName()));
        values.put("kind", FormErrors.echo(form.kind()));
        return values;
    }
}
