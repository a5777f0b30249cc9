package org.kechuang.inbox;

import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notices: nobody reads or marks another account's notices (they answer 404, as unknown ones). */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApi {

    static final int MAX_SIZE = 100;

    private final Notices notices;
    private final MessageSource messages;

    InboxApi(Notices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    record Page(long total, long unread, List<NoticeView> results) {}

    /** The caller's notices, newest first, with how many there are and how many are unread. */
    @GetMapping
    Page list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("size", "inbox.size.invalid", MAX_SIZE);
        }
        if (page < 0) {
            throw DomainException.invalid("page", "inbox.page.invalid");
        }
        Notices.Page found = notices.page(user.id(), page, size);
        return new Page(
                found.total(),
                found.unread(),
                found.results().stream()
                        .map(n -> NoticeView.of(n, messages, locale))
                        .toList());
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        if (!notices.markRead(user.id(), id)) {
            throw DomainException.notFound("inbox.notice.not-found", id);
        }
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(@AuthenticationPrincipal CurrentUser user) {
        notices.markAllRead(user.id());
    }
}
