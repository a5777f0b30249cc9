package org.kechuang.brokerage;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The messages panel of an engagement ({@code templates/brokerage/messages.html}): loaded into the engagement page by
 * htmx, or shown as a page of its own without JavaScript. Writing answers the panel again (htmx) or goes back to the
 * page (a plain form post); refused input is shown next to its field with what was typed kept.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class EngagementMessagePages {

    private final EngagementMessages messages;
    private final Problems problems;

    EngagementMessagePages(EngagementMessages messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    static String path(long engagementId) {
        return "/engagements/" + engagementId + "/messages";
    }

    /**
     * What the panel shows.
     *
     * @param errors field → message in the reader's language
     */
    record Thread(long engagementId, List<Item> messages, String text, Map<String, String> errors) {}

    record Item(
            long id,
            String author,
            boolean mine,
            String text,
            ZonedDateTime createdAt,
            List<EngagementMessageApi.AttachmentView> attachments) {}

    @GetMapping("/engagements/{id}/messages")
    Object thread(
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        Thread thread;
        try {
            thread = thread(id, user, null, Map.of());
        } catch (DomainException refused) {
            if (htmx != null && refused.status() == HttpStatus.FORBIDDEN) {
                // the engagement page loads the panel for every reader; one who may not read the messages gets none
                return ResponseEntity.noContent().build();
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("thread", thread);
        return htmx != null ? "brokerage/messages :: panel(thread=${thread})" : "brokerage/messages";
    }

    @PostMapping("/engagements/{id}/messages")
    String write(
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            messages.post(id, text, EngagementMessageApi.upload(file), user);
        } catch (EngagementRefused refused) {
            refused.violations()
                    .forEach(v -> errors.putIfAbsent(v.field(), problems.message(v.key(), v.args(), locale)));
        } catch (DomainException refused) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (errors.isEmpty() && htmx == null) {
            return "redirect:" + path(id);
        }
        model.addAttribute("thread", thread(id, user, errors.isEmpty() ? null : text, errors));
        return htmx != null ? "brokerage/messages :: panel(thread=${thread})" : "brokerage/messages";
    }

    private Thread thread(long id, CurrentUser user, String typed, Map<String, String> errors) {
        List<EngagementMessage> thread = messages.thread(id, user);
        Map<Long, String> names = messages.names(thread);
        List<Item> items = thread.stream()
                .map(m -> new Item(
                        m.id(),
                        names.get(m.authorId()),
                        m.authorId() == user.id(),
                        m.text(),
                        m.createdAt().atZone(EngagementDesk.ZONE),
                        m.attachments().stream().map(EngagementMessageApi::view).toList()))
                .toList();
        return new Thread(id, items, typed, errors);
    }
}
