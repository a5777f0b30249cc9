package org.kechuang.inbox;

import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A notice as its recipient reads it, in the language of the request.
 *
 * @param link a path inside the portal, may be null
 */
record NoticeView(long id, String kind, String title, String text, String link, Instant createdAt, boolean read) {

    static NoticeView of(Notices.Stored notice, MessageSource messages, Locale locale) {
        return new NoticeView(
                notice.id(),
                notice.kind(),
                resolve(notice.title(), messages, locale),
                notice.text() == null ? null : resolve(notice.text(), messages, locale),
                notice.link(),
                notice.createdAt(),
                notice.read());
    }

    /** The message in the language: a literal text as it is, a key resolved with its arguments. */
    static String resolve(Notice.Message message, MessageSource messages, Locale locale) {
        if (message.key() == null) {
            return message.args().getFirst();
        }
        return messages.getMessage(message.key(), message.args().toArray(), message.key(), locale);
    }
}
