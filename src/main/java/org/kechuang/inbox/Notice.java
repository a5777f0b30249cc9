package org.kechuang.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A notice to deliver to one account.
 *
 * @param recipientId the account that reads it; nobody else ever sees it
 * @param kind what it is about, named by the delivering module ({@code knowledge.saved-search}), which declares it as a
 *     {@link NoticeKind} so that recipients can choose its channels
 * @param deliveryKey the delivering module's key of the event: a notice with the same key for the same recipient is
 *     delivered once, so a redelivered event adds nothing
 * @param title shown in bold
 * @param text shown under the title, may be null
 * @param link a path inside the portal that the notice is about, may be null
 */
public record Notice(
        long recipientId,
        String kind,
        String deliveryKey,
        Message title,
        Message text,
        String link,
        Instant createdAt) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("a notice links to a path inside the portal: " + link);
        }
    }

    /**
     * A text in the reader's language: a message key of some module's bundle with its arguments, resolved when the
     * notice is read; or, without a key, a text already written in the recipient's language.
     */
    public record Message(String key, List<String> args) {

        public Message {
            args = List.copyOf(args);
            if (key == null && args.size() != 1) {
                throw new IllegalArgumentException("a literal message is its one argument");
            }
        }

        public static Message of(String key, String... args) {
            return new Message(Objects.requireNonNull(key, "key"), List.of(args));
        }

        public static Message literal(String text) {
            return new Message(null, List.of(text));
        }
    }
}
