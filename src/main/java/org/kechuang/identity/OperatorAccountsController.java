package org.kechuang.identity;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Operators find accounts and grant or revoke roles. Station admins are not made here: they are appointed on the
 * station's page, for that station.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class OperatorAccountsController {

    static final int PAGE_SIZE = 50;
    static final List<Role> GRANTABLE =
            Arrays.stream(Role.values()).filter(r -> r != Role.STATION_ADMIN).toList();

    record Row(Account account, ZonedDateTime createdAt, List<Role> missingRoles) {}

    private final AccountStore store;
    private final Accounts accounts;
    private final MessageSource messages;

    OperatorAccountsController(AccountStore store, Accounts accounts, MessageSource messages) {
        this.store = store;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Bean
    static NavigationItem operatorAccountsNavigation() {
        return NavigationItem.forAuthority(
                950, "nav.operator.accounts", "/operator/accounts", Role.OPERATOR.authority());
    }

    @GetMapping("/operator/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        String query = Optional.ofNullable(Text.cleanOrNull(q))
                .filter(text -> text.length() <= 254)
                .orElse(null);
        long total = store.count(query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("grantable", GRANTABLE);
        model.addAttribute(
                "rows",
                store.search(query, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(a -> new Row(
                                a,
                                ProfileController.local(a.createdAt()),
                                GRANTABLE.stream().filter(r -> !a.has(r)).toList()))
                        .toList());
        return "operator/accounts";
    }

    @PostMapping("/operator/accounts/{id}/roles")
    String changeRole(
            @AuthenticationPrincipal CurrentUser operator,
            @PathVariable long id,
            @RequestParam String role,
            @RequestParam String action,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Locale locale,
            RedirectAttributes redirect) {
        Role chosen = Arrays.stream(Role.values())
                .filter(r -> r.name().equals(role))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "role.unknown"));
        Account account = accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            switch (action) {
                case "grant" -> accounts.grant(id, chosen);
                case "revoke" -> {
                    if (chosen == Role.OPERATOR && id == operator.id()) {
                        throw DomainException.invalid("role", "role.own-operator");
                    }
                    accounts.revoke(id, chosen);
                }
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action");
            }
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage(
                            "operator.accounts.done." + action,
                            new Object[] {messages.getMessage("role." + chosen, null, locale), account.username()},
                            locale));
        } catch (DomainException refused) {
            redirect.addFlashAttribute(
                    "refusal", messages.getMessage("problem." + refused.key(), refused.args(), locale));
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/operator/accounts")
                        .queryParamIfPresent("q", Optional.ofNullable(Text.cleanOrNull(q)))
                        .queryParam("page", page)
                        .encode()
                        .build()
                        .toUriString();
    }
}
