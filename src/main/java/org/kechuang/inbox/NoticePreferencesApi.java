package org.kechuang.inbox;

import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own choice of channels per notice kind, and the language of their notice mails. */
@RestController
@RequestMapping("/api/v1/inbox/preferences")
class NoticePreferencesApi {

    private final NoticePreferences preferences;
    private final MessageSource messages;

    NoticePreferencesApi(NoticePreferences preferences, MessageSource messages) {
        this.preferences = preferences;
        this.messages = messages;
    }

    /**
     * @param label what the kind is about, in the request's language
     * @param channels what the caller receives it by ({@code INBOX}, {@code EMAIL})
     * @param defaults what an account that never chose receives it by
     */
    record KindResource(String kind, String label, List<Channel> channels, List<Channel> defaults) {}

    /** @param language the language notice mails are written in: {@code zh-CN} or {@code en} */
    record PreferencesResource(String language, List<KindResource> kinds) {}

    /** @param channels the channels to receive the kind by; those left out are turned off */
    record ChoiceRequest(String kind, List<String> channels) {}

    /**
     * @param language {@code zh-CN} or {@code en}; left out, unchanged
     * @param kinds the kinds to change; kinds left out keep their choice
     */
    record PreferencesRequest(String language, List<ChoiceRequest> kinds) {}

    @GetMapping
    PreferencesResource get(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        return resource(preferences.of(user.id()), locale);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    PreferencesResource change(
            @RequestBody PreferencesRequest request, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        List<NoticePreferences.Requested> requested = request.kinds() == null
                ? List.of()
                : request.kinds().stream()
                        .map(c -> c == null ? null : new NoticePreferences.Requested(c.kind(), c.channels()))
                        .toList();
        return resource(preferences.change(user.id(), request.language(), requested), locale);
    }

    private PreferencesResource resource(NoticePreferences.Settings settings, Locale locale) {
        return new PreferencesResource(
                settings.language().code(),
                settings.choices().stream()
                        .map(choice -> new KindResource(
                                choice.kind().kind(),
                                messages.getMessage(
                                        choice.kind().labelKey(),
                                        null,
                                        choice.kind().labelKey(),
                                        locale),
                                sorted(choice.channels()),
                                sorted(choice.kind().defaults())))
                        .toList());
    }

    private static List<Channel> sorted(java.util.Set<Channel> channels) {
        return channels.stream().sorted().toList();
    }
}
