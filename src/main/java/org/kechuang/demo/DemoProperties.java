package org.kechuang.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many records of each kind the demo seeds (only in the {@code demo} profile). Raising a count later seeds the
 * records that are missing; lowering it removes nothing.
 */
@ConfigurationProperties("kechuang.demo")
record DemoProperties(
        @DefaultValue("2000") int demands,
        @DefaultValue("5000") int achievements,
        @DefaultValue("5000") int experts,
        @DefaultValue("200") int cases) {

    DemoProperties {
        if (demands < 0 || achievements < 0 || experts < 0 || cases < 0) {
            throw new IllegalArgumentException("demo counts cannot be negative");
        }
    }

    int count(String kind) {
        return switch (kind) {
            case DemoLibrary.DEMAND -> demands;
            case DemoLibrary.ACHIEVEMENT -> achievements;
            case DemoLibrary.EXPERT -> experts;
            case DemoLibrary.CASE -> cases;
            default -> throw new IllegalArgumentException("unknown demo kind " + kind);
        };
    }
}
