package org.kechuang.inbox;

import java.util.Objects;
import java.util.Set;

/**
 * A kind of notice a module delivers, contributed by that module as a bean: each account chooses per kind which
 * channels it receives, starting from the defaults. A notice of a kind nobody declared reaches the inbox only.
 *
 * @param kind as in {@link Notice#kind()} ({@code knowledge.saved-search})
 * @param labelKey message key of what it is about, shown on the preferences page and used as the mail's subject
 * @param defaults the channels of an account that has not chosen
 */
public record NoticeKind(String kind, String labelKey, Set<Channel> defaults) {

    public NoticeKind {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(labelKey, "labelKey");
        if (kind.isBlank() || kind.length() > 100) {
            throw new IllegalArgumentException("a notice kind is 1 to 100 characters: " + kind);
        }
        defaults = Set.copyOf(defaults);
    }
}
