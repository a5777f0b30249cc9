package org.kechuang.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security's form login handles the POST. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) Long minutes,
            @RequestParam(required = false) String signedOut,
            Model model) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            return "redirect:/profile";
        }
        model.addAttribute("error", error);
        model.addAttribute("minutes", minutes == null ? 15 : minutes);
        model.addAttribute("signedOut", signedOut != null);
        return "identity/login";
    }
}
