package org.kechuang.brokerage;

import java.util.Locale;

/** What a demand is brought together with. */
public enum CounterpartType {
    ACHIEVEMENT,
    EXPERT,
    ORGANIZATION;

    /** The lower-case name used in paths and the API ({@code achievement}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CounterpartType parse(String value) {
        if (value != null) {
            for (CounterpartType type : values()) {
                if (type.code().equalsIgnoreCase(value.strip())) {
                    return type;
                }
            }
        }
        throw org.kechuang.platform.web.DomainException.invalid(
                "counterpartType", "engagement.counterpart-type.invalid", String.valueOf(value));
    }

    /** The counterpart's page in the portal. */
    String link(long id) {
        return switch (this) {
            case ACHIEVEMENT -> "/achievements/" + id;
            case EXPERT -> "/experts/" + id;
            case ORGANIZATION -> "/organizations/" + id;
        };
    }
}
