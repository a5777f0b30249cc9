package org.kechuang.talent;

import java.util.Locale;
import java.util.Optional;

/** Whether an expert takes on consulting, reviews and cooperation now (可对接状态). */
public enum Availability {
    /** 可对接 */
    AVAILABLE("可对接"),
    /** 有限对接: busy, answers selected requests */
    LIMITED("有限对接"),
    /** 暂不对接 */
    UNAVAILABLE("暂不对接");

    private final String chineseName;

    Availability(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The constant name in any case, or the Chinese name; empty for anything else. */
    public static Optional<Availability> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip().toUpperCase(Locale.ROOT);
        for (Availability availability : values()) {
            if (availability.name().equals(name) || availability.chineseName.equals(typed.strip())) {
                return Optional.of(availability);
            }
        }
        return Optional.empty();
    }
}
