package org.kechuang.moderation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The operator's moderation queue: held submissions with what was found marked, release and reject buttons. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ModerationPages {

    static final int PAGE_SIZE = 20;
    static final String PATH = "/operator/moderation";

    /** One held submission as the page shows it: each field in plain and marked pieces, times in local time. */
    record Row(
            long id,
            String recordType,
            long recordId,
            Long stationId,
            String status,
            ZonedDateTime heldAt,
            List<FindingView> findings,
            List<FieldView> fields,
            String decider,
            ZonedDateTime decidedAt,
            String reason) {}

    record FindingView(String field, String category, String matched, List<String> rules) {}

    record FieldView(String name, List<Highlighting.Piece> pieces) {}

    private final ModerationDesk desk;
    private final MessageSource messages;
    private final Accounts accounts;

    ModerationPages(ModerationDesk desk, MessageSource messages, Accounts accounts) {
        this.desk = desk;
        this.messages = messages;
        this.accounts = accounts;
    }

    @Bean
    static NavigationItem moderationNavigation() {
        return NavigationItem.forAuthority(940, "moderation.nav", PATH, Role.OPERATOR.authority());
    }

    @GetMapping(PATH)
    String queue(
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        ModerationItem.Status shown;
        try {
            shown = ModerationItem.Status.ofCode(status);
        } catch (DomainException unknown) {
            shown = ModerationItem.Status.PENDING;
        }
        long total = desk.count(shown);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("status", shown.code());
        model.addAttribute("statuses", List.of("pending", "released", "rejected"));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("maxReason", ModerationDesk.MAX_REASON_LENGTH);
        model.addAttribute(
                "rows",
                desk.page(shown, (long) (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(this::row)
                        .toList());
        return "moderation/queue";
    }

    @PostMapping(PATH + "/{id}/release")
    String release(
            @PathVariable long id,
            @AuthenticationPrincipal CurrentUser operator,
            @RequestParam(defaultValue = "1") int page,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            ModerationItem released = desk.release(id, operator.id());
            redirect.addFlashAttribute("notice", message("moderation.released", locale, describe(released, locale)));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", message("problem." + refused.key(), locale, refused.args()));
        }
        return back(page);
    }

    @PostMapping(PATH + "/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal CurrentUser operator,
            @RequestParam(defaultValue = "1") int page,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            ModerationItem rejected = desk.reject(id, reason, operator.id());
            redirect.addFlashAttribute("notice", message("moderation.rejected", locale, describe(rejected, locale)));
        } catch (DomainException refused) {
            String text = message("problem." + refused.key(), locale, refused.args());
            if ("reason".equals(refused.field())) {
                // shown next to that item's reason field, with what the operator typed
                redirect.addFlashAttribute("reasonErrors", Map.of(id, text));
                redirect.addFlashAttribute("reasonTyped", Map.of(id, reason == null ? "" : reason));
            } else {
                redirect.addFlashAttribute("refusal", text);
            }
        }
        return back(page);
    }

    private Row row(ModerationItem item) {
        return new Row(
                item.id(),
                item.recordType(),
                item.recordId(),
                item.stationId(),
                item.status().code(),
                local(item.heldAt()),
                item.findings().stream()
                        .map(match ->
                                new FindingView(match.field(), match.category().code(), match.matched(), match.rules()))
                        .toList(),
                item.fields().stream()
                        .map(field -> new FieldView(
                                field.name(), Highlighting.pieces(field.value(), field.name(), item.findings())))
                        .toList(),
                item.decidedBy() == null
                        ? null
                        : accounts.findById(item.decidedBy())
                                .map(Account::username)
                                .orElse("#" + item.decidedBy()),
                local(item.decidedAt()),
                item.reason());
    }

    private static ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneId.systemDefault());
    }

    private String describe(ModerationItem item, Locale locale) {
        String type =
                messages.getMessage("moderation.record-type." + item.recordType(), null, item.recordType(), locale);
        return type + " #" + item.recordId();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String back(int page) {
        return "redirect:"
                + UriComponentsBuilder.fromPath(PATH)
                        .queryParam("page", Math.max(1, page))
                        .build()
                        .toUriString();
    }
}
