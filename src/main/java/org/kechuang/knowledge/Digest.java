package org.kechuang.knowledge;

import java.time.Duration;
import java.util.Locale;
import org.kechuang.platform.web.DomainException;

/** How often the new matches of a subscription are collected in a mail. */
enum Digest {
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7)),
    NEVER(null);

    /** Time between two digests; null for none. */
    final Duration period;

    Digest(Duration period) {
        this.period = period;
    }

    static Digest parse(String value) {
        if (value == null || value.isBlank()) {
            return NEVER;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("digest", "knowledge.digest.invalid");
        }
    }
}
