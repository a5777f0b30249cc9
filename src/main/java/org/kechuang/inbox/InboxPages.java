package org.kechuang.inbox;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page {@code /inbox}: the signed-in user's notices, newest first, to open and mark read. */
@Controller
class InboxPages {

    static final int PAGE_SIZE = 20;

    private final Notices notices;
    private final MessageSource messages;

    InboxPages(Notices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    record Row(NoticeView notice, ZonedDateTime createdAt) {}

    @GetMapping("/inbox")
    String list(
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        int shown = Math.max(0, page);
        Notices.Page found = notices.page(user.id(), shown, PAGE_SIZE);
        model.addAttribute(
                "notices",
                found.results().stream()
                        .map(n -> new Row(
                                NoticeView.of(n, messages, locale),
                                n.createdAt().atZone(ZoneId.systemDefault())))
                        .toList());
        model.addAttribute("total", found.total());
        model.addAttribute("unread", found.unread());
        model.addAttribute("page", shown);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "inbox/list";
    }

    /** Marks the notice read and opens what it links to (the inbox when it links nowhere). */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        notices.markRead(user.id(), id);
        return "redirect:" + notices.link(user.id(), id).orElse("/inbox");
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        notices.markRead(user.id(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        notices.markAllRead(user.id());
        return "redirect:/inbox";
    }
}
