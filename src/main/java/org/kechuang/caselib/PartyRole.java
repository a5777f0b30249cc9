package org.kechuang.caselib;

import java.util.Locale;
import java.util.Optional;

/** The part an organization played in a case. */
public enum PartyRole {
    /** 需求方: had the problem */
    DEMAND_SIDE("需求方"),
    /** 供给方: brought the technology or the solution */
    SUPPLY_SIDE("供给方"),
    /** 服务方: brokered the engagement (technology managers, service organizations, stations) */
    BROKER("服务方");

    private final String chineseName;

    PartyRole(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The constant name in any case (hyphens or blanks for underscores) or the Chinese name. */
    public static Optional<PartyRole> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (PartyRole role : values()) {
            if (role.name().equals(name) || role.chineseName.equals(typed.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
